import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresTestSchema, type PostgresTestSchema } from '../../store/src/__fixtures__/postgres-test-schema.js';
import { startPostgresReplica, type PostgresReplica } from './__fixtures__/postgres-replica.js';
import { openTestRedis, testRedisUrl } from './__fixtures__/test-redis.js';
import { createApiKey } from './api-key-create.js';


describe('two gateway replicas on one Postgres and one Redis', () => {
  const replicas: PostgresReplica[] = [];
  let schema: PostgresTestSchema | undefined;
  let keyPrefix = '';

  afterEach(async () => {
    for (const replica of replicas.splice(0)) await replica.close();
    await schema?.drop();
    const redis = await openTestRedis();
    const keys = await redis.redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.redis.del(...keys);
    await redis.close();
  });

  async function startReplica(limits: Record<string, number>): Promise<PostgresReplica> {
    const replica = await startPostgresReplica({ schema: schema!, settings: { redisUrl: testRedisUrl, redisKeyPrefix: keyPrefix, limits } });
    replicas.push(replica);
    return replica;
  }

  it('share one per-key rate limit: three requests in all pass, the fourth is refused whichever replica gets it', async () => {
    schema = await createPostgresTestSchema();
    keyPrefix = `dax-test:${schema.schema}:`;
    const [first, second] = [await startReplica({ requestsPerMinutePerKey: 3 }), await startReplica({ requestsPerMinutePerKey: 3 })];
    const { key } = await createApiKey(first.store, { tenant: 'acme', roles: ['caller'] });
    const validate = (replica: PostgresReplica) =>
      fetch(`${replica.baseUrl}/v1/validate`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({ input: 'Refund order #5512.' }),
      });

    expect((await validate(first)).status).toBe(200);
    expect((await validate(second)).status).toBe(200);
    expect((await validate(first)).status).toBe(200);
    const refused = await validate(second);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('DAX_E_RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await validate(first)).status).toBe(429);
  });

  it('share the per-tenant run slots: a run in progress on one replica counts on the other', async () => {
    schema = await createPostgresTestSchema();
    keyPrefix = `dax-test:${schema.schema}:`;
    const [first, second] = [await startReplica({ concurrentRunsPerTenant: 1 }), await startReplica({ concurrentRunsPerTenant: 1 })];
    const held = await first.app.runLimits.acquire({ subject: 's', tenant: 'acme', roles: ['caller'], method: 'api-key', keyId: 'k' });
    const { key } = await createApiKey(first.store, { tenant: 'acme', roles: ['caller'] });
    const refused = await fetch(`${second.baseUrl}/v1/runs`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'Refund order #5512.' }),
    });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('DAX_E_CONCURRENCY_LIMITED');
    held();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const admitted = await fetch(`${second.baseUrl}/v1/runs`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'Refund order #5512.' }),
    });
    expect([200, 202]).toContain(admitted.status);
  });
});
