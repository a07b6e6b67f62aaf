import type { Clock } from './clock.js';

/**
 * A clock moved by hand, for tests and drills of time-driven behaviour (SLA sweeps,
 * leases, rate windows, retention). Both readings advance only when told to.
 */
export class ManualClock implements Clock {
  #ms: number;

  /** Starts at `start` (an ISO time or epoch milliseconds). */
  constructor(start: string | number = '2025-06-01T12:00:00.000Z') {
    this.#ms = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): Date {
    return new Date(this.#ms);
  }

  monotonicMs(): number {
    return this.#ms;
  }

  /** Moves the clock forward; returns the new time. */
  advance(ms: number): Date {
    this.#ms += ms;
    return this.now();
  }

  /** Moves the clock forward by whole seconds; returns the new time. */
  advanceSeconds(seconds: number): Date {
    return this.advance(seconds * 1000);
  }
}
