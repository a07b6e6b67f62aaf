import { DaxError } from '@dax/protocol';
import { errorFromAbort } from './error-from-abort.js';
import { ProviderError } from './provider-error.js';

const systemCodePattern = /^[A-Z][A-Z0-9_]{1,40}$/;

/** Finds a system error code (ECONNRESET, UND_ERR_SOCKET …) in an error's cause chain. */
function findSystemCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code: unknown = (current as { code?: unknown }).code;
    if (typeof code === 'string' && systemCodePattern.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Maps what `fetch` (or reading its body) threw. The original error is dropped on
 * purpose: its message can quote header values, which may hold the API key.
 */
export function errorFromFetchFailure(error: unknown, signal: AbortSignal, providerId: string): DaxError {
  if (signal.aborted) return errorFromAbort(signal, providerId);
  // Egress refusals and TLS pin mismatches are raised on purpose by the egress transport.
  if (DaxError.isInstance(error)) return error;
  const code = findSystemCode(error);
  return new ProviderError('DAX_E_PROVIDER_NETWORK', {
    detail: `Provider "${providerId}" could not be reached${code === undefined ? '' : ` (${code})`}.`,
  });
}
