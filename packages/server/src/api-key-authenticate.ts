import { DaxError } from '@dax/protocol';
import type { KyselyApiKeyStore } from '@dax/store';
import { apiKeyIdOf } from './api-key-format.js';
import { apiKeyMatchesHash } from './api-key-hash.js';
import type { Identity } from './identity.js';
import { isRole } from './require-role.js';

/**
 * Resolves a presented API key to an identity. The store is read on every call
 * (no cache), so a revoke takes effect on the next request. Unknown, malformed and
 * wrong-secret keys are all `DAX_E_AUTH_KEY_INVALID`; only a key whose secret
 * matches learns it was revoked (`DAX_E_AUTH_KEY_REVOKED`).
 */
export async function authenticateApiKey(keys: KyselyApiKeyStore, key: string): Promise<Identity> {
  const keyId = apiKeyIdOf(key);
  if (keyId === undefined) throw new DaxError('DAX_E_AUTH_KEY_INVALID');
  const stored = await keys.findKey(keyId);
  if (stored === undefined || !apiKeyMatchesHash(key, stored.keyHash)) {
    throw new DaxError('DAX_E_AUTH_KEY_INVALID');
  }
  if (stored.revokedAt !== undefined) throw new DaxError('DAX_E_AUTH_KEY_REVOKED');
  const roles = stored.roles.filter(isRole);
  if (roles.length === 0) throw new DaxError('DAX_E_AUTH_KEY_INVALID');
  return { subject: `key:${keyId}`, tenant: stored.tenant, roles, method: 'api-key', keyId };
}
