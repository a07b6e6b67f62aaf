import { DaxError } from '@dax/protocol';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { fastifyErrorToDaxError } from '../fastify-error-to-dax-error.js';
import { problemContentType, retryAfterSecondsOf, toProblemDetails } from '../problem-details.js';
import { RouteMethodIndex } from '../route-method-index.js';

export interface ErrorHandlerPluginOptions {
  /** Named in the 413 detail. */
  readonly bodyLimitBytes: number;
}

const queryStart = /\?.*$/s;

function pathOf(request: FastifyRequest): string {
  return request.url.replace(queryStart, '');
}

/** Sends a DaxError as `application/problem+json`; logs its code and status, never its message or cause. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: DaxError, thrown: unknown = error): FastifyReply {
  const fields = { code: error.code, status: error.status, ...(thrown === error ? {} : { err: thrown }) };
  if (error.status >= 500) request.log.error(fields, 'request failed');
  else request.log.info(fields, 'request refused');
  const retryAfter = retryAfterSecondsOf(thrown) ?? retryAfterSecondsOf(error);
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  return reply.code(error.status).type(problemContentType).send(toProblemDetails(error, request.id, pathOf(request), request.server.redaction));
}

function errorHandlerPluginBody(fastify: FastifyInstance, options: ErrorHandlerPluginOptions): Promise<void> {
  const routes = new RouteMethodIndex();
  fastify.addHook('onRoute', (route) => routes.add(route.url, route.method));

  fastify.setErrorHandler((thrown: FastifyError | DaxError, request, reply) => {
    const error = fastifyErrorToDaxError(thrown, options.bodyLimitBytes);
    return sendProblem(request, reply, error, thrown);
  });

  fastify.setNotFoundHandler((request, reply) => {
    const allowed = routes.allowedMethods(pathOf(request));
    if (allowed.length > 0) {
      void reply.header('allow', allowed.join(', '));
      return sendProblem(request, reply, new DaxError('DAX_E_METHOD_NOT_ALLOWED'));
    }
    return sendProblem(request, reply, new DaxError('DAX_E_NOT_FOUND'));
  });
  return Promise.resolve();
}

/**
 * Every failure becomes RFC 9457 problem details with a catalogue code: thrown
 * DaxErrors, Fastify's own errors (413 body too large, 415, JSON and schema
 * validation), unknown routes (404) and known routes with another method (405,
 * with `Allow`). A `retryAfterSeconds` on the error sets `Retry-After`.
 */
export const errorHandlerPlugin = fastifyPlugin(errorHandlerPluginBody, { name: 'dax-error-handler', fastify: '5.x' });
