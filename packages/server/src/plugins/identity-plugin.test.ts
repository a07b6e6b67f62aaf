import { openMemoryStore, type KyselyRunStore } from '@dax/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../api-key-create.js';
import { revokeApiKey } from '../api-key-revoke.js';
import { requireRole } from '../require-role.js';
import { identityPlugin } from './identity-plugin.js';

async function buildApp(store: KyselyRunStore): Promise<FastifyInstance> {
  const app = Fastify();
  app.decorate('store', store);
  await app.register(identityPlugin);
  app.get('/public', { config: { public: true } }, () => ({ ok: true }));
  app.get('/whoami', (request) => request.identity);
  app.get('/audit', { preHandler: requireRole('auditor') }, () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('identityPlugin with API keys', () => {
  let store: KyselyRunStore;
  let app: FastifyInstance;

  beforeEach(async () => {
    store = await openMemoryStore();
    app = await buildApp(store);
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('lets public routes through without credentials', async () => {
    const response = await app.inject({ method: 'GET', url: '/public' });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a request without credentials with DAX_E_AUTH_MISSING', async () => {
    const response = await app.inject({ method: 'GET', url: '/whoami' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('DAX_E_AUTH_MISSING');
  });

  it('refuses a non-Bearer Authorization scheme', async () => {
    const response = await app.inject({ method: 'GET', url: '/whoami', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('DAX_E_AUTH_MISSING');
  });

  it('accepts a key as a bearer token or in x-api-key and sets the identity', async () => {
    const created = await createApiKey(store, { tenant: 'acme', roles: ['caller', 'auditor'], name: 'ci' });
    const expected = {
      subject: `key:${created.keyId}`,
      tenant: 'acme',
      roles: ['caller', 'auditor'],
      method: 'api-key',
      keyId: created.keyId,
    };
    const viaBearer = await app.inject({ method: 'GET', url: '/whoami', headers: { authorization: `Bearer ${created.key}` } });
    expect(viaBearer.statusCode).toBe(200);
    expect(viaBearer.json()).toStrictEqual(expected);
    const viaHeader = await app.inject({ method: 'GET', url: '/whoami', headers: { 'x-api-key': created.key } });
    expect(viaHeader.json()).toStrictEqual(expected);
  });

  it('refuses unknown, malformed and wrong-secret keys alike with DAX_E_AUTH_KEY_INVALID', async () => {
    const created = await createApiKey(store, { tenant: 'acme', roles: ['caller'] });
    const wrongSecret = `${created.key.slice(0, -4)}AAAA`;
    const unknownId = `dax_0000000000000000_${created.key.slice(-43)}`;
    for (const key of [wrongSecret, unknownId, 'dax_short', 'not-a-dax-key']) {
      const response = await app.inject({ method: 'GET', url: '/whoami', headers: { 'x-api-key': key } });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('DAX_E_AUTH_KEY_INVALID');
      expect(response.body).not.toContain(key);
    }
  });

  it('refuses a revoked key on the very next request', async () => {
    const created = await createApiKey(store, { tenant: 'acme', roles: ['caller'] });
    const headers = { authorization: `Bearer ${created.key}` };
    expect((await app.inject({ method: 'GET', url: '/whoami', headers })).statusCode).toBe(200);
    await revokeApiKey(store, created.keyId);
    const refused = await app.inject({ method: 'GET', url: '/whoami', headers });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('DAX_E_AUTH_KEY_REVOKED');
  });

  it('refuses bearer JWTs when OIDC is not configured', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/whoami',
      headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('DAX_E_AUTH_KEY_INVALID');
  });

  it('applies requireRole: admin passes, other roles get DAX_E_FORBIDDEN', async () => {
    const caller = await createApiKey(store, { tenant: 'acme', roles: ['caller'] });
    const auditor = await createApiKey(store, { tenant: 'acme', roles: ['auditor'] });
    const admin = await createApiKey(store, { tenant: 'acme', roles: ['admin'] });
    const statusFor = async (key: string) =>
      (await app.inject({ method: 'GET', url: '/audit', headers: { 'x-api-key': key } })).statusCode;
    expect(await statusFor(caller.key)).toBe(403);
    expect(await statusFor(auditor.key)).toBe(200);
    expect(await statusFor(admin.key)).toBe(200);
    const forbidden = await app.inject({ method: 'GET', url: '/audit', headers: { 'x-api-key': caller.key } });
    expect(forbidden.json().code).toBe('DAX_E_FORBIDDEN');
  });
});
