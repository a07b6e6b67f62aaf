import { DaxError } from '@dax/protocol';

/** Thrown before any request is sent when a provider that needs a key has none. */
export function missingKeyError(providerId: string): DaxError {
  return new DaxError('DAX_E_PROVIDER_KEY_MISSING', { detail: `Provider "${providerId}" has no API key.` });
}
