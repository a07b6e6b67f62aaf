/**
 * The one catalogue of Dax error codes. Every failure a caller or operator can see
 * carries one of these codes; `docs/errors.md` lists the same codes (a test keeps
 * both in step).
 */
export interface ErrorCatalogueEntry {
  /** HTTP status used when the error crosses an HTTP boundary. */
  readonly status: number;
  /** User-facing message: safe to show, never contains input, secrets or upstream bodies. */
  readonly message: string;
  /** Whether repeating the same request later may succeed. */
  readonly retryable: boolean;
}

export const errorCatalogue = {
  DAX_E_USAGE: { status: 400, message: 'The command or request was used incorrectly.', retryable: false },
  DAX_E_INPUT_INVALID: { status: 400, message: 'The request input is invalid.', retryable: false },
  DAX_E_INPUT_TOO_LARGE: { status: 413, message: 'The input exceeds the configured size limit.', retryable: false },
  DAX_E_CONFIG_NOT_FOUND: { status: 500, message: 'A configuration file could not be read.', retryable: false },
  DAX_E_CONFIG_INVALID: { status: 500, message: 'A configuration file is invalid.', retryable: false },
  DAX_E_POLICY_INVALID: { status: 500, message: 'A policy file is invalid.', retryable: false },
  DAX_E_POLICY_EVALUATION: { status: 500, message: 'The policy engine could not reach a decision.', retryable: false },
  DAX_E_GUARD_FAILED: { status: 500, message: 'A governance guard failed; the run was stopped.', retryable: false },
  DAX_E_LAYER_FAILED: { status: 502, message: 'A governance layer could not produce an output.', retryable: true },
  DAX_E_LAYER_REASON_INVALID: { status: 502, message: 'A layer returned malformed structured output.', retryable: true },
  DAX_E_PROVIDER_TIMEOUT: { status: 504, message: 'The model provider did not answer in time.', retryable: true },
  DAX_E_PROVIDER_RATE_LIMITED: { status: 503, message: 'The model provider is rate limiting requests.', retryable: true },
  DAX_E_PROVIDER_UNAVAILABLE: { status: 502, message: 'The model provider returned a server error.', retryable: true },
  DAX_E_PROVIDER_NETWORK: { status: 502, message: 'The model provider could not be reached.', retryable: true },
  DAX_E_PROVIDER_MALFORMED: { status: 502, message: 'The model provider returned a malformed response.', retryable: true },
  DAX_E_PROVIDER_REJECTED: { status: 502, message: 'The model provider rejected the request.', retryable: false },
  DAX_E_PROVIDER_AUTH: { status: 502, message: 'The model provider refused the configured credentials.', retryable: false },
  DAX_E_PROVIDER_KEY_MISSING: { status: 500, message: 'No API key is configured for the model provider.', retryable: false },
  DAX_E_PROVIDER_UNKNOWN: { status: 500, message: 'The requested model provider is not configured.', retryable: false },
  DAX_E_SCRIPT_INVALID: { status: 500, message: 'The scripted provider file is invalid.', retryable: false },
  DAX_E_CONFIG_VERSION_NOT_FOUND: { status: 404, message: 'No configuration version with that id exists.', retryable: false },
  DAX_E_CONFIG_IMMUTABLE: { status: 409, message: 'A proposed or active configuration version cannot be changed; propose a new version.', retryable: false },
  DAX_E_CONFIG_SELF_APPROVAL: { status: 403, message: 'Nobody may approve their own configuration proposal.', retryable: false },
  DAX_E_CONFIG_APPROVER_INELIGIBLE: { status: 403, message: 'The approver belongs to no approval group this version still needs.', retryable: false },
  DAX_E_CONFIG_NOT_APPROVED: { status: 409, message: 'The configuration version is not approved.', retryable: false },
  DAX_E_CONFIG_NOTE_MISSING: { status: 400, message: 'A migration note with what changed, why and how to roll back is required.', retryable: false },
  DAX_E_CONFIG_NO_PREVIOUS: { status: 409, message: 'There is no previously active version to roll back to.', retryable: false },
  DAX_E_CONFIG_BUNDLE_INVALID: { status: 400, message: 'The configuration bundle is malformed or its signature does not verify.', retryable: false },
  DAX_E_DOMAIN_UNKNOWN: { status: 404, message: 'The domain has no configuration.', retryable: false },
  DAX_E_DOMAIN_FORBIDDEN: { status: 403, message: 'The tenant is not allowed to use this domain.', retryable: false },
  DAX_E_MODEL_NOT_ALLOWED: { status: 400, message: 'The model policy does not allow this model.', retryable: false },
  DAX_E_RESIDENCY_VIOLATION: { status: 400, message: "The provider's data residency breaks the domain's residency rule.", retryable: false },
  DAX_E_DPA_MISSING: { status: 400, message: 'The domain handles personal data and the provider has no signed DPA.', retryable: false },
  DAX_E_EGRESS_DENIED: { status: 502, message: 'The outbound host is not a registered provider; no connection was opened.', retryable: false },
  DAX_E_TLS_PIN_MISMATCH: { status: 502, message: "The provider's TLS certificate does not match its pinned key.", retryable: false },
  DAX_E_RUN_NOT_FOUND: { status: 404, message: 'No run with that id exists.', retryable: false },
  DAX_E_VIEW_NOT_FOUND: { status: 404, message: 'No saved view with that id or name exists.', retryable: false },
  DAX_E_VIEW_EXISTS: { status: 409, message: 'A saved view with that name already exists in this tenant.', retryable: false },
  DAX_E_RUN_ABORTED: { status: 499, message: 'The run was cancelled before it finished.', retryable: true },
  DAX_E_RUN_ABANDONED: { status: 500, message: 'The process running the run stopped; the run was failed after its lease expired.', retryable: true },
  DAX_E_RUN_DEADLINE: { status: 504, message: 'The run did not finish within its deadline.', retryable: true },
  DAX_E_PROVIDER_CIRCUIT_OPEN: { status: 503, message: 'The model is failing repeatedly; calls to it are paused for a while.', retryable: true },
  DAX_E_PROVIDER_BULKHEAD_FULL: { status: 503, message: 'Too many model calls are in flight; try again shortly.', retryable: true },
  DAX_E_STORE_UNAVAILABLE: { status: 503, message: 'The run store is unavailable.', retryable: true },
  DAX_E_STORE_MIGRATION: { status: 500, message: 'The run store schema could not be migrated.', retryable: false },
  DAX_E_STORE_KEY_MISMATCH: { status: 500, message: 'This replica holds other keys than the shared store was written with.', retryable: false },
  DAX_E_EVIDENCE_SIGNING_FAILED: { status: 500, message: 'The run evidence could not be signed; the run was stopped.', retryable: true },
  DAX_E_EVIDENCE_KEY_PERMISSIONS: { status: 500, message: 'The evidence signing key file is readable by group or others.', retryable: false },
  DAX_E_EVIDENCE_KEY_INVALID: { status: 500, message: 'The evidence signing key is missing or not an Ed25519 key.', retryable: false },
  DAX_E_EVIDENCE_NOT_FOUND: { status: 404, message: 'No evidence exists for that run.', retryable: false },
  DAX_E_EVIDENCE_INVALID: { status: 422, message: 'The evidence or the evidence log failed verification.', retryable: false },
  DAX_E_AUTH_MISSING: { status: 401, message: 'Authentication is required: send an API key or a bearer token.', retryable: false },
  DAX_E_AUTH_KEY_INVALID: { status: 401, message: 'The API key is not valid.', retryable: false },
  DAX_E_AUTH_KEY_REVOKED: { status: 401, message: 'The API key has been revoked.', retryable: false },
  DAX_E_AUTH_TOKEN_MALFORMED: { status: 401, message: 'The bearer token is malformed.', retryable: false },
  DAX_E_AUTH_TOKEN_EXPIRED: { status: 401, message: 'The bearer token has expired.', retryable: false },
  DAX_E_AUTH_TOKEN_AUDIENCE: { status: 401, message: 'The bearer token is not meant for this gateway (audience).', retryable: false },
  DAX_E_AUTH_TOKEN_ISSUER: { status: 401, message: 'The bearer token comes from an untrusted issuer.', retryable: false },
  DAX_E_AUTH_TOKEN_ALGORITHM: { status: 401, message: 'The bearer token uses an algorithm that is not allowed.', retryable: false },
  DAX_E_AUTH_TOKEN_SIGNATURE: { status: 401, message: 'The bearer token signature does not verify.', retryable: false },
  DAX_E_AUTH_TOKEN_KEY_UNKNOWN: { status: 401, message: 'The bearer token is signed with a key the issuer does not publish.', retryable: false },
  DAX_E_AUTH_TOKEN_CLAIMS: { status: 401, message: 'The bearer token lacks the required tenant or role claims.', retryable: false },
  DAX_E_AUTH_CERTIFICATE: { status: 401, message: 'A valid client certificate is required.', retryable: false },
  DAX_E_FORBIDDEN: { status: 403, message: 'Your role does not allow this operation.', retryable: false },
  DAX_E_NOT_FOUND: { status: 404, message: 'No such resource.', retryable: false },
  DAX_E_METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed on this resource.', retryable: false },
  DAX_E_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request body must be application/json.', retryable: false },
  DAX_E_IDEMPOTENCY_CONFLICT: { status: 409, message: 'This Idempotency-Key was already used with a different request body.', retryable: false },
  DAX_E_IDEMPOTENCY_IN_PROGRESS: { status: 409, message: 'A request with this Idempotency-Key is still running.', retryable: true },
  DAX_E_RATE_LIMITED: { status: 429, message: 'Too many requests; retry after the time in Retry-After.', retryable: true },
  DAX_E_CONCURRENCY_LIMITED: { status: 429, message: 'Too many runs in progress for this tenant.', retryable: true },
  DAX_E_BUDGET_EXHAUSTED: { status: 429, message: "The tenant's daily token budget is spent.", retryable: false },
  DAX_E_LIMITS_UNAVAILABLE: { status: 503, message: 'The shared limits store cannot be reached; requests are refused until it is back.', retryable: true },
  DAX_E_SHUTTING_DOWN: { status: 503, message: 'The gateway is shutting down; retry on another replica.', retryable: true },
  DAX_E_NOT_READY: { status: 503, message: 'The gateway is not ready.', retryable: true },
  DAX_E_DATA_KEY_UNAVAILABLE: { status: 500, message: 'A data key or the master key is unavailable; the texts were not stored or read.', retryable: false },
  DAX_E_BACKUP_CORRUPT: { status: 400, message: 'The backup file is damaged or incomplete; nothing was restored.', retryable: false },
  DAX_E_BACKUP_SIGNATURE: { status: 400, message: 'The backup manifest signature does not verify with a trusted key; nothing was restored.', retryable: false },
  DAX_E_RESTORE_NOT_EMPTY: { status: 409, message: 'A backup can only be restored into an empty store.', retryable: false },
  DAX_E_GATE_NOT_FOUND: { status: 404, message: 'No human gate with that id exists.', retryable: false },
  DAX_E_GATE_CLOSED: { status: 409, message: 'The human gate is already decided or expired.', retryable: false },
  DAX_E_GATE_ALREADY_DECIDED: { status: 409, message: 'You have already decided on this gate; a second approver must be someone else.', retryable: false },
  DAX_E_GATE_SELF_APPROVAL: { status: 403, message: 'The caller who started a run cannot approve or deny it.', retryable: false },
  DAX_E_GATE_NOT_ON_CALL: { status: 403, message: 'Only the on-call members of the routed rotation can decide this gate.', retryable: false },
  DAX_E_RUN_NOT_PAUSED: { status: 409, message: 'The run is not paused at a human gate (it may have been resumed elsewhere).', retryable: false },
  DAX_E_INTERNAL: { status: 500, message: 'An internal error occurred.', retryable: false },
} as const satisfies Record<string, ErrorCatalogueEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}
