import {
  DaxError,
  savedViewNameSchema,
  savedViewSchema,
  tracePageSchema,
  traceSearchFiltersSchema,
  type TracePage,
  type TraceSearchFilters,
} from '@dax/protocol';
import { savedViewStoreFor, traceSearchFor } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemDetailsSchema } from '../problem-details.js';
import { requireRole } from '../require-role.js';

const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.string().min(1).max(200).optional(),
});
const traceQuerySchema = traceSearchFiltersSchema.extend(pageQuerySchema.shape);
const viewParamsSchema = z.strictObject({ id: z.string().min(1).max(200) });
const createViewSchema = z.strictObject({ name: savedViewNameSchema, filters: traceSearchFiltersSchema });

function withoutPaging(query: z.infer<typeof traceQuerySchema>): TraceSearchFilters {
  const filters: Partial<typeof query> = { ...query };
  delete filters.limit;
  delete filters.cursor;
  return filters;
}

/**
 * Trace search and saved views, always within the caller's tenant:
 * `GET /v1/traces` filters runs; `/v1/views` saves a search under a name for
 * everyone in the tenant, lists, re-runs (`GET /v1/views/:id/runs`, by id or name)
 * and deletes them. Another tenant's view is 404, never 403.
 */
export function tracesRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const readers = requireRole('caller', 'auditor', 'operator', 'reviewer');
  const search = traceSearchFor(fastify.store);
  const views = savedViewStoreFor(fastify.store);

  const page = async (tenant: string, filters: TraceSearchFilters, limit: number, cursor: string | undefined): Promise<TracePage> => {
    const found = await search.search({ tenant, filters, limit, ...(cursor === undefined ? {} : { cursor }) });
    return { runs: [...found.runs], ...(found.nextCursor === undefined ? {} : { nextCursor: found.nextCursor }) };
  };

  app.get(
    '/v1/traces',
    {
      preHandler: readers,
      schema: {
        tags: ['traces'],
        summary: "Search the tenant's runs: time range, status, domain, layer, risk, rule id, model, gate state, free text",
        querystring: traceQuerySchema,
        response: { 200: tracePageSchema, '4xx': problemDetailsSchema },
      },
    },
    async (request) => page(request.identity.tenant, withoutPaging(request.query), request.query.limit, request.query.cursor),
  );

  app.post(
    '/v1/views',
    {
      preHandler: readers,
      schema: {
        tags: ['traces'],
        summary: 'Save a trace search under a name, shared by the tenant',
        body: createViewSchema,
        response: { 201: savedViewSchema, '4xx': problemDetailsSchema },
      },
    },
    async (request, reply) => {
      const view = await views.create({
        tenant: request.identity.tenant,
        name: request.body.name,
        filters: request.body.filters,
        createdBy: request.identity.subject,
      });
      return reply.code(201).header('location', `/v1/views/${view.viewId}`).send(view);
    },
  );

  app.get(
    '/v1/views',
    {
      preHandler: readers,
      schema: { tags: ['traces'], summary: "The tenant's saved views, by name", response: { 200: z.object({ views: z.array(savedViewSchema) }) } },
    },
    async (request) => ({ views: await views.list(request.identity.tenant) }),
  );

  app.get(
    '/v1/views/:id/runs',
    {
      preHandler: readers,
      schema: {
        tags: ['traces'],
        summary: "Run a saved view's search (by view id or name)",
        params: viewParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: tracePageSchema, '4xx': problemDetailsSchema },
      },
    },
    async (request) => {
      const view = await views.get(request.identity.tenant, request.params.id);
      if (view === undefined) throw new DaxError('DAX_E_VIEW_NOT_FOUND');
      return page(request.identity.tenant, view.filters, request.query.limit, request.query.cursor);
    },
  );

  app.delete(
    '/v1/views/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['traces'],
        summary: 'Delete a saved view (by id or name)',
        params: viewParamsSchema,
        response: { 204: z.null().describe('Deleted'), '4xx': problemDetailsSchema },
      },
    },
    async (request, reply) => {
      const tenant = request.identity.tenant;
      const view = await views.get(tenant, request.params.id);
      if (view === undefined || !(await views.delete(tenant, view.viewId))) throw new DaxError('DAX_E_VIEW_NOT_FOUND');
      return reply.code(204).send(null);
    },
  );
  return Promise.resolve();
}
