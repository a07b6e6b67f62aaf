/** in-toto Statement v1 `_type`. */
export const inTotoStatementType = 'https://in-toto.io/Statement/v1';

export interface ResourceDescriptor {
  readonly name: string;
  readonly digest: Readonly<Record<string, string>>;
}

/** An in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md). */
export interface InTotoStatement<Predicate> {
  readonly _type: typeof inTotoStatementType;
  readonly subject: readonly ResourceDescriptor[];
  readonly predicateType: string;
  readonly predicate: Predicate;
}
