import { DaxError } from '@dax/protocol';
import { withRetryAfter } from './problem-details.js';

/** Counts runs in progress per tenant and refuses one beyond the limit. */
export class ConcurrencyLimit {
  readonly #limit: number;
  readonly #running = new Map<string, number>();

  constructor(limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
    this.#limit = limit;
  }

  /** Counts one more run for `tenant`; the returned release is safe to call twice. */
  acquire(tenant: string): () => void {
    const running = this.#running.get(tenant) ?? 0;
    if (running >= this.#limit) throw withRetryAfter(new DaxError('DAX_E_CONCURRENCY_LIMITED'), 1);
    this.#running.set(tenant, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#running.get(tenant) ?? 1) - 1;
      if (left <= 0) this.#running.delete(tenant);
      else this.#running.set(tenant, left);
    };
  }

  running(tenant: string): number {
    return this.#running.get(tenant) ?? 0;
  }
}
