import { DaxError } from '@dax/protocol';

export interface RetryOptions {
  /** Attempts per model, the first one included. Defaults to 3. */
  readonly maxAttempts: number;
  /** Backoff ceiling of the first retry; doubles per retry. Defaults to 100 ms. */
  readonly baseDelayMs: number;
  /** Longest wait between two attempts, a provider's `Retry-After` included. Defaults to 2000 ms. */
  readonly maxDelayMs: number;
}

export const defaultRetryOptions: RetryOptions = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2000 };

/** Fills defaults and refuses impossible values at construction. */
export function resolveRetryOptions(options: Partial<RetryOptions> = {}): RetryOptions {
  const resolved = { ...defaultRetryOptions, ...options };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: 'retry.maxAttempts must be an integer of at least 1.' });
  }
  if (!(resolved.baseDelayMs >= 0) || !(resolved.maxDelayMs >= resolved.baseDelayMs)) {
    throw new DaxError('DAX_E_CONFIG_INVALID', {
      detail: 'retry.baseDelayMs must be at least 0 and retry.maxDelayMs at least retry.baseDelayMs.',
    });
  }
  return resolved;
}
