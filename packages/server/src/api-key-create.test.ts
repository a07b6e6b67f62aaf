import { DaxError } from '@dax/protocol';
import { apiKeyStoreFor, openMemoryStore, type KyselyRunStore } from '@dax/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from './api-key-create.js';
import { apiKeyIdOf } from './api-key-format.js';
import { hashApiKey } from './api-key-hash.js';

function codeOf(error: unknown): string | undefined {
  return DaxError.isInstance(error) ? error.code : undefined;
}

describe('createApiKey', () => {
  let store: KyselyRunStore;

  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('returns the key once and stores only its hash with tenant, roles and name', async () => {
    const created = await createApiKey(store, { tenant: 'acme', roles: ['caller', 'caller', 'auditor'], name: ' ci ' });
    expect(created.key).toMatch(/^dax_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyIdOf(created.key)).toBe(created.keyId);
    expect(created).toMatchObject({ tenant: 'acme', roles: ['caller', 'auditor'], name: 'ci' });

    const stored = await apiKeyStoreFor(store).findKey(created.keyId);
    expect(stored?.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key.slice(21));
  });

  it('gives every key a different id and secret', async () => {
    const first = await createApiKey(store, { tenant: 'acme', roles: ['caller'] });
    const second = await createApiKey(store, { tenant: 'acme', roles: ['caller'] });
    expect(first.keyId).not.toBe(second.keyId);
    expect(first.key.slice(21)).not.toBe(second.key.slice(21));
  });

  it.each([
    { tenant: '', roles: ['caller'] },
    { tenant: 'a b', roles: ['caller'] },
    { tenant: 'acme', roles: [] },
    { tenant: 'acme', roles: ['root'] },
    { tenant: 'acme', roles: ['caller'], name: 'x'.repeat(101) },
    { tenant: 'acme', roles: ['caller'], name: 'line\nbreak' },
  ])('refuses %j with DAX_E_INPUT_INVALID', async (request) => {
    await expect(createApiKey(store, request)).rejects.toSatisfy((error) => codeOf(error) === 'DAX_E_INPUT_INVALID');
    expect(await apiKeyStoreFor(store).listKeys()).toEqual([]);
  });
});
