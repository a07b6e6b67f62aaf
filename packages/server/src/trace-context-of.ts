import type { FastifyRequest } from 'fastify';

/** The caller's W3C trace context headers, to continue its trace in the run's spans. */
export function traceContextOf(request: FastifyRequest): { traceparent?: string; tracestate?: string } {
  const { traceparent, tracestate } = request.headers;
  return {
    ...(typeof traceparent === 'string' ? { traceparent } : {}),
    ...(typeof tracestate === 'string' ? { tracestate } : {}),
  };
}
