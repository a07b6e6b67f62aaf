import type { Redis } from 'ioredis';
import type { BreakerAdmission, CircuitBreakerSettings, CircuitBreakerStore } from './circuit-breaker-store.js';

/**
 * Decides admission atomically. KEYS: failures, open marker, probe marker.
 * ARGV: threshold, probe lifetime ms. Returns 0 closed, 1 probe, 2 open.
 */
const admitScript = `
local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
if failures < tonumber(ARGV[1]) then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then return 2 end
if redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[2]) then return 1 end
return 2
`;

/** KEYS: failures, open marker, probe marker. ARGV: threshold, open ms, failure memory ms. */
const failureScript = `
local failures = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('DEL', KEYS[3])
if failures >= tonumber(ARGV[1]) then redis.call('SET', KEYS[2], '1', 'PX', ARGV[2]) end
return failures
`;

const admissions: readonly BreakerAdmission[] = ['closed', 'probe', 'open'];

/**
 * Circuit breakers shared by every replica through Redis (keys under
 * `<prefix>breaker:<provider:model>:`), with the same states as the memory store.
 * A replica that cannot reach Redis falls back to its own memory breakers
 * (`fallback`), so model calls keep their protection without shared state.
 */
export function createRedisCircuitBreakerStore(
  redis: Redis,
  keyPrefix: string,
  settings: CircuitBreakerSettings,
  fallback: CircuitBreakerStore,
): CircuitBreakerStore {
  const keys = (key: string): [string, string, string] => {
    const base = `${keyPrefix}breaker:${key}:`;
    return [`${base}failures`, `${base}open`, `${base}probe`];
  };
  // A failure streak is forgotten after a quiet period of ten open periods.
  const failureMemoryMs = settings.openMs * 10;
  return {
    async admit(key) {
      try {
        const code = await redis.eval(admitScript, 3, ...keys(key), settings.failureThreshold, settings.openMs);
        return admissions[Number(code)] ?? 'open';
      } catch {
        return fallback.admit(key);
      }
    },
    async recordSuccess(key) {
      try {
        await redis.del(...keys(key));
      } catch {
        await fallback.recordSuccess(key);
      }
    },
    async recordFailure(key) {
      try {
        const failures = await redis.eval(failureScript, 3, ...keys(key), settings.failureThreshold, settings.openMs, failureMemoryMs);
        return Number(failures) >= settings.failureThreshold ? 'open' : 'closed';
      } catch {
        return fallback.recordFailure(key);
      }
    },
  };
}
