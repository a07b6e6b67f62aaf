import { toDaxError, type RunResult } from '@dax/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { executeRun, type ExecuteRunOptions } from './execute-run.js';
import { toProblemDetails } from './problem-details.js';
import { openSseStream, type SseStream } from './sse-stream.js';

/**
 * Runs an intent and streams its events live. The stream opens with the first
 * event, so a refusal before the run starts (limits, shutdown, bad input) is still
 * an ordinary problem+json response (thrown). A failure after that arrives as an
 * SSE `error` message and resolves undefined. The caller leaving does not stop the
 * run: it finishes, is stored, and can be replayed from `GET /v1/runs/:id/events`.
 */
export async function streamNewRun(
  fastify: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  options: Omit<ExecuteRunOptions, 'onEvent'>,
): Promise<RunResult | undefined> {
  let stream: SseStream | undefined;
  try {
    const result = await executeRun(fastify, {
      ...options,
      onEvent: (event) => {
        stream ??= openSseStream(reply);
        stream.send(event);
      },
    });
    return result;
  } catch (error) {
    if (stream === undefined) throw error;
    const daxError = toDaxError(error);
    request.log.error({ code: daxError.code, status: daxError.status, err: error }, 'streamed run failed');
    stream.sendError(toProblemDetails(daxError, request.id, request.url.split('?')[0] ?? ''));
    return undefined;
  } finally {
    stream?.end();
  }
}
