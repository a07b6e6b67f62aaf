import { DaxError } from '@dax/protocol';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { executeRun } from '../execute-run.js';
import { runFailure } from '../chat-outcome.js';
import { problemDetailsSchema } from '../problem-details.js';
import { requireRole } from '../require-role.js';

const recursionBodySchema = z.object({
  input: z.string().min(1),
  includeReasons: z.boolean().optional(),
});

/** Exactly the original response: the governed output and each layer's output (and reason when asked). */
const recursionResponseSchema = z.strictObject({
  output: z.string(),
  trace: z.array(z.strictObject({ layer: z.string(), output: z.string(), reason: z.string().optional() })),
});

/**
 * The original contract, `POST /dax/recursion {input, includeReasons}` →
 * `{output, trace: [{layer, output, reason?}]}`, now governed and authenticated.
 * The run id and status travel in `x-dax-run-id` and `x-dax-run-status`.
 */
export function recursionRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/dax/recursion',
    {
      preHandler: requireRole('caller', 'operator'),
      schema: {
        tags: ['original'],
        summary: 'The original recursion contract: {output, trace}',
        body: recursionBodySchema,
        response: { 200: recursionResponseSchema, '4xx': problemDetailsSchema, '5xx': problemDetailsSchema },
      },
    },
    async (request, reply) => {
      const { input, includeReasons } = request.body;
      const { maxInputChars } = fastify.gatewayConfig;
      if (input.length > maxInputChars) {
        throw new DaxError('DAX_E_INPUT_TOO_LARGE', { detail: `The input has ${input.length} characters; the limit is ${maxInputChars}.` });
      }
      const result = await executeRun(fastify, {
        identity: request.identity,
        run: { input, ...(includeReasons === undefined ? {} : { includeReasons }) },
      });
      void reply.header('x-dax-run-id', result.runId).header('x-dax-run-status', result.status);
      const failure = runFailure(result);
      if (failure !== undefined) throw failure;
      return {
        // Only an approved run emits an action; every other outcome answers with no output.
        output: result.status === 'approved' ? result.output : '',
        trace: result.trace.map((entry) => ({
          layer: entry.layer,
          output: entry.output,
          ...(includeReasons === true && entry.reason !== undefined ? { reason: entry.reason } : {}),
        })),
      };
    },
  );
  return Promise.resolve();
}
