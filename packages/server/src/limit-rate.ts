import type { Clock } from '@dax/core';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Above this many tracked names, full (idle) buckets are dropped to bound memory. */
const sweepThreshold = 50_000;

/**
 * A token bucket per name (key or tenant): `perMinute` requests may burst at
 * once, refilled evenly over a minute. In memory, per gateway process.
 */
export class RateLimit {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  readonly #clock: Clock;
  readonly #buckets = new Map<string, Bucket>();

  constructor(perMinute: number, clock: Clock) {
    if (!Number.isFinite(perMinute) || perMinute < 1) throw new RangeError('perMinute must be at least 1');
    this.#capacity = perMinute;
    this.#refillPerMs = perMinute / 60_000;
    this.#clock = clock;
  }

  /** Seconds until `name` may make a request; 0 when it may now. Consumes nothing. */
  waitSeconds(name: string): number {
    const tokens = this.#refreshed(name).tokens;
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.#refillPerMs / 1000);
  }

  /** Spends one request of `name`; call after `waitSeconds` returned 0. */
  take(name: string): void {
    this.#refreshed(name).tokens -= 1;
  }

  #refreshed(name: string): Bucket {
    const now = this.#clock.monotonicMs();
    let bucket = this.#buckets.get(name);
    if (bucket === undefined) {
      if (this.#buckets.size >= sweepThreshold) this.#sweep(now);
      bucket = { tokens: this.#capacity, updatedMs: now };
      this.#buckets.set(name, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.updatedMs);
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + elapsed * this.#refillPerMs);
    bucket.updatedMs = now;
    return bucket;
  }

  #sweep(now: number): void {
    for (const [name, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedMs) * this.#refillPerMs >= this.#capacity) this.#buckets.delete(name);
    }
  }
}
