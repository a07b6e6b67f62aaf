import type { DaxError } from '@dax/protocol';
import { errorFromAbort } from './error-from-abort.js';

/** A call that never answers: it only ends when its signal aborts. */
export function waitForAbort(signal: AbortSignal, providerId: string): Promise<never> {
  return new Promise<never>((_resolve, reject: (error: DaxError) => void) => {
    if (signal.aborted) {
      reject(errorFromAbort(signal, providerId));
      return;
    }
    signal.addEventListener('abort', () => reject(errorFromAbort(signal, providerId)), { once: true });
  });
}
