import type { DaxError, ErrorCode } from '@dax/protocol';
import type { z } from 'zod';
import type { chatErrorBodySchema } from './chat-response-schemas.js';
import { ChatRequestError } from './chat-request-error.js';
import { fastifyErrorToDaxError } from './fastify-error-to-dax-error.js';
import { retryAfterSecondsOf } from './problem-details.js';

/** An error object in OpenAI's shape; `code` is the Dax catalogue code unless OpenAI has a well-known one. */
export type ChatErrorBody = z.infer<typeof chatErrorBodySchema>;

/** Everything the chat endpoint needs to answer an error. */
export interface ChatError {
  readonly status: number;
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly body: ChatErrorBody;
}

interface ValidationFailure {
  readonly validation?: readonly { readonly instancePath?: unknown }[];
}

const arrayIndex = /^\d+$/;

/** `/messages/0/role` → `messages[0].role`. */
function paramFromPointer(pointer: string): string {
  return pointer
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment, index) => (arrayIndex.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

/** The request field an error is about, as OpenAI names it, when there is one. */
function paramOf(thrown: unknown, error: DaxError): string | null {
  if (error instanceof ChatRequestError) return error.param;
  const pointer = (thrown as ValidationFailure | undefined)?.validation?.[0]?.instancePath;
  const param = typeof pointer === 'string' ? paramFromPointer(pointer) : '';
  return param === '' ? null : param;
}

/** OpenAI's error `type` for a status. */
function errorType(status: number, code: ErrorCode): string {
  if (code === 'DAX_E_BUDGET_EXHAUSTED') return 'insufficient_quota';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500 || status === 499) return 'server_error';
  return 'invalid_request_error';
}

/** Renders anything thrown on the chat endpoint as an OpenAI-style error; never copies a cause's text. */
export function toChatError(thrown: unknown, bodyLimitBytes = 1_048_576): ChatError {
  const error = fastifyErrorToDaxError(thrown, bodyLimitBytes);
  const openaiCode = error instanceof ChatRequestError ? error.openaiCode : undefined;
  return {
    status: error.status,
    code: error.code,
    retryable: error.retryable,
    retryAfterSeconds: retryAfterSecondsOf(thrown),
    body: { error: { message: error.message, type: errorType(error.status, error.code), param: paramOf(thrown, error), code: openaiCode ?? error.code } },
  };
}
