import { gateSchema, gateStatusSchema, runStatusSchema } from '@dax/protocol';
import type { GateRecord } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemDetailsSchema } from '../problem-details.js';
import { requireRole } from '../require-role.js';

const gateParamsSchema = z.object({ id: z.string().min(1).max(200) });
const gateListQuerySchema = z.strictObject({
  status: z.union([z.literal('open'), gateStatusSchema]).optional().describe('`open` = opened, notified or acknowledged.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const decisionBodySchema = z
  .strictObject({ comment: z.string().max(2_000).optional().describe('Why; recorded in the gate, the run trace and its evidence.') })
  .default({});
const gateListSchema = z.object({ gates: z.array(gateSchema) });
const decisionResultSchema = z.object({
  gate: gateSchema,
  run: z.object({ runId: z.string(), status: runStatusSchema }).optional().describe('The run after it was resumed or ended, when this decision settled the gate.'),
});

/** The public view: the schema keeps the gate's fields and drops the internal ones (tenant, resumed). */
function gateView(gate: GateRecord): z.infer<typeof gateSchema> {
  return gateSchema.parse(gate);
}

const responses = { '4xx': problemDetailsSchema, '5xx': problemDetailsSchema };

/**
 * The human gates API: list and read the tenant's gates; acknowledge, approve
 * or deny one (approver role; the identity must be on call for the routed
 * rotation and must not be the run's caller). Another tenant's gate is 404.
 */
export function gatesRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const readers = requireRole('approver', 'auditor', 'operator');
  const deciders = requireRole('approver');

  app.get(
    '/v1/gates',
    { preHandler: readers, schema: { tags: ['gates'], summary: "List the tenant's human gates, the longest waiting first", querystring: gateListQuerySchema, response: { 200: gateListSchema, ...responses } } },
    async (request) => {
      const gates = await fastify.gates.listGates(request.identity.tenant, request.query.status, request.query.limit);
      return { gates: gates.map(gateView) };
    },
  );

  app.get(
    '/v1/gates/:id',
    { preHandler: readers, schema: { tags: ['gates'], summary: 'One gate: why the run paused, who may decide, by when, decisions and deliveries', params: gateParamsSchema, response: { 200: gateSchema, ...responses } } },
    async (request) => gateView(await fastify.gates.getGate(request.params.id, request.identity.tenant)),
  );

  app.post(
    '/v1/gates/:id/ack',
    { preHandler: deciders, schema: { tags: ['gates'], summary: 'Acknowledge a gate: it stops escalating (the decide deadline still holds)', params: gateParamsSchema, body: decisionBodySchema, response: { 200: gateSchema, ...responses } } },
    async (request) => gateView(await fastify.gates.acknowledge(request.params.id, request.identity)),
  );

  for (const [action, decision] of [
    ['approve', 'approved'],
    ['deny', 'denied'],
  ] as const) {
    app.post(
      `/v1/gates/:id/${action}`,
      {
        preHandler: deciders,
        schema: {
          tags: ['gates'],
          summary: action === 'approve' ? 'Approve: the run resumes after DA-7 once the gate has its approvals (P0: two people)' : 'Deny: the run ends denied; nothing after DA-7 runs',
          params: gateParamsSchema,
          body: decisionBodySchema,
          response: { 200: decisionResultSchema, ...responses },
        },
      },
      async (request) => {
        const outcome = await fastify.gates.decide(request.params.id, request.identity, decision, request.body.comment);
        return { gate: gateView(outcome.gate), ...(outcome.run === undefined ? {} : { run: { runId: outcome.run.runId, status: outcome.run.status } }) };
      },
    );
  }
  return Promise.resolve();
}
