import type { Clock } from '@dax/core';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start = Date.parse('2025-06-01T12:00:00.000Z')) {
    this.#ms = start;
  }

  now(): Date {
    return new Date(this.#ms);
  }

  monotonicMs(): number {
    return this.#ms;
  }

  advance(ms: number): void {
    this.#ms += ms;
  }
}
