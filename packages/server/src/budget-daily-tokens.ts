import type { Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import { withRetryAfter } from './problem-details.js';

interface DayUsage {
  day: string;
  tokens: number;
}

const msPerDay = 86_400_000;

/**
 * Tokens used per tenant per UTC day. A tenant that has used its budget is
 * refused until the next UTC midnight (`Retry-After` says when). In memory, per
 * gateway process.
 */
export class DailyTokenBudget {
  readonly #budget: number;
  readonly #clock: Clock;
  readonly #usage = new Map<string, DayUsage>();

  constructor(budget: number, clock: Clock) {
    if (!Number.isSafeInteger(budget) || budget < 1) throw new RangeError('budget must be a positive integer');
    this.#budget = budget;
    this.#clock = clock;
  }

  /** Throws `DAX_E_BUDGET_EXHAUSTED` when the tenant has no tokens left today. */
  check(tenant: string): void {
    const now = this.#clock.now();
    if (this.#current(tenant, now).tokens < this.#budget) return;
    const secondsToMidnight = (msPerDay - (now.getTime() % msPerDay)) / 1000;
    throw withRetryAfter(new DaxError('DAX_E_BUDGET_EXHAUSTED'), secondsToMidnight);
  }

  /** Adds tokens a run used; negative or non-finite counts are ignored. */
  record(tenant: string, tokens: number): void {
    if (!Number.isFinite(tokens) || tokens <= 0) return;
    this.#current(tenant, this.#clock.now()).tokens += Math.ceil(tokens);
  }

  used(tenant: string): number {
    return this.#current(tenant, this.#clock.now()).tokens;
  }

  #current(tenant: string, now: Date): DayUsage {
    const day = now.toISOString().slice(0, 10);
    let usage = this.#usage.get(tenant);
    if (usage === undefined || usage.day !== day) {
      usage = { day, tokens: 0 };
      this.#usage.set(tenant, usage);
    }
    return usage;
  }
}
