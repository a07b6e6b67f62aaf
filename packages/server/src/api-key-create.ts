import { systemClock, type Clock } from '@dax/core';
import { checkKeyName, checkRoles, checkTenant } from './api-key-fields.js';
import { generateApiKey } from './api-key-format.js';
import { hashApiKey } from './api-key-hash.js';
import { apiKeyStoreOf, type ApiKeyStoreSource } from './api-key-store-of.js';
import type { Role } from './identity.js';

export interface ApiKeyRequest {
  readonly tenant: string;
  readonly roles: readonly string[];
  readonly name?: string;
}

export interface CreatedApiKey {
  /** The whole key: this is the only time it is available. */
  readonly key: string;
  readonly keyId: string;
  readonly tenant: string;
  readonly roles: readonly Role[];
  readonly name: string;
  readonly createdAt: string;
}

/**
 * Creates an API key bound to a tenant and roles, stores only its hash and
 * returns the key once. Bad fields throw `DAX_E_INPUT_INVALID`.
 */
export async function createApiKey(
  store: ApiKeyStoreSource,
  request: ApiKeyRequest,
  clock: Clock = systemClock,
): Promise<CreatedApiKey> {
  const tenant = checkTenant(request.tenant);
  const roles = checkRoles(request.roles);
  const name = checkKeyName(request.name ?? '');
  const { key, keyId } = generateApiKey();
  const createdAt = clock.now().toISOString();
  await apiKeyStoreOf(store).insertKey({ keyId, keyHash: hashApiKey(key), tenant, roles, name, createdAt });
  return { key, keyId, tenant, roles, name, createdAt };
}
