import type { DaxError } from '@dax/protocol';
import { errorFromAbort } from './error-from-abort.js';

/** Waits `ms` milliseconds, or rejects as soon as the signal aborts. */
export function delayOrAbort(ms: number, signal: AbortSignal, providerId: string): Promise<void> {
  return new Promise<void>((resolve, reject: (error: DaxError) => void) => {
    if (signal.aborted) {
      reject(errorFromAbort(signal, providerId));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(errorFromAbort(signal, providerId));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
