import { DaxError, errorCatalogue, isErrorCode, runResultSchema, type RunResult } from '@dax/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { executeRun } from '../execute-run.js';
import { problemDetailsSchema, withRetryAfter } from '../problem-details.js';
import { requireRole } from '../require-role.js';
import { streamRunEvents } from '../sse-replay-run.js';
import { streamNewRun } from '../sse-start-run.js';
import { lastEventIdOf, wantsEventStream } from '../sse-stream.js';
import { traceContextOf } from '../trace-context-of.js';
import { idempotencyKeyOf, requestHashOf } from './run-idempotency.js';
import {
  runListPageSchema,
  runListQuerySchema,
  runParamsSchema,
  runRequestBodySchema,
  runViewSchema,
  type RunRequestBody,
} from './runs-schemas.js';

/** 202 for a run paused at the human gate, 200 for every other outcome (the body's `status` tells which). */
export function responseStatusOf(result: RunResult): 200 | 202 {
  return result.status === 'awaiting_approval' ? 202 : 200;
}

function sendRunResult(reply: FastifyReply, result: RunResult, status: number, replayed: boolean): FastifyReply {
  void reply.header('x-dax-run-id', result.runId).header('x-dax-run-status', result.status);
  if (status === 202) void reply.header('location', `/v1/runs/${encodeURIComponent(result.runId)}`);
  if (replayed) void reply.header('idempotent-replayed', 'true');
  return reply.code(status).send(result);
}

/**
 * Records the outcome under the Idempotency-Key. A run that failed with a retryable
 * error (a timeout, an outage, a shutdown) frees the key so that the retry runs again;
 * a failure to record is logged and never costs the caller the answer.
 */
async function settleIdempotencyKey(
  fastify: FastifyInstance,
  request: FastifyRequest,
  key: string,
  result: RunResult | undefined,
): Promise<void> {
  const tenant = request.identity.tenant;
  const retryable = result?.status === 'failed' && result.error !== undefined && isErrorCode(result.error.code) && errorCatalogue[result.error.code].retryable;
  try {
    if (result === undefined || retryable) await fastify.idempotency.release(tenant, key);
    else await fastify.idempotency.complete(tenant, key, result.runId, responseStatusOf(result));
  } catch (error) {
    request.log.warn({ err: error, runId: result?.runId }, 'idempotency record not written');
  }
}

async function startRun(fastify: FastifyInstance, request: FastifyRequest<{ Body: RunRequestBody }>, reply: FastifyReply): Promise<unknown> {
  const { identity, body } = request;
  const { maxInputChars } = fastify.gatewayConfig;
  if (body.input.length > maxInputChars) {
    throw new DaxError('DAX_E_INPUT_TOO_LARGE', { detail: `The input has ${body.input.length} characters; the limit is ${maxInputChars}.` });
  }
  if (fastify.shutdown.draining) throw new DaxError('DAX_E_SHUTTING_DOWN');
  const streaming = wantsEventStream(request);
  const key = idempotencyKeyOf(request);

  if (key !== undefined) {
    const claim = await fastify.idempotency.claim({ tenant: identity.tenant, key, requestHash: requestHashOf(body) });
    if (claim.outcome === 'conflict') throw new DaxError('DAX_E_IDEMPOTENCY_CONFLICT');
    if (claim.outcome === 'in_progress') throw withRetryAfter(new DaxError('DAX_E_IDEMPOTENCY_IN_PROGRESS'), 1);
    if (claim.outcome === 'completed') {
      if (streaming) {
        await streamRunEvents(fastify, reply, { runId: claim.runId, tenant: identity.tenant, afterSeq: lastEventIdOf(request) });
        return reply;
      }
      const stored = await fastify.dax.getRun(claim.runId, identity.tenant);
      if (stored === undefined) throw new DaxError('DAX_E_RUN_NOT_FOUND');
      return sendRunResult(reply, stored, claim.responseStatus, true);
    }
  }

  let result: RunResult | undefined;
  try {
    result = streaming
      ? await streamNewRun(fastify, request, reply, { identity, run: body, ...traceContextOf(request) })
      : await executeRun(fastify, { identity, run: body, ...traceContextOf(request) });
  } catch (error) {
    if (key !== undefined) await fastify.idempotency.release(identity.tenant, key).catch(() => undefined);
    throw error;
  }
  if (key !== undefined) await settleIdempotencyKey(fastify, request, key, result);
  request.log.info({ runId: result?.runId, status: result?.status }, 'run finished');
  if (streaming || result === undefined) return reply;
  return sendRunResult(reply, result, responseStatusOf(result), false);
}

/**
 * The runs API: start a run (JSON, or live events with `Accept: text/event-stream`;
 * `Idempotency-Key` replays a finished request), read one run, list the tenant's
 * runs, and replay/follow a run's events honouring `Last-Event-ID`. Every read is
 * scoped to the caller's tenant; another tenant's run is 404, never 403.
 */
export function runsRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const runners = requireRole('caller', 'operator');
  const readers = requireRole('caller', 'auditor', 'operator');

  app.post(
    '/v1/runs',
    {
      preHandler: runners,
      schema: {
        tags: ['runs'],
        summary: 'Run an intent through the fourteen governed layers',
        description:
          'Answers the run result (200), or 202 when the run waits at the human gate. With `Accept: text/event-stream` the layer events stream live instead. `Idempotency-Key` makes a retry return the stored result.',
        body: runRequestBodySchema,
        response: { 200: runResultSchema, 202: runResultSchema, '4xx': problemDetailsSchema, '5xx': problemDetailsSchema },
      },
    },
    async (request, reply) => {
      await startRun(fastify, request, reply);
      return reply;
    },
  );

  app.get(
    '/v1/runs',
    {
      preHandler: readers,
      schema: {
        tags: ['runs'],
        summary: "List the tenant's finished and paused runs, newest first",
        querystring: runListQuerySchema,
        response: { 200: runListPageSchema, '4xx': problemDetailsSchema },
      },
    },
    async (request) => {
      const { status, limit, cursor } = request.query;
      const page = await fastify.dax.listRuns({
        tenant: request.identity.tenant,
        limit,
        ...(status === undefined ? {} : { status }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { runs: [...page.runs], ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) };
    },
  );

  app.get(
    '/v1/runs/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['runs'],
        summary: 'One run: its result, or its progress while it is running',
        params: runParamsSchema,
        response: { 200: runViewSchema, '4xx': problemDetailsSchema },
      },
    },
    async (request) => {
      const tenant = request.identity.tenant;
      const result = await fastify.dax.getRun(request.params.id, tenant);
      if (result !== undefined) return result;
      const progress = await fastify.store.getRunStatus(request.params.id, tenant);
      if (progress?.status !== 'running') throw new DaxError('DAX_E_RUN_NOT_FOUND');
      return {
        runId: progress.runId,
        status: 'running' as const,
        domain: progress.domain,
        startedAt: progress.startedAt,
        layersRecorded: progress.layersRecorded,
      };
    },
  );

  app.get(
    '/v1/runs/:id/events',
    {
      preHandler: readers,
      schema: {
        tags: ['runs'],
        summary: "Replay a run's events and follow it live (server-sent events)",
        description: 'Each message has `id:` = the event sequence number and `event:` = its type. Reconnect with `Last-Event-ID` to resume without gaps or repeats.',
        params: runParamsSchema,
      },
    },
    async (request, reply) => {
      await streamRunEvents(fastify, reply, { runId: request.params.id, tenant: request.identity.tenant, afterSeq: lastEventIdOf(request) });
      return reply;
    },
  );
  return Promise.resolve();
}
