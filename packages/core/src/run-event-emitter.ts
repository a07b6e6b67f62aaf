import type { RunEvent } from '@dax/protocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RunEventDraft = DistributiveOmit<RunEvent, 'runId' | 'seq' | 'at'>;
export type RunEventListener = (event: RunEvent) => void;

/** Numbers a run's events and hands them to the listener; a throwing listener never breaks the run. */
export class RunEventEmitter {
  #seq = 0;
  readonly #runId: string;
  readonly #listener: RunEventListener | undefined;
  readonly #now: () => Date;

  constructor(runId: string, listener: RunEventListener | undefined, now: () => Date, startSeq = 0) {
    this.#runId = runId;
    this.#listener = listener;
    this.#now = now;
    this.#seq = startSeq;
  }

  get seq(): number {
    return this.#seq;
  }

  emit(draft: RunEventDraft): void {
    this.#seq += 1;
    if (this.#listener === undefined) return;
    const event = { ...draft, runId: this.#runId, seq: this.#seq, at: this.#now().toISOString() } as RunEvent;
    try {
      this.#listener(event);
    } catch {
      // A listener's failure is the listener's problem; governance continues.
    }
  }
}
