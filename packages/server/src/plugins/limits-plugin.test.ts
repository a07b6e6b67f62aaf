import type { AddressInfo } from 'node:net';
import { openMemoryStore, type KyselyRunStore } from '@dax/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@dax/core';
import { createApiKey, type CreatedApiKey } from '../api-key-create.js';
import { errorHandlerPlugin } from './error-handler-plugin.js';
import { identityPlugin } from './identity-plugin.js';
import { limitsPlugin } from './limits-plugin.js';

describe('limitsPlugin', () => {
  let store: KyselyRunStore;
  let app: FastifyInstance;
  let clock: ManualClock;
  let baseUrl: string;
  let first: CreatedApiKey;
  let second: CreatedApiKey;

  beforeEach(async () => {
    store = await openMemoryStore();
    clock = new ManualClock();
    app = Fastify();
    app.decorate('store', store);
    await app.register(errorHandlerPlugin, { bodyLimitBytes: 65_536 });
    await app.register(identityPlugin);
    await app.register(limitsPlugin, {
      clock,
      limits: {
        requestsPerMinutePerKey: 3,
        requestsPerMinutePerTenant: 5,
        concurrentRunsPerTenant: 1,
        dailyTokenBudgetPerTenant: 100,
      },
    });
    app.get('/health', { config: { public: true } }, () => ({ ok: true }));
    app.get('/ping', () => ({ ok: true }));
    app.post('/run', async (request) => {
      const release = await app.runLimits.acquire(request.identity);
      try {
        await app.runLimits.recordUsage(request.identity.tenant, 60);
        return { ok: true };
      } finally {
        release();
      }
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    first = await createApiKey(store, { tenant: 'acme', roles: ['caller'] });
    second = await createApiKey(store, { tenant: 'acme', roles: ['caller'] });
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const call = (key: CreatedApiKey, path = '/ping', method = 'GET') =>
    fetch(`${baseUrl}${path}`, { method, headers: { 'x-api-key': key.key } });

  it("answers 429 with Retry-After once a key's limit is hit, and again after the wait", async () => {
    for (let index = 0; index < 3; index += 1) expect((await call(first)).status).toBe(200);
    const limited = await call(first);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(((await limited.json()) as { code: string }).code).toBe('DAX_E_RATE_LIMITED');

    expect((await call(second)).status).toBe(200);
    clock.advance(20_000);
    expect((await call(first)).status).toBe(200);
  });

  it("limits a tenant's keys together", async () => {
    for (let index = 0; index < 3; index += 1) expect((await call(first)).status).toBe(200);
    for (let index = 0; index < 2; index += 1) expect((await call(second)).status).toBe(200);
    const limited = await call(second);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('12');
    const other = await createApiKey(store, { tenant: 'globex', roles: ['caller'] });
    expect((await call(other)).status).toBe(200);
  });

  it('does not count public routes', async () => {
    for (let index = 0; index < 10; index += 1) expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    expect((await call(first)).status).toBe(200);
  });

  it('refuses a run with DAX_E_BUDGET_EXHAUSTED once the daily token budget is spent', async () => {
    expect((await call(first, '/run', 'POST')).status).toBe(200);
    expect((await call(second, '/run', 'POST')).status).toBe(200);
    const refused = await call(first, '/run', 'POST');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('DAX_E_BUDGET_EXHAUSTED');
    expect(refused.headers.get('retry-after')).toBe(String(12 * 3600));
  });
});
