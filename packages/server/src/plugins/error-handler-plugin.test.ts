import { DaxError } from '@dax/protocol';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';
import { withRetryAfter } from '../problem-details.js';
import { errorHandlerPlugin } from './error-handler-plugin.js';

const problemType = 'application/problem+json; charset=utf-8';

describe('problem+json errors', () => {
  let gateway: TestGateway;
  let auth: { authorization: string };

  beforeAll(async () => {
    gateway = await startTestGateway({ config: { bodyLimitBytes: 2_048 } });
    auth = { authorization: `Bearer ${await gateway.keyFor('acme')}` };
  });
  afterAll(() => gateway.close());

  it('answers an unknown route with 404 DAX_E_NOT_FOUND in RFC 9457 shape', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/v1/nowhere?x=1', headers: auth });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe(problemType);
    expect(response.json()).toEqual({
      type: 'urn:dax:error:DAX_E_NOT_FOUND',
      title: 'No such resource.',
      status: 404,
      detail: 'No such resource.',
      instance: '/v1/nowhere',
      code: 'DAX_E_NOT_FOUND',
      retryable: false,
      requestId: response.headers['x-request-id'],
    });
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const response = await gateway.app.inject({ method: 'DELETE', url: '/v1/runs/run_1', headers: auth });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.json()).toMatchObject({ code: 'DAX_E_METHOD_NOT_ALLOWED', status: 405 });
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { ...auth, 'content-type': 'text/plain' },
      payload: 'Summarise the report',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'DAX_E_UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers an oversized body with 413 DAX_E_INPUT_TOO_LARGE', async () => {
    const response = await gateway.app.inject({ method: 'POST', url: '/v1/runs', headers: auth, payload: { input: 'x'.repeat(4_000) } });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toBe(problemType);
    expect(response.json()).toMatchObject({ code: 'DAX_E_INPUT_TOO_LARGE', detail: 'The request body is larger than 2048 bytes.' });
  });

  it('answers malformed JSON and schema violations with 400 DAX_E_INPUT_INVALID naming the field', async () => {
    const malformed = await gateway.app.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"input": "secret-value-123"',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'DAX_E_INPUT_INVALID' });
    expect(malformed.body).not.toContain('secret-value-123');

    const invalid = await gateway.app.inject({ method: 'POST', url: '/v1/runs', headers: auth, payload: { input: 42, colour: 'red' } });
    expect(invalid.statusCode).toBe(400);
    const problem = invalid.json<{ code: string; detail: string }>();
    expect(problem.code).toBe('DAX_E_INPUT_INVALID');
    expect(problem.detail).toContain('body.input');
    expect(problem.detail).toContain('unknown field');
  });

  it('keeps a plain caller request id and replaces one that is not', async () => {
    const kept = await gateway.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-42.a' } });
    expect(kept.headers['x-request-id']).toBe('trace-42.a');
    const replaced = await gateway.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(gateway.logs()).toContain('"requestId":"trace-42.a"');
  });
});

describe('errorHandlerPlugin', () => {
  it('sets Retry-After from an error carrying retryAfterSeconds and hides unknown errors', async () => {
    const app = Fastify();
    await app.register(errorHandlerPlugin, { bodyLimitBytes: 1_024 });
    app.get('/limited', () => {
      throw withRetryAfter(new DaxError('DAX_E_RATE_LIMITED'), 2.2);
    });
    app.get('/broken', () => {
      throw new Error('upstream said: password=hunter2');
    });
    const limited = await app.inject({ method: 'GET', url: '/limited' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');
    expect(limited.json()).toMatchObject({ code: 'DAX_E_RATE_LIMITED', retryable: true });
    const broken = await app.inject({ method: 'GET', url: '/broken' });
    expect(broken.statusCode).toBe(500);
    expect(broken.json()).toMatchObject({ code: 'DAX_E_INTERNAL', detail: 'An internal error occurred.' });
    expect(broken.body).not.toContain('hunter2');
    await app.close();
  });
});
