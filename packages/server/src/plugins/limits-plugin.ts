import { systemClock, type Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Identity } from '../identity.js';
import { RateLimit } from '../limit-rate.js';
import { createRunLimits, type RunLimits } from '../limit-runs.js';
import type { LimitSettings } from '../limit-settings.js';
import { withRetryAfter } from '../problem-details.js';

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
  const perKey = new RateLimit(settings.requestsPerMinutePerKey, clock);
  const perTenant = new RateLimit(settings.requestsPerMinutePerTenant, clock);

  fastify.decorate('runLimits', createRunLimits(settings, clock));
  fastify.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    if (request.routeOptions.config.public === true || request.is404) {
      done();
      return;
    }
    const identity = request.identity as Identity | null;
    if (identity === null) {
      done(new DaxError('DAX_E_AUTH_MISSING'));
      return;
    }
    const callerKey = callerKeyOf(identity);
    const wait = Math.max(perKey.waitSeconds(callerKey), perTenant.waitSeconds(identity.tenant));
    if (wait > 0) {
      done(withRetryAfter(new DaxError('DAX_E_RATE_LIMITED'), wait));
      return;
    }
    perKey.take(callerKey);
    perTenant.take(identity.tenant);
    done();
  });
  return Promise.resolve();
}

/**
 * Request rate limits per key and per tenant on every authenticated route (429
 * `DAX_E_RATE_LIMITED` with `Retry-After`), and `fastify.runLimits` for the
 * per-tenant concurrency and daily token budget around runs. Register after the
 * identity plugin. Counters live in this process.
 */
export const limitsPlugin = fastifyPlugin(limitsPluginBody, {
  name: 'dax-limits',
  fastify: '5.x',
  dependencies: ['dax-identity'],
});
