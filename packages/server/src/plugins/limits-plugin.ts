import { systemClock, type Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Identity } from '../identity.js';
import type { Redis } from 'ioredis';
import { createMemoryLimitBackend } from '../limit-backend-memory.js';
import { createRedisLimitBackend } from '../limit-backend-redis.js';
import { createRunLimits, type RunLimits } from '../limit-runs.js';
import type { LimitSettings } from '../limit-settings.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Concurrency and daily token budget around each run (limits plugin). */
    runLimits: RunLimits;
  }
}

export interface LimitsPluginOptions {
  /** Default: `gatewayConfig.limits`. */
  readonly limits?: LimitSettings;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Shares the counters through this Redis; default: this process's memory. */
  readonly redis?: Redis;
  /** Prefix of every Redis key. Default `dax:`. */
  readonly redisKeyPrefix?: string;
}

function settingsFrom(fastify: FastifyInstance, options: LimitsPluginOptions): LimitSettings {
  if (options.limits !== undefined) return options.limits;
  return fastify.getDecorator<{ readonly limits: LimitSettings }>('gatewayConfig').limits;
}

/** The per-key limit applies to the API key, or to the token subject within its tenant for OIDC and certificate callers. */
function callerKeyOf(identity: Identity): string {
  return identity.keyId === undefined ? `${identity.tenant}:${identity.subject}` : `key:${identity.keyId}`;
}

function limitsPluginBody(fastify: FastifyInstance, options: LimitsPluginOptions): Promise<void> {
  const settings = settingsFrom(fastify, options);
  const clock = options.clock ?? systemClock;
  const backend =
    options.redis === undefined
      ? createMemoryLimitBackend(settings, clock)
      : createRedisLimitBackend(settings, options.redis, options.redisKeyPrefix ?? 'dax:', clock);
  fastify.decorate('runLimits', createRunLimits(backend));
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.routeOptions.config.public === true || request.is404) return;
    const identity = request.identity as Identity | null;
    if (identity === null) throw new DaxError('DAX_E_AUTH_MISSING');
    await backend.admitRequest(callerKeyOf(identity), identity.tenant);
  });
  fastify.addHook('onClose', () => backend.close());
  return Promise.resolve();
}

/**
 * Request rate limits per key and per tenant on every authenticated route (429
 * `DAX_E_RATE_LIMITED` with `Retry-After`), and `fastify.runLimits` for the
 * per-tenant concurrency and daily token budget around runs. Register after the
 * identity plugin. Counters live in this process, or in Redis (shared by every
 * replica) when `redis` is given.
 */
export const limitsPlugin = fastifyPlugin(limitsPluginBody, {
  name: 'dax-limits',
  fastify: '5.x',
  dependencies: ['dax-identity'],
});
