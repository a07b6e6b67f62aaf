import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifySwagger from '@fastify/swagger';
import { dataClassByLayerName, systemClock, type Clock } from '@dax/core';
import { createRedactionService } from '@dax/guards';
import type { BreakerObserver } from '@dax/providers';
import { createDax, type Dax } from '@dax/runtime';
import { gateStoreFor, idempotencyStoreFor, openRunStore, resolveDataDir, runEventsStoreFor, type KyselyRunStore } from '@dax/store';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import './gateway-decorations.js';
import type { GatewayConfig } from './gateway-config.js';
import { createGatewayLogger } from './gateway-logger.js';
import { createGateService } from './gates/create-gate-service.js';
import { loadRotations, type Rotations } from './gates/load-rotations.js';
import { errorHandlerPlugin } from './plugins/error-handler-plugin.js';
import { identityPlugin } from './plugins/identity-plugin.js';
import { connectRedis } from './connect-redis.js';
import type { Redis } from 'ioredis';
import { leaseSweepPlugin } from './plugins/lease-sweep-plugin.js';
import { limitsPlugin } from './plugins/limits-plugin.js';
import { observabilityPlugin } from './plugins/observability-plugin.js';
import { securityPlugin } from './plugins/security-plugin.js';
import { chatCompletionsRoutes } from './routes/chat-completions-routes.js';
import { evidenceRoutes } from './routes/evidence-routes.js';
import { configRoutes } from './routes/config-routes.js';
import { dsrRoutes } from './routes/dsr-routes.js';
import { gatesRoutes } from './routes/gates-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { keysRoutes } from './routes/keys-routes.js';
import { openapiDocumentOptions } from './routes/openapi-document.js';
import { openapiRoutes } from './routes/openapi-routes.js';
import { recursionRoutes } from './routes/recursion-routes.js';
import { runsRoutes } from './routes/runs-routes.js';
import { tracesRoutes } from './routes/traces-routes.js';
import { validateRoutes } from './routes/validate-routes.js';
import { RetentionSweep } from './retention-sweep.js';
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
  /** Validated rotations; default loaded from `config.gates.rotationsFile` (or the built-in rotation). */
  readonly rotations?: Rotations;
  /** Environment for `OTEL_*` tracing variables and webhook secrets; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
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
  // Breaker states reach the metrics once the observability plugin is registered.
  let onBreakerState: BreakerObserver | undefined;
  let dax: Dax;
  let rotations: Rotations;
  try {
    rotations = options.rotations ?? loadRotations({ env: options.env ?? process.env, cwd: process.cwd(), ...(config.gates.rotationsFile === undefined ? {} : { file: config.gates.rotationsFile }) });
    dax =
      options.dax ??
      createDax({
        store,
        provider: config.provider,
        ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
        ...(config.redisUrl === undefined ? {} : { redisUrl: config.redisUrl, redisKeyPrefix: config.redisKeyPrefix }),
        limits: { maxInputChars: config.maxInputChars },
        approvalRules: { requiredGroups: config.governance.approvalGroups },
        onBreakerState: (provider, model, state) => onBreakerState?.(provider, model, state),
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

  const redaction = createRedactionService({ enabled: config.dataHandling.redaction });
  const app = Fastify({
    loggerInstance: createGatewayLogger({
      level: config.logLevel,
      redaction,
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
    }),
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
  app.decorate('redaction', redaction);
  const retentionSweep = new RetentionSweep({
    store,
    policy: config.dataHandling.retentionDays,
    classOf: dataClassByLayerName(dax.config),
    intervalMs: config.dataHandling.retentionSweepMs,
    clock,
    log: app.log,
  });
  app.decorate('gates', createGateService(app, { gates: gateStoreFor(store), clock, rotations }));
  app.setValidatorCompiler(validatorCompiler);
  // Bodies are JSON only: anything else is 415 DAX_E_UNSUPPORTED_MEDIA_TYPE.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('preClose', async () => {
    app.gates.stopSweeping();
    const outcome = await shutdown.drain(config.shutdownGraceMs);
    await app.gates.settle();
    runHub.endAll();
    if (outcome.finished + outcome.cancelled > 0) app.log.info(outcome, 'in-flight runs drained');
  });
  app.addHook('onReady', () => {
    retentionSweep.start();
    return Promise.resolve();
  });
  app.addHook('onClose', async () => {
    await retentionSweep.stop();
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
  await app.register(observabilityPlugin, { version: gatewayVersion, ...(options.env === undefined ? {} : { env: options.env }) });
  const metrics = app.observability.metrics;
  if (metrics !== undefined) onBreakerState = (provider, model, state) => metrics.setBreakerState(provider, model, state);

  await app.register(healthRoutes);
  await app.register(runsRoutes);
  await app.register(tracesRoutes);
  await app.register(validateRoutes);
  await app.register(recursionRoutes);
  await app.register(keysRoutes, { clock });
  await app.register(evidenceRoutes);
  await app.register(configRoutes);
  await app.register(chatCompletionsRoutes);
  const ledgerDir = config.dataDir ?? (ownsStore ? resolveDataDir() : undefined);
  await app.register(dsrRoutes, { ...(ledgerDir === undefined ? {} : { dataDir: ledgerDir }) });
  await app.register(gatesRoutes);
  app.gates.startSweeping(config.gates.sweepIntervalMs);
  await app.register(openapiRoutes);
  return app;
}
