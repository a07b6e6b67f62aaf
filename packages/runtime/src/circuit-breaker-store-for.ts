import {
  createMemoryCircuitBreakerStore,
  createRedisCircuitBreakerStore,
  defaultCircuitBreakerSettings,
  type CircuitBreakerSettings,
  type CircuitBreakerStore,
} from '@dax/providers';
import { DaxError } from '@dax/protocol';
import { createRequire } from 'node:module';
import type { Redis as RedisClient } from 'ioredis';

export interface BreakerState {
  readonly breakers: CircuitBreakerStore;
  /** Disconnects from Redis, if connected. */
  close(): void;
}

/**
 * Circuit breakers in memory, or shared through Redis when `redisUrl` is set
 * (every replica then sees a broken provider/model at once). The Redis client
 * connects in the background; until it is ready, and whenever Redis is down,
 * breakers fall back to this process's memory.
 */
export function circuitBreakerStoreFor(
  redisUrl: string | undefined,
  keyPrefix = 'dax:',
  settings: CircuitBreakerSettings = defaultCircuitBreakerSettings,
): BreakerState {
  const memory = createMemoryCircuitBreakerStore(settings);
  if (redisUrl === undefined || redisUrl.trim() === '') return { breakers: memory, close: () => undefined };
  if (!/^rediss?:\/\//i.test(redisUrl)) {
    throw new DaxError('DAX_E_CONFIG_INVALID', { detail: 'DAX_REDIS_URL must be a redis:// or rediss:// URL.' });
  }
  // Loaded only when Redis is configured, so local runs never pay for the client.
  const { Redis } = createRequire(import.meta.url)('ioredis') as { Redis: typeof RedisClient };
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  return {
    breakers: createRedisCircuitBreakerStore(redis, keyPrefix, settings, memory),
    close: () => redis.disconnect(),
  };
}
