/** How the gateway trusts OIDC bearer tokens (the `oidc` part of the gateway config). */
export interface OidcSettings {
  /** Expected `iss`, exactly. */
  readonly issuer: string;
  /** Expected `aud` (one of the token's audiences). */
  readonly audience: string;
  /** Where the issuer publishes its signing keys (JWKS). */
  readonly jwksUrl: string;
  /** Claim naming the caller's tenant; default `tenant`. */
  readonly tenantClaim: string;
  /** Claim listing the caller's roles (array or space-separated); default `roles`. */
  readonly rolesClaim: string;
  /** Claim listing the caller's approval groups for configuration versions; none when unset. */
  readonly groupsClaim?: string;
  /** Signature algorithms accepted; asymmetric only. */
  readonly algorithms: readonly string[];
}

/** Tuning of the key fetch; the defaults suit production. */
export interface OidcVerifierOptions {
  /** Least time between two JWKS fetches triggered by an unknown key id. Default 30 s. */
  readonly jwksCooldownMs?: number;
  /** How long fetched keys are trusted before a refetch. Default 10 min. */
  readonly jwksCacheMaxAgeMs?: number;
  /** Bound on one JWKS fetch. Default 5 s. */
  readonly jwksTimeoutMs?: number;
  /** Leeway for `exp`/`nbf`, in seconds. Default 0. */
  readonly clockToleranceSeconds?: number;
  /** The time tokens are judged at; default the system clock. */
  readonly now?: () => Date;
}
