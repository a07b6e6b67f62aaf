import { DaxError, type ErrorCode } from '@dax/protocol';

interface FrameworkError {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly validation?: unknown;
  readonly validationContext?: unknown;
}

interface ValidationIssue {
  readonly instancePath?: unknown;
  readonly keyword?: unknown;
  readonly message?: unknown;
}

const fastifyCodes: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'DAX_E_INPUT_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'DAX_E_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'DAX_E_INPUT_INVALID',
  FST_ERR_CTP_INVALID_JSON_BODY: 'DAX_E_INPUT_INVALID',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'DAX_E_INPUT_INVALID',
  FST_ERR_NOT_FOUND: 'DAX_E_NOT_FOUND',
  FST_ERR_RATE_LIMIT_EXCEEDED: 'DAX_E_RATE_LIMITED',
};

const statusCodes: Readonly<Record<number, ErrorCode>> = {
  401: 'DAX_E_AUTH_MISSING',
  403: 'DAX_E_FORBIDDEN',
  404: 'DAX_E_NOT_FOUND',
  405: 'DAX_E_METHOD_NOT_ALLOWED',
  413: 'DAX_E_INPUT_TOO_LARGE',
  415: 'DAX_E_UNSUPPORTED_MEDIA_TYPE',
  429: 'DAX_E_RATE_LIMITED',
  503: 'DAX_E_NOT_READY',
};

/** Zod's messages name expectations, not received values; anything else is replaced by the rule name. */
function describeIssue(issue: ValidationIssue, context: string): string {
  const path = typeof issue.instancePath === 'string' ? issue.instancePath.replace(/^\//, '').replaceAll('/', '.') : '';
  const where = path === '' ? context : `${context}.${path}`;
  const keyword = typeof issue.keyword === 'string' ? issue.keyword : 'invalid';
  const message = keyword === 'unrecognized_keys' ? 'unknown field' : typeof issue.message === 'string' ? issue.message : keyword;
  return `${where}: ${message.slice(0, 160)}`;
}

/**
 * Maps what Fastify or a plugin throws to a catalogue error. Only the framework's
 * code, status and validation paths are read; a message is never copied, so
 * nothing from a body or an upstream reaches the caller.
 */
export function fastifyErrorToDaxError(error: unknown, bodyLimitBytes: number): DaxError {
  if (DaxError.isInstance(error)) return error;
  const framework = (typeof error === 'object' && error !== null ? error : {}) as FrameworkError;
  if (Array.isArray(framework.validation) && framework.validation.length > 0) {
    const context = typeof framework.validationContext === 'string' ? framework.validationContext : 'request';
    const detail = (framework.validation as ValidationIssue[]).slice(0, 5).map((issue) => describeIssue(issue, context)).join('; ');
    return new DaxError('DAX_E_INPUT_INVALID', { detail: `${detail}.`, cause: error });
  }
  const byCode = typeof framework.code === 'string' ? fastifyCodes[framework.code] : undefined;
  if (byCode === 'DAX_E_INPUT_TOO_LARGE') {
    return new DaxError(byCode, { detail: `The request body is larger than ${bodyLimitBytes} bytes.`, cause: error });
  }
  if (byCode !== undefined) return new DaxError(byCode, { cause: error });
  if (error instanceof SyntaxError) return new DaxError('DAX_E_INPUT_INVALID', { detail: 'The body is not valid JSON.', cause: error });
  const status = typeof framework.statusCode === 'number' ? framework.statusCode : 500;
  const byStatus = statusCodes[status];
  if (byStatus !== undefined) return new DaxError(byStatus, { cause: error });
  if (status >= 400 && status < 500) return new DaxError('DAX_E_INPUT_INVALID', { cause: error });
  return new DaxError('DAX_E_INTERNAL', { cause: error });
}
