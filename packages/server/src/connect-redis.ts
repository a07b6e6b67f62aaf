import { DaxError } from '@dax/protocol';
import type { Redis } from 'ioredis';

/**
 * Connects to the Redis that holds shared limits and breaker state. Start-up
 * fails with `DAX_E_LIMITS_UNAVAILABLE` when it cannot be reached; later outages
 * make each limit check fail closed while ioredis reconnects in the background.
 */
export async function connectRedis(url: string): Promise<Redis> {
  // Loaded here so that a gateway without Redis never loads the client.
  const { Redis: RedisClient } = await import('ioredis');
  const redis = new RedisClient(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  // Connection errors surface on the commands that need Redis; the client keeps reconnecting.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (cause) {
    redis.disconnect();
    throw new DaxError('DAX_E_LIMITS_UNAVAILABLE', { detail: 'Redis (DAX_REDIS_URL) could not be reached at start.', cause });
  }
  return redis;
}
