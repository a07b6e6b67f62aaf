import { DaxError } from '@dax/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@dax/core';
import { openTestRedis, type TestRedis } from './__fixtures__/test-redis.js';
import type { Identity } from './identity.js';
import { createMemoryLimitBackend } from './limit-backend-memory.js';
import { createRedisLimitBackend } from './limit-backend-redis.js';
import type { LimitSettings } from './limit-settings.js';
import { createRunLimits, type RunLimits } from './limit-runs.js';
import { retryAfterSecondsOf } from './problem-details.js';

const settings = {
  requestsPerMinutePerKey: 10,
  requestsPerMinutePerTenant: 10,
  concurrentRunsPerTenant: 2,
  dailyTokenBudgetPerTenant: 1_000,
};

function caller(tenant: string): Identity {
  return { subject: `key:${tenant}`, tenant, roles: ['caller'], method: 'api-key', keyId: tenant };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

describe.each(['memory', 'redis'] as const)('createRunLimits over %s', (backendName) => {
  const opened: TestRedis[] = [];
  afterEach(async () => {
    for (const redis of opened.splice(0)) await redis.close();
  });

  async function limitsFor(limitSettings: LimitSettings, clock: ManualClock): Promise<RunLimits> {
    if (backendName === 'memory') return createRunLimits(createMemoryLimitBackend(limitSettings, clock));
    const redis = await openTestRedis();
    opened.push(redis);
    return createRunLimits(createRedisLimitBackend(limitSettings, redis.redis, redis.keyPrefix, clock));
  }

  it('admits concurrent runs per tenant up to the limit and again after a release', async () => {
    const limits = await limitsFor(settings, new ManualClock());
    const first = await limits.acquire(caller('acme'));
    await limits.acquire(caller('acme'));
    const refused = await rejection(limits.acquire(caller('acme')));
    expect(DaxError.isInstance(refused) && refused.code).toBe('DAX_E_CONCURRENCY_LIMITED');
    expect(retryAfterSecondsOf(refused)).toBe(1);
    await limits.acquire(caller('globex'));
    first();
    first();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await limits.acquire(caller('acme'));
    expect(DaxError.isInstance(await rejection(limits.acquire(caller('acme'))))).toBe(true);
  });

  it('refuses runs once the daily budget is spent, until the next UTC day', async () => {
    const clock = new ManualClock(Date.parse('2025-06-01T18:00:00.000Z'));
    const limits = await limitsFor(settings, clock);
    (await limits.acquire(caller('acme')))();
    await limits.recordUsage('acme', 600);
    (await limits.acquire(caller('acme')))();
    await limits.recordUsage('acme', 400);
    const refused = await rejection(limits.acquire(caller('acme')));
    expect(DaxError.isInstance(refused) && refused.code).toBe('DAX_E_BUDGET_EXHAUSTED');
    expect(retryAfterSecondsOf(refused)).toBe(6 * 3600);
    (await limits.acquire(caller('globex')))();
    clock.advance(6 * 3600 * 1000);
    (await limits.acquire(caller('acme')))();
  });

  it('ignores negative and non-finite usage', async () => {
    const limits = await limitsFor({ ...settings, dailyTokenBudgetPerTenant: 1 }, new ManualClock());
    await limits.recordUsage('acme', -5);
    await limits.recordUsage('acme', Number.NaN);
    (await limits.acquire(caller('acme')))();
  });
});

describe('Redis limits when Redis is gone', () => {
  it('refuse with DAX_E_LIMITS_UNAVAILABLE (fail closed)', async () => {
    const redis = await openTestRedis();
    const limits = createRunLimits(createRedisLimitBackend(settings, redis.redis, redis.keyPrefix, new ManualClock()));
    await redis.close();
    const refused = await rejection(limits.acquire(caller('acme')));
    expect(DaxError.isInstance(refused) && refused.code).toBe('DAX_E_LIMITS_UNAVAILABLE');
  });
});
