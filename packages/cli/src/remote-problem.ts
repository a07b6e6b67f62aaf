import { DaxError, errorCatalogue, isErrorCode } from '@dax/protocol';

interface Problem {
  readonly code?: unknown;
  readonly title?: unknown;
  readonly detail?: unknown;
  readonly retryable?: unknown;
}

/**
 * The DaxError a gateway's `application/problem+json` answer stands for, so a remote
 * command fails with the same code, message and exit code as a local one. An answer
 * that is not a Dax problem becomes `DAX_E_INTERNAL` naming the HTTP status.
 */
export function problemError(status: number, body: unknown): DaxError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Problem;
  if (!isErrorCode(problem.code)) {
    return new DaxError('DAX_E_INTERNAL', { detail: `The gateway answered HTTP ${status} without a Dax error code.` });
  }
  const catalogueMessage = errorCatalogue[problem.code].message;
  let detail = typeof problem.detail === 'string' ? problem.detail.trim() : '';
  if (detail.startsWith(catalogueMessage)) detail = detail.slice(catalogueMessage.length).trim();
  if (detail === problem.title) detail = '';
  return new DaxError(problem.code, {
    ...(detail === '' ? {} : { detail }),
    ...(typeof problem.retryable === 'boolean' ? { retryable: problem.retryable } : {}),
  });
}
