import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

export interface SecurityPluginOptions {
  /** Origins allowed to call the gateway from a browser; none by default. */
  readonly corsOrigins: readonly string[];
}

/** Headers a browser client may read besides the safelisted ones. */
const exposedHeaders = ['x-request-id', 'retry-after', 'x-dax-run-id', 'x-dax-run-status', 'location'];

async function securityPluginBody(fastify: FastifyInstance, options: SecurityPluginOptions): Promise<void> {
  // The API answers JSON and event streams; the docs page loads its assets from this origin only.
  await fastify.register(fastifyHelmet, { global: true });
  if (options.corsOrigins.length === 0) return;
  const allowed: ReadonlySet<string> = new Set(options.corsOrigins);
  await fastify.register(fastifyCors, {
    // An exact match only: no wildcards, no reflection of unknown origins.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['authorization', 'x-api-key', 'content-type', 'idempotency-key', 'last-event-id', 'x-request-id'],
    exposedHeaders,
    maxAge: 600,
  });
}

/**
 * Security headers on every response (helmet) and CORS for the configured origins
 * only: with none configured no CORS header is ever sent, and an origin not in
 * the list gets no allow header.
 */
export const securityPlugin = fastifyPlugin(securityPluginBody, { name: 'dax-security', fastify: '5.x' });
