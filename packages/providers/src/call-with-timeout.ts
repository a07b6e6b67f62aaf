import type { ModelCallRequest, ModelCallResult, ModelProvider } from '@dax/core';
import { DaxError } from '@dax/protocol';
import { ProviderError } from './provider-error.js';

/** setTimeout's largest delay; longer timeouts would fire at once. */
const maxTimerMs = 2_147_483_647;

/** Something thrown that is not an Error (a provider bug) becomes an internal failure. */
function asError(value: unknown): Error {
  return value instanceof Error ? value : new DaxError('DAX_E_INTERNAL', { detail: 'A provider failed with a non-error value.', cause: value });
}

/**
 * One provider call bounded by `timeoutMs` and by the caller's signal. The provider
 * gets a signal that aborts on either; the call settles at that moment even when a
 * provider ignores its signal. The timer and the listener are released on settling.
 */
export function callWithTimeout(
  provider: ModelProvider,
  request: Omit<ModelCallRequest, 'signal'>,
  callerSignal: AbortSignal,
  timeoutMs: number,
): Promise<ModelCallResult> {
  return new Promise<ModelCallResult>((resolve, reject) => {
    const controller = new AbortController();
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      callerSignal.removeEventListener('abort', onCallerAbort);
      return true;
    };
    const fail = (reason: unknown): void => {
      if (settle()) reject(asError(reason));
    };
    const onCallerAbort = (): void => {
      const reason: unknown = callerSignal.reason;
      fail(reason);
      controller.abort(reason);
    };
    const timer = setTimeout(() => {
      const error = new ProviderError('DAX_E_PROVIDER_TIMEOUT', {
        detail: `Provider "${provider.id}" did not answer within ${timeoutMs} ms.`,
      });
      fail(error);
      controller.abort(error);
    }, Math.min(Math.max(timeoutMs, 1), maxTimerMs));
    callerSignal.addEventListener('abort', onCallerAbort, { once: true });
    try {
      provider.call({ ...request, signal: controller.signal }).then((result) => {
        if (settle()) resolve(result);
      }, fail);
    } catch (error) {
      fail(error);
    }
  });
}
