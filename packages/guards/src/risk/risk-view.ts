/** How a clause relates to doing something: an instruction to act, a request for words only, or a negated action. */
export type ClauseMode = 'action' | 'informational' | 'negated';

export interface RiskClause {
  /** Lower-cased clause text. */
  readonly text: string;
  /** The clause from its head verb on: softeners, request prefixes ("could you") and short lead-ins removed. */
  readonly head: string;
  /** The same clause with its original letter case (for names such as "at Globex"). */
  readonly raw: string;
  readonly mode: ClauseMode;
}

/** The text as the risk rules see it, built once per call. */
export interface RiskView {
  readonly clauses: readonly RiskClause[];
  /** Clauses that ask for (or state) an action. */
  readonly actionClauses: readonly RiskClause[];
  /** Action clauses joined with ` | `, lower-cased. Rules that combine facts across clauses read this. */
  readonly actionText: string;
  /** Action and informational clauses (negated ones removed), lower-cased: for harmful-content rules. */
  readonly contentText: string;
  readonly hasInformational: boolean;
}
