import { randomUUID } from 'node:crypto';
import type { Clock, DataClass } from '@dax/core';
import { applyRetention, type KyselyRunStore, type RetentionPolicy } from '@dax/store';
import type { FastifyBaseLogger } from 'fastify';

export interface RetentionSweepOptions {
  readonly store: KyselyRunStore;
  readonly policy: RetentionPolicy;
  readonly classOf: (layer: string) => DataClass;
  readonly intervalMs: number;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
}

/**
 * Removes expired texts every `intervalMs`. Replicas sharing a store take turns
 * through the sweep lease, so a run is never swept twice at once; a failed sweep
 * is logged (code only) and tried again at the next interval.
 */
export class RetentionSweep {
  readonly #options: RetentionSweepOptions;
  readonly #holder = randomUUID();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(options: RetentionSweepOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#options.intervalMs === 0 || this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      this.#running ??= this.sweepOnce().finally(() => (this.#running = undefined));
    }, this.#options.intervalMs);
    this.#timer.unref();
  }

  async sweepOnce(): Promise<void> {
    const { store, policy, classOf, clock, log } = this.#options;
    try {
      const report = await applyRetention(store, { policy, classOf, now: clock.now(), holder: this.#holder });
      if (report.claimed) log.info({ runsByClass: report.runsByClass }, 'retention sweep finished');
    } catch (error) {
      log.error({ err: error }, 'retention sweep failed');
    }
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
