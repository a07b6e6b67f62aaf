import { DaxError, toDaxError } from '@dax/protocol';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemDetailsSchema } from '../problem-details.js';

const healthSchema = z.object({ status: z.literal('ok') });
const readySchema = z.object({ status: z.literal('ready'), checks: z.object({ config: z.literal('ok'), store: z.literal('ok') }) });

/** Probes every load balancer needs; public (no credentials). */
export function healthRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: 'Liveness: the process answers', security: [], response: { 200: healthSchema } },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Readiness: configuration loaded and store reachable; 503 while shutting down',
        security: [],
        response: { 200: readySchema, 503: problemDetailsSchema },
      },
    },
    async () => {
      if (fastify.shutdown.draining) throw new DaxError('DAX_E_NOT_READY', { detail: 'The gateway is shutting down.' });
      try {
        // Any query proves the store answers; an unknown id costs one index lookup.
        await fastify.store.getRunStatus('readiness-probe');
      } catch (error) {
        throw new DaxError('DAX_E_NOT_READY', { detail: 'The run store is not reachable.', cause: toDaxError(error) });
      }
      return { status: 'ready' as const, checks: { config: 'ok' as const, store: 'ok' as const } };
    },
  );
  return Promise.resolve();
}
