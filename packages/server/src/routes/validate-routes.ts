import { DaxError, intentValidationSchema } from '@dax/protocol';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemDetailsSchema } from '../problem-details.js';
import { requireRole } from '../require-role.js';

const validateBodySchema = z.strictObject({
  input: z.string().min(1).describe('The intent to grade.'),
  domain: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes')
    .optional(),
});


/** `POST /v1/validate`: the deterministic guards' verdict (what `dax validate --json` prints), no model call. */
export function validateRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.setSerializerCompiler(serializerCompiler);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/v1/validate',
    {
      preHandler: requireRole('caller', 'operator'),
      schema: {
        tags: ['runs'],
        summary: 'Grade an intent with the deterministic guards only (no model)',
        body: validateBodySchema,
        response: { 200: intentValidationSchema, '4xx': problemDetailsSchema },
      },
    },
    (request) => {
      const { input, domain } = request.body;
      const { maxInputChars } = fastify.gatewayConfig;
      if (input.length > maxInputChars) {
        throw new DaxError('DAX_E_INPUT_TOO_LARGE', { detail: `The input has ${input.length} characters; the limit is ${maxInputChars}.` });
      }
      const verdict = fastify.dax.validate(input, { tenant: request.identity.tenant, ...(domain === undefined ? {} : { domain }) });
      return { ...verdict, ruleIds: [...verdict.ruleIds], findings: [...verdict.findings] };
    },
  );
  return Promise.resolve();
}
