const delaySecondsPattern = /^\d+$/;
/** Every HTTP date form names the month in letters; bare numbers are not dates here. */
const httpDateHint = /[A-Za-z]{3}/;

/**
 * Reads an HTTP `Retry-After` value (delay-seconds or an HTTP date) as milliseconds
 * from `nowMs`. Returns undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.length === 0) return undefined;
  if (delaySecondsPattern.test(trimmed)) return Number(trimmed) * 1000;
  if (!httpDateHint.test(trimmed)) return undefined;
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}
