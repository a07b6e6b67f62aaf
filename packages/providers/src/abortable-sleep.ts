import { setTimeout as delay } from 'node:timers/promises';

/** Waits between attempts; rejects when the signal aborts. Injectable so tests need not wait. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal });
};
