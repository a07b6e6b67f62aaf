import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** Options of the OpenAPI document generator: every route's zod schemas become OpenAPI 3.1 schemas. */
export function openapiDocumentOptions(version: string): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dax gateway',
        version,
        description:
          'Every intent passes fourteen governed layers (DA-13 … DA-1, then DA-X). Errors are application/problem+json with a DAX_E_* code.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API key (dax_…) or an OIDC access token.' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
      tags: [
        { name: 'runs', description: 'Governed runs and their events' },
        { name: 'original', description: 'The original recursion contract' },
        { name: 'openai', description: 'OpenAI-compatible endpoint' },
        { name: 'keys', description: 'API key administration' },
        { name: 'gates', description: 'Human gates (DA-7): acknowledge, approve, deny' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
  };
}
