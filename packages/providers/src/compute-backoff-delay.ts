import type { RetryOptions } from './retry-options.js';

/**
 * Exponential backoff with full jitter before retry number `retry` (1 for the first
 * retry): a random wait up to `baseDelayMs · 2^(retry-1)`, at least the provider's
 * `Retry-After`, never more than `maxDelayMs`.
 */
export function computeBackoffDelay(
  retry: number,
  retryAfterMs: number | undefined,
  options: RetryOptions,
  random: () => number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  const jittered = random() * ceiling;
  const wanted = retryAfterMs === undefined ? jittered : Math.max(jittered, retryAfterMs);
  return Math.min(options.maxDelayMs, wanted);
}
