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
  DAX_E_RUN_NOT_FOUND: { status: 404, message: 'No run with that id exists.', retryable: false },
  DAX_E_RUN_ABORTED: { status: 499, message: 'The run was cancelled before it finished.', retryable: true },
  DAX_E_STORE_UNAVAILABLE: { status: 503, message: 'The run store is unavailable.', retryable: true },
  DAX_E_STORE_MIGRATION: { status: 500, message: 'The run store schema could not be migrated.', retryable: false },
  DAX_E_INTERNAL: { status: 500, message: 'An internal error occurred.', retryable: false },
} as const satisfies Record<string, ErrorCatalogueEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}
