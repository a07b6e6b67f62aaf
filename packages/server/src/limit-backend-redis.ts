import { randomUUID } from 'node:crypto';
import type { Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { LimitBackend } from './limit-backend.js';
import type { LimitSettings } from './limit-settings.js';
import { withRetryAfter } from './problem-details.js';

/** A run slot older than this is treated as leaked by a dead replica and freed. */
const slotLifetimeMs = 15 * 60_000;
const msPerDay = 86_400_000;

/**
 * Takes a concurrency slot atomically: frees leaked slots, refuses at the limit,
 * otherwise adds this run's slot. KEYS[1] the tenant's slot set; ARGV now, stale
 * before, limit, slot id, set lifetime.
 */
const acquireSlotScript = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`;

function unavailable(cause: unknown): DaxError {
  return DaxError.isInstance(cause) ? cause : new DaxError('DAX_E_LIMITS_UNAVAILABLE', { cause });
}

/** Consumes one point; a refusal becomes the wait in seconds, a Redis failure an error. */
async function consume(limiter: RateLimiterRedis, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
    throw unavailable(outcome);
  }
}

/**
 * Limits shared by every replica through one Redis: per-minute request counts
 * (rate-limiter-flexible), per-tenant run slots (a sorted set, so a replica that
 * dies leaks its slots for at most 15 minutes) and the daily token budget (one
 * counter per tenant and UTC day). Keys start with `keyPrefix`. An unreachable
 * Redis refuses requests with `DAX_E_LIMITS_UNAVAILABLE` (fail closed).
 */
export function createRedisLimitBackend(settings: LimitSettings, redis: Redis, keyPrefix: string, clock: Clock): LimitBackend {
  const perKey = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${keyPrefix}rate-key`,
    points: settings.requestsPerMinutePerKey,
    duration: 60,
    rejectIfRedisNotReady: true,
  });
  const perTenant = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${keyPrefix}rate-tenant`,
    points: settings.requestsPerMinutePerTenant,
    duration: 60,
    rejectIfRedisNotReady: true,
  });
  const budgetKey = (tenant: string, now: Date): string => `${keyPrefix}budget:${tenant}:${now.toISOString().slice(0, 10)}`;

  return {
    async admitRequest(callerKey, tenant) {
      const keyWait = await consume(perKey, callerKey);
      if (keyWait > 0) throw withRetryAfter(new DaxError('DAX_E_RATE_LIMITED'), keyWait);
      const tenantWait = await consume(perTenant, tenant);
      if (tenantWait > 0) {
        await perKey.reward(callerKey, 1).catch(() => undefined);
        throw withRetryAfter(new DaxError('DAX_E_RATE_LIMITED'), tenantWait);
      }
    },

    async acquireRun(identity) {
      const now = clock.now();
      const slots = `${keyPrefix}runs:${identity.tenant}`;
      const slot = randomUUID();
      let admitted: unknown;
      try {
        const used = Number((await redis.get(budgetKey(identity.tenant, now))) ?? 0);
        if (used >= settings.dailyTokenBudgetPerTenant) {
          const secondsToMidnight = (msPerDay - (now.getTime() % msPerDay)) / 1000;
          throw withRetryAfter(new DaxError('DAX_E_BUDGET_EXHAUSTED'), secondsToMidnight);
        }
        admitted = await redis.eval(
          acquireSlotScript,
          1,
          slots,
          now.getTime(),
          now.getTime() - slotLifetimeMs,
          settings.concurrentRunsPerTenant,
          slot,
          slotLifetimeMs,
        );
      } catch (error) {
        throw unavailable(error);
      }
      if (admitted !== 1) throw withRetryAfter(new DaxError('DAX_E_CONCURRENCY_LIMITED'), 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        // A failed release frees itself when the slot's lifetime ends.
        redis.zrem(slots, slot).catch(() => undefined);
      };
    },

    async recordUsage(tenant, tokens) {
      if (!Number.isFinite(tokens) || tokens <= 0) return;
      const key = budgetKey(tenant, clock.now());
      try {
        await redis.multi().incrby(key, Math.ceil(tokens)).pexpire(key, 2 * msPerDay).exec();
      } catch (error) {
        throw unavailable(error);
      }
    },

    close: () => Promise.resolve(),
  };
}
