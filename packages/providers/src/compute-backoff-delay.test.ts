import { describe, expect, it } from 'vitest';
import { computeBackoffDelay } from './compute-backoff-delay.js';
import { defaultRetryOptions } from './retry-options.js';

describe('computeBackoffDelay', () => {
  it('doubles the ceiling per retry and caps it', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((retry) => computeBackoffDelay(retry, undefined, defaultRetryOptions, top))).toEqual([
      100, 200, 400, 800, 1600, 2000,
    ]);
  });

  it('scales the ceiling by the random draw', () => {
    expect(computeBackoffDelay(3, undefined, defaultRetryOptions, () => 0.5)).toBe(200);
    expect(computeBackoffDelay(3, undefined, defaultRetryOptions, () => 0)).toBe(0);
  });

  it('waits at least Retry-After, never beyond maxDelayMs', () => {
    expect(computeBackoffDelay(1, 750, defaultRetryOptions, () => 0)).toBe(750);
    expect(computeBackoffDelay(1, 30_000, defaultRetryOptions, () => 0)).toBe(2000);
  });
});
