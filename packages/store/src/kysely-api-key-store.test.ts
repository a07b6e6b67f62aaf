import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DaxError } from '@dax/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testEngines } from './__fixtures__/open-test-store.js';
import type { KyselyRunStore } from './kysely-run-store.js';
import { apiKeyStoreFor, type KyselyApiKeyStore, type NewApiKey } from './kysely-api-key-store.js';
import { openSqliteStore } from './open-sqlite-store.js';

function sampleKey(keyId: string, tenant: string, createdAt = '2025-01-01T00:00:00.000Z'): NewApiKey {
  return { keyId, keyHash: `hash-of-${keyId}`, tenant, roles: ['caller', 'auditor'], name: `key ${keyId}`, createdAt };
}

describe.each(testEngines)('KyselyApiKeyStore on %s', (engine) => {
  let cleanup: () => Promise<void>;
  let runStore: KyselyRunStore;
  let keys: KyselyApiKeyStore;

  beforeEach(async () => {
    ({ store: runStore, cleanup } = await openTestStore(engine));
    keys = apiKeyStoreFor(runStore);
  });
  afterEach(async () => {
    await cleanup();
  });

  it('stores a key and finds it by id with its hash', async () => {
    await keys.insertKey(sampleKey('k1', 'acme'));
    expect(await keys.findKey('k1')).toStrictEqual({
      keyId: 'k1',
      keyHash: 'hash-of-k1',
      tenant: 'acme',
      roles: ['caller', 'auditor'],
      name: 'key k1',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(await keys.findKey('missing')).toBeUndefined();
  });

  it('refuses a second key with the same id', async () => {
    await keys.insertKey(sampleKey('k1', 'acme'));
    await expect(keys.insertKey(sampleKey('k1', 'other'))).rejects.toSatisfy(
      (error) => DaxError.isInstance(error) && error.code === 'DAX_E_STORE_UNAVAILABLE',
    );
    expect((await keys.findKey('k1'))?.tenant).toBe('acme');
  });

  it('lists keys oldest first, without hashes, optionally for one tenant', async () => {
    await keys.insertKey(sampleKey('k2', 'acme', '2025-01-02T00:00:00.000Z'));
    await keys.insertKey(sampleKey('k1', 'acme', '2025-01-01T00:00:00.000Z'));
    await keys.insertKey(sampleKey('k3', 'globex', '2025-01-03T00:00:00.000Z'));
    const all = await keys.listKeys();
    expect(all.map((key) => key.keyId)).toEqual(['k1', 'k2', 'k3']);
    expect(all.some((key) => 'keyHash' in key)).toBe(false);
    expect((await keys.listKeys('acme')).map((key) => key.keyId)).toEqual(['k1', 'k2']);
    expect(await keys.listKeys('nobody')).toEqual([]);
  });

  it('revokes once, keeping the first revoke time, and only within the given tenant', async () => {
    await keys.insertKey(sampleKey('k1', 'acme'));
    expect(await keys.revokeKey('k1', '2025-02-01T00:00:00.000Z', 'globex')).toBeUndefined();
    expect((await keys.findKey('k1'))?.revokedAt).toBeUndefined();

    expect((await keys.revokeKey('k1', '2025-02-01T00:00:00.000Z', 'acme'))?.revokedAt).toBe('2025-02-01T00:00:00.000Z');
    expect((await keys.revokeKey('k1', '2025-03-01T00:00:00.000Z'))?.revokedAt).toBe('2025-02-01T00:00:00.000Z');
    expect((await keys.findKey('k1'))?.revokedAt).toBe('2025-02-01T00:00:00.000Z');
    expect(await keys.revokeKey('missing', '2025-02-01T00:00:00.000Z')).toBeUndefined();
  });

  it('sees a revoke made through another connection to the same database at once', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dax-api-keys-'));
    const first = await openSqliteStore({ dataDir: directory });
    const second = await openSqliteStore({ dataDir: directory });
    try {
      await apiKeyStoreFor(first).insertKey(sampleKey('shared', 'acme'));
      const reader = apiKeyStoreFor(first);
      expect((await reader.findKey('shared'))?.revokedAt).toBeUndefined();
      await apiKeyStoreFor(second).revokeKey('shared', '2025-02-01T00:00:00.000Z');
      expect((await reader.findKey('shared'))?.revokedAt).toBe('2025-02-01T00:00:00.000Z');
    } finally {
      await first.close();
      await second.close();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('fails closed on a stored role list that is not an array of strings', async () => {
    await keys.insertKey(sampleKey('k1', 'acme'));
    await runStore.database
      .withTables<{ api_keys: { key_id: string; roles_json: string } }>()
      .updateTable('api_keys')
      .set({ roles_json: '{"admin":true}' })
      .execute();
    await expect(keys.findKey('k1')).rejects.toSatisfy(
      (error) => DaxError.isInstance(error) && error.code === 'DAX_E_STORE_UNAVAILABLE',
    );
  });
});
