import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * `GET /openapi.json` (the document) and `/docs` (Swagger UI), both public. The
 * document itself is built by @fastify/swagger, registered before every route.
 */
export async function openapiRoutes(fastify: FastifyInstance): Promise<void> {
  // Routes declared in this plugin (the UI's pages and assets included) need no credentials.
  fastify.addHook('onRoute', (route) => {
    route.config = { ...route.config, public: true };
  });
  fastify.get('/openapi.json', { schema: { hide: true } }, () => fastify.swagger());
  await fastify.register(fastifySwaggerUi, { routePrefix: '/docs' });
}
