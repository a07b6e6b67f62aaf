import { openMemoryStore, type KyselyRunStore } from '@dax/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../api-key-create.js';
import { errorHandlerPlugin } from '../plugins/error-handler-plugin.js';
import { identityPlugin } from '../plugins/identity-plugin.js';
import { limitsPlugin } from '../plugins/limits-plugin.js';
import { keysRoutes } from './keys-routes.js';

const limits = {
  requestsPerMinutePerKey: 1_000,
  requestsPerMinutePerTenant: 1_000,
  concurrentRunsPerTenant: 4,
  dailyTokenBudgetPerTenant: 1_000_000,
};

describe('keys admin API', () => {
  let store: KyselyRunStore;
  let app: FastifyInstance;
  let acmeAdmin: string;
  let globexAdmin: string;

  beforeEach(async () => {
    store = await openMemoryStore();
    app = Fastify();
    app.decorate('store', store);
    await app.register(errorHandlerPlugin, { bodyLimitBytes: 65_536 });
    await app.register(identityPlugin);
    await app.register(limitsPlugin, { limits });
    await app.register(keysRoutes);
    await app.ready();
    acmeAdmin = (await createApiKey(store, { tenant: 'acme', roles: ['admin'], name: 'bootstrap' })).key;
    globexAdmin = (await createApiKey(store, { tenant: 'globex', roles: ['admin'] })).key;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  it('creates a key in the admin tenant, shows it once and lists it without the key', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/admin/keys',
      headers: as(acmeAdmin),
      payload: { roles: ['caller'], name: 'billing service' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const body = created.json<{ key: string; tenant: string }>();
    expect(body).toMatchObject({ tenant: 'acme', roles: ['caller'], name: 'billing service' });
    expect(body.key).toMatch(/^dax_/);

    const usable = await app.inject({ method: 'GET', url: '/v1/admin/keys', headers: as(body.key) });
    expect(usable.json().code).toBe('DAX_E_FORBIDDEN');

    const listed = await app.inject({ method: 'GET', url: '/v1/admin/keys', headers: as(acmeAdmin) });
    expect(listed.statusCode).toBe(200);
    const keys = listed.json().keys as Record<string, unknown>[];
    expect(keys.map((key) => key.name)).toEqual(['bootstrap', 'billing service']);
    expect(keys.every((key) => key.tenant === 'acme' && !('key' in key) && !('keyHash' in key))).toBe(true);
    expect(listed.body).not.toContain(body.key);
  });

  it('refuses a tenant field and unknown roles in the body', async () => {
    for (const payload of [{ roles: ['caller'], tenant: 'globex' }, { roles: ['root'] }, { roles: [] }]) {
      const response = await app.inject({ method: 'POST', url: '/v1/admin/keys', headers: as(acmeAdmin), payload });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it("revokes a key of the admin's tenant, refused at once afterwards", async () => {
    const target = await createApiKey(store, { tenant: 'acme', roles: ['caller', 'admin'] });
    const revoked = await app.inject({ method: 'DELETE', url: `/v1/admin/keys/${target.keyId}`, headers: as(acmeAdmin) });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    const after = await app.inject({ method: 'GET', url: '/v1/admin/keys', headers: as(target.key) });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('DAX_E_AUTH_KEY_REVOKED');
  });

  it("never shows or revokes another tenant's keys (404, like an unknown id)", async () => {
    const globexKey = await createApiKey(store, { tenant: 'globex', roles: ['caller'] });
    const listed = await app.inject({ method: 'GET', url: '/v1/admin/keys', headers: as(acmeAdmin) });
    expect(listed.body).not.toContain(globexKey.keyId);
    const refused = await app.inject({ method: 'DELETE', url: `/v1/admin/keys/${globexKey.keyId}`, headers: as(acmeAdmin) });
    const unknown = await app.inject({ method: 'DELETE', url: '/v1/admin/keys/0000000000000000', headers: as(acmeAdmin) });
    expect([refused.statusCode, refused.json().code]).toEqual([404, 'DAX_E_NOT_FOUND']);
    expect(unknown.json().detail).toBe(refused.json().detail);
    const stillValid = await app.inject({ method: 'GET', url: '/v1/admin/keys', headers: as(globexAdmin) });
    const globexKeys = stillValid.json<{ keys: { keyId: string; revokedAt?: string }[] }>().keys;
    expect(globexKeys.find((key) => key.keyId === globexKey.keyId)?.revokedAt).toBeUndefined();
    expect(globexKeys.some((key) => key.keyId === globexKey.keyId)).toBe(true);
  });

  it('requires the admin role for every keys route', async () => {
    const operator = await createApiKey(store, { tenant: 'acme', roles: ['operator', 'caller', 'auditor'] });
    const requests = [
      { method: 'POST' as const, url: '/v1/admin/keys', payload: { roles: ['caller'] } },
      { method: 'GET' as const, url: '/v1/admin/keys' },
      { method: 'DELETE' as const, url: `/v1/admin/keys/${operator.keyId}` },
    ];
    for (const request of requests) {
      const response = await app.inject({ ...request, headers: as(operator.key) });
      expect([response.statusCode, response.json().code]).toEqual([403, 'DAX_E_FORBIDDEN']);
    }
  });
});
