import { systemClock, type Clock } from '@dax/core';
import type { ApiKeyRecord } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiKey } from '../api-key-create.js';
import { apiKeyStoreOf } from '../api-key-store-of.js';
import { revokeApiKey } from '../api-key-revoke.js';
import { roles } from '../identity.js';
import { requireRole } from '../require-role.js';

const keyRecordSchema = z.object({
  keyId: z.string(),
  tenant: z.string(),
  roles: z.array(z.string()),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});

const createdKeySchema = keyRecordSchema.extend({
  key: z.string().describe('The API key itself. Shown only in this response; store it now.'),
});

const createBodySchema = z.strictObject({
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  name: z.string().max(100).optional(),
});

const keyParamsSchema = z.object({ keyId: z.string().min(1).max(64) });

function recordView(record: ApiKeyRecord): z.infer<typeof keyRecordSchema> {
  return {
    keyId: record.keyId,
    tenant: record.tenant,
    roles: [...record.roles],
    name: record.name,
    createdAt: record.createdAt,
    ...(record.revokedAt === undefined ? {} : { revokedAt: record.revokedAt }),
  };
}

export interface KeysRoutesOptions {
  readonly clock?: Clock;
}

/**
 * The keys admin API, for the admin role and always within the caller's own
 * tenant: create (the key is returned once), list and revoke. Another tenant's
 * key id answers 404 like an unknown one.
 */
export function keysRoutes(fastify: FastifyInstance, options: KeysRoutesOptions = {}): Promise<void> {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admins = requireRole('admin');
  const clock = options.clock ?? systemClock;
  const keys = () => apiKeyStoreOf(fastify.store);

  app.post(
    '/v1/admin/keys',
    {
      preHandler: admins,
      schema: {
        tags: ['keys'],
        summary: "Create an API key in the caller's tenant; the key is shown once",
        body: createBodySchema,
        response: { 201: createdKeySchema },
      },
    },
    async (request, reply) => {
      const created = await createApiKey(
        keys(),
        { tenant: request.identity.tenant, roles: request.body.roles, name: request.body.name ?? '' },
        clock,
      );
      void reply.code(201).header('cache-control', 'no-store');
      return { ...created, roles: [...created.roles] };
    },
  );

  app.get(
    '/v1/admin/keys',
    {
      preHandler: admins,
      schema: {
        tags: ['keys'],
        summary: "List the API keys of the caller's tenant (never the keys themselves)",
        response: { 200: z.object({ keys: z.array(keyRecordSchema) }) },
      },
    },
    async (request) => ({ keys: (await keys().listKeys(request.identity.tenant)).map(recordView) }),
  );

  app.delete(
    '/v1/admin/keys/:keyId',
    {
      preHandler: admins,
      schema: {
        tags: ['keys'],
        summary: "Revoke an API key of the caller's tenant, effective on the next request",
        params: keyParamsSchema,
        response: { 200: keyRecordSchema },
      },
    },
    async (request) =>
      recordView(await revokeApiKey(keys(), request.params.keyId, { tenant: request.identity.tenant }, clock)),
  );
  return Promise.resolve();
}
