import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the tests use; CI starts it. Unreachable means the tests fail, never skip. */
export const testRedisUrl = process.env.DAX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedis {
  readonly redis: Redis;
  /** A prefix no other test uses (`dax-test:<random>:`). */
  readonly keyPrefix: string;
  /** Deletes this test's keys and disconnects. */
  close(): Promise<void>;
}

export async function openTestRedis(): Promise<TestRedis> {
  const redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const keyPrefix = `dax-test:${randomBytes(6).toString('hex')}:`;
  return {
    redis,
    keyPrefix,
    async close() {
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
