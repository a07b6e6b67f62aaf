import { DaxError } from '@dax/protocol';

/**
 * Turns anything a driver throws into `DAX_E_STORE_UNAVAILABLE`. The driver error
 * stays as the cause for operators; the message never carries SQL or values.
 * A DaxError raised on purpose passes through unchanged.
 */
export function storeFailure(cause: unknown, detail?: string): DaxError {
  if (DaxError.isInstance(cause)) return cause;
  return new DaxError('DAX_E_STORE_UNAVAILABLE', { cause, detail });
}
