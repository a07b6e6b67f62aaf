import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { bundledConfigDir } from '@dax/runtime';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { GatewayObservability } from '../observability/gateway-observability.js';
import { emptyPriceTable, loadPriceTable, type PriceTable } from '../observability/price-table.js';
import { tracingSettingsFromEnv } from '../observability/tracing-settings.js';
import { requireRole } from '../require-role.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Prometheus metrics and OpenTelemetry tracing of runs and requests. */
    observability: GatewayObservability;
    /** The separate metrics listener's URL when `observability.metricsPort` is set and the gateway is ready. */
    metricsUrl: string | undefined;
  }
}

export interface ObservabilityPluginOptions {
  /** Where the `OTEL_*` variables are read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly version: string;
}

function pricesFor(pricesFile: string | undefined): PriceTable {
  if (pricesFile !== undefined) return loadPriceTable(pricesFile);
  const bundled = join(bundledConfigDir, 'prices.json');
  return existsSync(bundled) ? loadPriceTable(bundled) : emptyPriceTable;
}

/**
 * Observability of the gateway: HTTP request metrics for every route, run metrics
 * and spans (fed by `executeRun`), and the Prometheus exposition either at
 * `GET /metrics` for the `metrics` or `operator` role (admin passes too) or, when
 * `metricsPort` is set, on a separate plain-HTTP listener with no authentication.
 */
async function observability(fastify: FastifyInstance, options: ObservabilityPluginOptions): Promise<void> {
  const settings = fastify.gatewayConfig.observability;
  const observer = await GatewayObservability.create({
    metrics: settings.metrics,
    prices: pricesFor(settings.pricesFile),
    tracing: tracingSettingsFromEnv(options.env ?? process.env),
    traceContent: settings.traceContent,
    version: options.version,
  });
  fastify.decorate('observability', observer);
  fastify.decorate('metricsUrl', undefined);
  fastify.addHook('onClose', async () => {
    await observer.close();
  });
  const metrics = observer.metrics;
  if (metrics === undefined) return;

  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeHttpRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  if (settings.metricsPort === undefined) {
    fastify.get(
      '/metrics',
      { preHandler: requireRole('metrics', 'operator'), schema: { tags: ['observability'], summary: 'Prometheus metrics (text exposition format)' } },
      async (_request, reply) => {
        const body = await metrics.registry.metrics();
        return reply.type(metrics.registry.contentType).send(body);
      },
    );
    return;
  }

  let server: Server | undefined;
  const port = settings.metricsPort;
  fastify.addHook('onReady', async () => {
    server = createServer((request, response) => {
      if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      metrics.registry.metrics().then(
        (body) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
        () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
      );
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, settings.metricsHost, () => resolve());
    });
    const address = listening.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    fastify.metricsUrl = `http://${host}:${address.port}/metrics`;
  });
  fastify.addHook('onClose', async () => {
    const listening = server;
    if (listening === undefined) return;
    await new Promise<void>((resolve) => listening.close(() => resolve()));
  });
}

export const observabilityPlugin = fastifyPlugin(observability, { name: 'dax-observability', fastify: '5.x' });
