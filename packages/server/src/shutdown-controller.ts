import { DaxError } from '@dax/protocol';

/** One admitted run: its abort signal (fired if shutdown's grace runs out) and its completion. */

/** How long cancelled runs get to record their outcome before the process stops waiting. */
const settleAfterCancelMs = 5_000;
export interface RunTicket {
  readonly signal: AbortSignal;
  done(): void;
}

export interface DrainOutcome {
  /** Runs that finished within the grace period. */
  readonly finished: number;
  /** Runs still going when the grace period ended, and therefore cancelled. */
  readonly cancelled: number;
}

/**
 * Tracks in-flight runs so shutdown can stop admitting new ones, let the running
 * ones finish within a bound, and cancel the rest (each is then recorded as a
 * failed run with `DAX_E_RUN_ABORTED`, so its state is saved).
 */
export class ShutdownController {
  readonly #inFlight = new Set<AbortController>();
  readonly #idleWaiters: (() => void)[] = [];
  #draining = false;

  get draining(): boolean {
    return this.#draining;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Admits a run, or throws `DAX_E_SHUTTING_DOWN` once draining has begun. */
  admit(): RunTicket {
    if (this.#draining) throw new DaxError('DAX_E_SHUTTING_DOWN');
    const controller = new AbortController();
    this.#inFlight.add(controller);
    let settled = false;
    return {
      signal: controller.signal,
      done: () => {
        if (settled) return;
        settled = true;
        this.#inFlight.delete(controller);
        if (this.#inFlight.size === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
      },
    };
  }

  /** Stops admitting runs; waits up to `graceMs` for in-flight ones, then cancels the rest and waits for them to settle. */
  async drain(graceMs: number): Promise<DrainOutcome> {
    this.#draining = true;
    const started = this.#inFlight.size;
    if (started === 0) return { finished: 0, cancelled: 0 };
    let timer: NodeJS.Timeout | undefined;
    const idle = this.#whenIdle();
    const graceOver = new Promise<'grace-over'>((resolve) => {
      timer = setTimeout(() => resolve('grace-over'), graceMs);
    });
    const first = await Promise.race([idle.then(() => 'idle' as const), graceOver]);
    clearTimeout(timer);
    if (first === 'idle') return { finished: started, cancelled: 0 };
    const cancelled = this.#inFlight.size;
    for (const controller of this.#inFlight) controller.abort(new DaxError('DAX_E_RUN_ABORTED', { detail: 'The gateway shut down before the run finished.' }));
    // A run stuck in a call that ignores its signal must not hold the process forever.
    let settleTimer: NodeJS.Timeout | undefined;
    const settleOver = new Promise<void>((resolve) => {
      settleTimer = setTimeout(resolve, settleAfterCancelMs);
    });
    await Promise.race([idle, settleOver]);
    clearTimeout(settleTimer);
    return { finished: started - cancelled, cancelled };
  }

  #whenIdle(): Promise<void> {
    if (this.#inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }
}
