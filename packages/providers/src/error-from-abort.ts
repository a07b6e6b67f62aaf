import { DaxError } from '@dax/protocol';
import { ProviderError } from './provider-error.js';

/**
 * The error a provider throws when its call's signal was aborted: the reason itself
 * when it is a DaxError (the router aborts with a timeout error), a provider timeout
 * for `AbortSignal.timeout`, and a cancelled run otherwise.
 */
export function errorFromAbort(signal: AbortSignal, providerId: string): DaxError {
  const reason: unknown = signal.reason;
  if (DaxError.isInstance(reason)) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new ProviderError('DAX_E_PROVIDER_TIMEOUT', { detail: `Provider "${providerId}" did not answer in time.` });
  }
  return new DaxError('DAX_E_RUN_ABORTED');
}
