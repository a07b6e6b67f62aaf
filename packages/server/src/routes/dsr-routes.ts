import { eraseSubject, exportSubject } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../require-role.js';

const subjectIdSchema = z.string().min(1).max(200);

export interface DsrRoutesOptions {
  /** Data directory whose erasure ledger file records each erasure (the embedded store's). */
  readonly dataDir?: string;
}

/**
 * Data subject requests for the admin role, within the caller's tenant: erasure
 * (the subject's data key and texts are destroyed, a tombstone and a ledger entry
 * are kept) and export (the subject's runs with their texts).
 */
export function dsrRoutes(fastify: FastifyInstance, options: DsrRoutesOptions = {}): Promise<void> {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admins = requireRole('admin');

  app.post(
    '/v1/dsr/erase',
    {
      preHandler: admins,
      schema: {
        tags: ['dsr'],
        summary: "Erase a data subject's texts and data key in the caller's tenant",
        body: z.strictObject({ subjectId: subjectIdSchema }),
        response: { 200: z.object({ subjectHash: z.string(), runIds: z.array(z.string()), erasedAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const receipt = await eraseSubject(fastify.store, {
        tenant: request.identity.tenant,
        subjectId: request.body.subjectId,
        ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      });
      request.log.info({ subjectHash: receipt.subjectHash, runs: receipt.runIds.length }, 'data subject erased');
      void reply.header('cache-control', 'no-store');
      return { ...receipt, runIds: [...receipt.runIds] };
    },
  );

  app.get(
    '/v1/dsr/export',
    {
      preHandler: admins,
      schema: {
        tags: ['dsr'],
        summary: "Everything stored about a data subject in the caller's tenant, texts included",
        querystring: z.strictObject({ subject: subjectIdSchema }),
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return exportSubject(fastify.store, request.identity.tenant, request.query.subject);
    },
  );
  return Promise.resolve();
}
