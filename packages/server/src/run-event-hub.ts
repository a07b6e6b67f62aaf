import type { RunEvent } from '@dax/protocol';

/** Receives a live run's events in order, then `end` once the run is over. */
export interface RunEventSubscriber {
  event(event: RunEvent): void;
  end(): void;
}

interface LiveRun {
  readonly tenant: string;
  readonly events: RunEvent[];
  readonly subscribers: Set<RunEventSubscriber>;
}

function deliver(action: () => void): void {
  try {
    action();
  } catch {
    // One subscriber's failure (a closed socket) never disturbs the run or other subscribers.
  }
}

/**
 * The events of runs executing in this process. A subscriber first gets the
 * buffered events after its `Last-Event-ID`, then the live ones, synchronously
 * and in sequence order, so nothing is missed or repeated. A run stays here
 * until its events are stored (`end`); after that, replay comes from the store.
 */
export class RunEventHub {
  readonly #runs = new Map<string, LiveRun>();

  /** Number of runs currently live. */
  get size(): number {
    return this.#runs.size;
  }

  /** Whether this tenant's run is executing in this process. */
  isLive(runId: string, tenant: string): boolean {
    return this.#runs.get(runId)?.tenant === tenant;
  }

  publish(tenant: string, event: RunEvent): void {
    let run = this.#runs.get(event.runId);
    if (run === undefined) {
      run = { tenant, events: [], subscribers: new Set() };
      this.#runs.set(event.runId, run);
    }
    run.events.push(event);
    for (const subscriber of run.subscribers) deliver(() => subscriber.event(event));
  }

  /**
   * Follows a live run of this tenant from after `afterSeq`. Returns the
   * unsubscribe function, or undefined when the run is not live here (or is
   * another tenant's).
   */
  subscribe(runId: string, tenant: string, afterSeq: number, subscriber: RunEventSubscriber): (() => void) | undefined {
    const run = this.#runs.get(runId);
    if (run === undefined || run.tenant !== tenant) return undefined;
    for (const event of run.events) if (event.seq > afterSeq) deliver(() => subscriber.event(event));
    run.subscribers.add(subscriber);
    return () => run.subscribers.delete(subscriber);
  }

  /** The run is over and its events are stored: tells subscribers and forgets it. */
  end(runId: string): void {
    const run = this.#runs.get(runId);
    if (run === undefined) return;
    this.#runs.delete(runId);
    for (const subscriber of run.subscribers) deliver(() => subscriber.end());
  }

  /** Ends every live run's subscriptions (shutdown). */
  endAll(): void {
    for (const runId of [...this.#runs.keys()]) this.end(runId);
  }
}
