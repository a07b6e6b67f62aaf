import { createRedactionService, type RedactionService } from '@dax/guards';
import { errorCatalogue, type DaxError, type ErrorCode } from '@dax/protocol';
import { z } from 'zod';

/** RFC 9457 problem details, extended with the Dax code, retry hint and request id. */
export const problemDetailsSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  code: z.string(),
  retryable: z.boolean(),
  requestId: z.string(),
});
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

export const problemContentType = 'application/problem+json; charset=utf-8';

/** The `type` URI of a catalogue code (docs/errors.md explains each). */
export function problemType(code: ErrorCode): string {
  return `urn:dax:error:${code}`;
}

/**
 * Convention for errors that tell the caller when to come back: a numeric
 * `retryAfterSeconds` property on the thrown error becomes a `Retry-After` header.
 */
export interface RetryAfterHint {
  readonly retryAfterSeconds: number;
}

/** Marks a DaxError with the seconds a caller should wait before retrying. */
export function withRetryAfter(error: DaxError, retryAfterSeconds: number): DaxError & RetryAfterHint {
  return Object.assign(error, { retryAfterSeconds: Math.max(0, Math.ceil(retryAfterSeconds)) });
}

export function retryAfterSecondsOf(error: unknown): number | undefined {
  const value = typeof error === 'object' && error !== null ? (error as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
}

const defaultRedaction = createRedactionService();

/**
 * The caller-safe body for a DaxError: catalogue title, the error's detail passed
 * through the redaction service (personal data and secrets become placeholders),
 * never a cause.
 */
export function toProblemDetails(
  error: DaxError,
  requestId: string,
  instance: string,
  redaction: RedactionService = defaultRedaction,
): ProblemDetails {
  const title = errorCatalogue[error.code].message;
  return {
    type: problemType(error.code),
    title,
    status: error.status,
    detail: error.detail === undefined ? title : redaction.redactText(error.detail),
    instance,
    code: error.code,
    retryable: error.retryable,
    requestId,
  };
}
