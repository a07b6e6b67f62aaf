import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifySwagger from '@fastify/swagger';
import { systemClock, type Clock } from '@dax/core';
import { createDax, type Dax } from '@dax/runtime';
import { idempotencyStoreFor, openRunStore, resolveDataDir, runEventsStoreFor, type KyselyRunStore } from '@dax/store';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import './gateway-decorations.js';
import type { GatewayConfig } from './gateway-config.js';
import { createGatewayLogger } from './gateway-logger.js';
import { errorHandlerPlugin } from './plugins/error-handler-plugin.js';
import { identityPlugin } from './plugins/identity-plugin.js';
import { connectRedis } from './connect-redis.js';
import type { Redis } from 'ioredis';
import { leaseSweepPlugin } from './plugins/lease-sweep-plugin.js';
import { limitsPlugin } from './plugins/limits-plugin.js';
import { securityPlugin } from './plugins/security-plugin.js';
import { chatCompletionsRoutes } from './routes/chat-completions-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { keysRoutes } from './routes/keys-routes.js';
import { openapiDocumentOptions } from './routes/openapi-document.js';
import { openapiRoutes } from './routes/openapi-routes.js';
import { recursionRoutes } from './routes/recursion-routes.js';
import { runsRoutes } from './routes/runs-routes.js';
import { validateRoutes } from './routes/validate-routes.js';
import { RunEventHub } from './run-event-hub.js';
import { ShutdownController } from './shutdown-controller.js';
import { readTlsOptions } from './tls-options.js';

export interface GatewayOptions {
  readonly config: GatewayConfig;
  /** A ready store; default the embedded SQLite store in `config.dataDir` (closed with the gateway). */
  readonly store?: KyselyRunStore;
  /** A ready runtime; default one built over the store with `config.provider` (closed with the gateway). */
  readonly dax?: Dax;
  readonly clock?: Clock;
  /** Where log lines go; default standard output. */
  readonly logStream?: NodeJS.WritableStream;
}

export const gatewayVersion = '0.1.0';

/** A caller's `x-request-id` is kept when it is short and plain; otherwise a fresh id is made. */
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

function requestIdOf(raw: IncomingMessage): string {
  const header = raw.headers['x-request-id'];
  return typeof header === 'string' && requestIdPattern.test(header) ? header : randomUUID();
}

/**
 * Builds the gateway (not yet listening): error handling, security headers and
 * CORS, identity, limits, then the routes. Call `listen` on the result; `close`
 * drains in-flight runs (up to `shutdownGraceMs`) before the store closes.
 */
export async function createGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const tls = config.tls === undefined ? undefined : readTlsOptions(config.tls);
  const ownsStore = options.store === undefined;
  const store =
    options.store ?? (await openRunStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir ?? resolveDataDir(),
      clock,
      leaseTtlMs: config.runLeaseTtlMs,
    }));
  let dax: Dax;
  try {
    dax =
      options.dax ??
      createDax({
        store,
        provider: config.provider,
        ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
        ...(config.redisUrl === undefined ? {} : { redisUrl: config.redisUrl, redisKeyPrefix: config.redisKeyPrefix }),
        limits: { maxInputChars: config.maxInputChars },
      });
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }

  let redis: Redis | undefined;
  try {
    redis = config.redisUrl === undefined ? undefined : await connectRedis(config.redisUrl);
  } catch (error) {
    if (options.dax === undefined) await dax.close();
    if (ownsStore) await store.close();
    throw error;
  }

  const app = Fastify({
    loggerInstance: createGatewayLogger({ level: config.logLevel, ...(options.logStream === undefined ? {} : { stream: options.logStream }) }),
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdOf,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Requests arriving while draining reach the hooks, which answer with a catalogue code.
    return503OnClosing: false,
    ...(tls === undefined ? {} : { https: tls }),
  }) as unknown as FastifyInstance;

  const shutdown = new ShutdownController();
  const runHub = new RunEventHub();
  app.decorate('gatewayConfig', config);
  app.decorate('store', store);
  app.decorate('dax', dax);
  app.decorate('runHub', runHub);
  app.decorate('runEvents', runEventsStoreFor(store));
  app.decorate('idempotency', idempotencyStoreFor(store, { clock }));
  app.decorate('shutdown', shutdown);
  app.setValidatorCompiler(validatorCompiler);
  // Bodies are JSON only: anything else is 415 DAX_E_UNSUPPORTED_MEDIA_TYPE.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('preClose', async () => {
    const outcome = await shutdown.drain(config.shutdownGraceMs);
    runHub.endAll();
    if (outcome.finished + outcome.cancelled > 0) app.log.info(outcome, 'in-flight runs drained');
  });
  app.addHook('onClose', async () => {
    if (options.dax === undefined) await dax.close();
    if (ownsStore) await store.close();
    redis?.disconnect();
  });

  await app.register(errorHandlerPlugin, { bodyLimitBytes: config.bodyLimitBytes });
  await app.register(securityPlugin, { corsOrigins: config.corsOrigins });
  await app.register(fastifySwagger, openapiDocumentOptions(gatewayVersion));
  await app.register(identityPlugin);
  await app.register(limitsPlugin, {
    clock,
    ...(redis === undefined ? {} : { redis, redisKeyPrefix: config.redisKeyPrefix }),
  });
  await app.register(leaseSweepPlugin);

  await app.register(healthRoutes);
  await app.register(runsRoutes);
  await app.register(validateRoutes);
  await app.register(recursionRoutes);
  await app.register(keysRoutes, { clock });
  await app.register(chatCompletionsRoutes);
  await app.register(openapiRoutes);
  return app;
}
