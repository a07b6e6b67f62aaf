/**
 * Keeps the leases of the runs this process holds alive while they wait on a slow
 * layer: every `intervalMs` it renews each held run. Only a dead (or frozen)
 * process lets its leases lapse. The timer is unref'd and runs only while runs
 * are held; a failed renewal is retried on the next beat (the run's own
 * checkpoints report store failures).
 */
export class RunLeaseHeartbeat {
  readonly #intervalMs: number;
  readonly #renew: (runId: string) => Promise<void>;
  readonly #held = new Set<string>();
  #timer: NodeJS.Timeout | undefined;

  constructor(intervalMs: number, renew: (runId: string) => Promise<void>) {
    this.#intervalMs = intervalMs;
    this.#renew = renew;
  }

  hold(runId: string): void {
    this.#held.add(runId);
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => this.#beat(), this.#intervalMs);
      this.#timer.unref();
    }
  }

  release(runId: string): void {
    this.#held.delete(runId);
    if (this.#held.size === 0) this.stop();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #beat(): void {
    for (const runId of this.#held) this.#renew(runId).catch(() => undefined);
  }
}
