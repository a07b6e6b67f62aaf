/** An API key as stored, without its hash: safe to list and show. */
export interface ApiKeyRecord {
  readonly keyId: string;
  readonly tenant: string;
  readonly roles: readonly string[];
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** A stored key with the hash the gateway compares a presented key against. */
export interface StoredApiKey extends ApiKeyRecord {
  readonly keyHash: string;
}
