import { DaxError } from '@dax/protocol';
import { describe, expect, it } from 'vitest';
import { toChatError } from './chat-error.js';
import { ChatRequestError } from './chat-request-error.js';

describe('toChatError', () => {
  it('keeps a catalogue error with its status, retryable flag and an OpenAI type', () => {
    expect(toChatError(new DaxError('DAX_E_AUTH_KEY_REVOKED'))).toMatchObject({
      status: 401,
      retryable: false,
      body: { error: { type: 'authentication_error', code: 'DAX_E_AUTH_KEY_REVOKED', param: null } },
    });
    expect(toChatError(new DaxError('DAX_E_BUDGET_EXHAUSTED')).body.error.type).toBe('insufficient_quota');
    expect(toChatError(new DaxError('DAX_E_FORBIDDEN')).body.error.type).toBe('permission_error');
  });

  it('carries Retry-After seconds from a limit error', () => {
    const limited = Object.assign(new DaxError('DAX_E_RATE_LIMITED'), { retryAfterSeconds: 1.2 });
    expect(toChatError(limited)).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 2, body: { error: { type: 'rate_limit_error' } } });
  });

  it('uses the OpenAI code and param of a refused request', () => {
    const error = new ChatRequestError('DAX_E_NOT_FOUND', 'model', 'Use "dax".', 'model_not_found');
    expect(toChatError(error)).toMatchObject({ status: 404, code: 'DAX_E_NOT_FOUND', body: { error: { code: 'model_not_found', param: 'model', type: 'invalid_request_error' } } });
  });

  it('maps framework errors without copying their text', () => {
    const validation = Object.assign(new Error('body/messages/0/role must be …'), {
      statusCode: 400,
      validation: [{ instancePath: '/messages/0/role', message: 'Invalid option' }],
    });
    expect(toChatError(validation)).toMatchObject({ status: 400, body: { error: { code: 'DAX_E_INPUT_INVALID', param: 'messages[0].role' } } });
    expect(toChatError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).code).toBe('DAX_E_INPUT_TOO_LARGE');
    expect(toChatError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 })).code).toBe('DAX_E_UNSUPPORTED_MEDIA_TYPE');
    const unexpected = toChatError(new Error('connection string postgres://user:hunter2@db'));
    expect(unexpected).toMatchObject({ status: 500, code: 'DAX_E_INTERNAL' });
    expect(JSON.stringify(unexpected)).not.toContain('hunter2');
  });
});
