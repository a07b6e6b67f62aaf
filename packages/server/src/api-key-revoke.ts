import { systemClock, type Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { ApiKeyRecord } from '@dax/store';
import { apiKeyStoreOf, type ApiKeyStoreSource } from './api-key-store-of.js';

/**
 * Revokes a key, effective on the next request. With a tenant, only that
 * tenant's key can be revoked; any other id is `DAX_E_NOT_FOUND` (ids don't leak).
 */
export async function revokeApiKey(
  store: ApiKeyStoreSource,
  keyId: string,
  scope: { readonly tenant?: string } = {},
  clock: Clock = systemClock,
): Promise<ApiKeyRecord> {
  const revoked = await apiKeyStoreOf(store).revokeKey(keyId, clock.now().toISOString(), scope.tenant);
  if (revoked === undefined) throw new DaxError('DAX_E_NOT_FOUND', { detail: 'No API key with that id.' });
  return revoked;
}
