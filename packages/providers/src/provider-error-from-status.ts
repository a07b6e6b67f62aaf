import type { ErrorCode } from '@dax/protocol';
import { ProviderError } from './provider-error.js';

/** 408, 429 and every 5xx may succeed when repeated; other statuses will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'DAX_E_PROVIDER_AUTH';
  if (status === 408) return 'DAX_E_PROVIDER_TIMEOUT';
  if (status === 429) return 'DAX_E_PROVIDER_RATE_LIMITED';
  if (status >= 500) return 'DAX_E_PROVIDER_UNAVAILABLE';
  if (status >= 400) return 'DAX_E_PROVIDER_REJECTED';
  return 'DAX_E_PROVIDER_MALFORMED';
}

/**
 * Maps an unsuccessful upstream HTTP status to a ProviderError; the body is never read
 * into it. A status that is neither 2xx nor 4xx/5xx counts as a malformed answer.
 */
export function providerErrorFromStatus(status: number, providerId: string, retryAfterMs?: number): ProviderError {
  const code = codeForStatus(status);
  return new ProviderError(code, {
    detail: `Provider "${providerId}" answered HTTP ${status}.`,
    retryable: code === 'DAX_E_PROVIDER_MALFORMED' || isRetryableStatus(status),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
