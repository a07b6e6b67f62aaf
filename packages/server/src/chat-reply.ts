import type { FastifyReply } from 'fastify';
import type { ChatError } from './chat-error.js';

/**
 * Sends an OpenAI-style error. `x-should-retry` carries the catalogue's retryable flag,
 * so the official OpenAI clients retry exactly the failures Dax calls retryable.
 */
export function sendChatError(reply: FastifyReply, error: ChatError, extra: Readonly<Record<string, unknown>> = {}): FastifyReply {
  if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
  return reply
    .status(error.status)
    .header('x-should-retry', String(error.retryable))
    .type('application/json; charset=utf-8')
    .send({ ...error.body, ...extra });
}
