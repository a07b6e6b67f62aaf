import type { DaxError } from '@dax/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { layerRequest } from './__fixtures__/layer-request.js';
import { sendJson, startUpstream, type Upstream, type UpstreamHandler } from './__fixtures__/start-upstream.js';
import { createOpenAiCompatibleProvider } from './create-openai-compatible-provider.js';
import { ProviderError } from './provider-error.js';

const apiKey = 'xai-test-KEY-0001';
const fakeSecret = 'sk-live-SECRET123';
const promptSecret = 'PROMPT-CONTENT-42';

let upstream: Upstream | undefined;

afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

async function providerAgainst(handler: UpstreamHandler) {
  upstream = await startUpstream(handler);
  return createOpenAiCompatibleProvider({ id: 'xai', baseUrl: `${upstream.url}/v1/`, apiKey });
}

function completion(content: string, usage?: object) {
  return { id: 'chatcmpl-1', model: 'grok-4-0709', choices: [{ index: 0, message: { role: 'assistant', content } }], ...(usage ? { usage } : {}) };
}

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(ProviderError.isInstance(error)).toBe(true);
  return error as ProviderError;
}

function expectNothingLeaked(error: DaxError): void {
  const visible = `${error.message}\n${JSON.stringify(error)}\n${String(error.detail)}\n${error.stack ?? ''}`;
  expect(visible).not.toContain(fakeSecret);
  expect(visible).not.toContain(apiKey);
  expect(visible).not.toContain(promptSecret);
  expect(error.cause).toBeUndefined();
}

describe('createOpenAiCompatibleProvider', () => {
  it('posts a chat completion and returns the text, the answering model and the usage', async () => {
    const provider = await providerAgainst((_request, response) =>
      sendJson(response, 200, completion('Step one.', { prompt_tokens: 21, completion_tokens: 3, total_tokens: 24 })),
    );
    const result = await provider.call(layerRequest({ model: 'grok-4', temperature: 0.2, maxTokens: 300 }));

    expect(result).toEqual({ text: 'Step one.', model: 'grok-4-0709', usage: { inputTokens: 21, outputTokens: 3, estimated: false } });
    const sent = upstream!.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(JSON.parse(sent.body)).toEqual({
      model: 'grok-4',
      messages: [{ role: 'user', content: layerRequest().prompt }],
      temperature: 0.2,
      max_tokens: 300,
    });
  });

  it('asks for a JSON object only when the layer wants JSON', async () => {
    const provider = await providerAgainst((_request, response) => sendJson(response, 200, completion('{"output":"x","reason":"y"}')));
    await provider.call(layerRequest({ json: true }));
    await provider.call(layerRequest({ json: false }));

    expect(JSON.parse(upstream!.requests[0]!.body).response_format).toEqual({ type: 'json_object' });
    expect(JSON.parse(upstream!.requests[1]!.body)).not.toHaveProperty('response_format');
  });

  it('estimates usage when the server reports none', async () => {
    const provider = await providerAgainst((_request, response) => sendJson(response, 200, completion('12345678')));
    const result = await provider.call(layerRequest());
    expect(result.usage).toEqual({ inputTokens: Math.ceil(layerRequest().prompt.length / 4), outputTokens: 2, estimated: true });
    expect(result.model).toBe('grok-4-0709');
  });

  it('defaults to xAI and grok-4', () => {
    const provider = createOpenAiCompatibleProvider({ id: 'xai', apiKey });
    expect(provider.defaultModel).toBe('grok-4');
    expect(provider.kind).toBe('openai-compatible');
  });

  it.each([
    [500, 'DAX_E_PROVIDER_UNAVAILABLE', true],
    [503, 'DAX_E_PROVIDER_UNAVAILABLE', true],
    [408, 'DAX_E_PROVIDER_TIMEOUT', true],
    [429, 'DAX_E_PROVIDER_RATE_LIMITED', true],
    [401, 'DAX_E_PROVIDER_AUTH', false],
    [403, 'DAX_E_PROVIDER_AUTH', false],
    [400, 'DAX_E_PROVIDER_REJECTED', false],
    [404, 'DAX_E_PROVIDER_REJECTED', false],
    [422, 'DAX_E_PROVIDER_REJECTED', false],
  ])('maps HTTP %i to %s (retryable %s) without leaking the body', async (status, code, retryable) => {
    const provider = await providerAgainst((_request, response) =>
      sendJson(response, status, { error: { message: `bad key ${fakeSecret}`, echoed: promptSecret } }),
    );
    const error = await failureOf(provider.call(layerRequest({ prompt: `Pay with ${promptSecret}` })));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain(`HTTP ${status}`);
    expectNothingLeaked(error);
  });

  it('reads Retry-After in seconds', async () => {
    const provider = await providerAgainst((_request, response) => sendJson(response, 429, { error: 'slow down' }, { 'retry-after': '7' }));
    const error = await failureOf(provider.call(layerRequest()));
    expect(error.code).toBe('DAX_E_PROVIDER_RATE_LIMITED');
    expect(error.retryAfterMs).toBe(7000);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const later = new Date(Date.now() + 60_000).toUTCString();
    const provider = await providerAgainst((_request, response) => sendJson(response, 503, {}, { 'retry-after': later }));
    const error = await failureOf(provider.call(layerRequest()));
    expect(error.code).toBe('DAX_E_PROVIDER_UNAVAILABLE');
    expect(error.retryAfterMs).toBeGreaterThan(30_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('refuses a body that is not JSON, without quoting it', async () => {
    const provider = await providerAgainst((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"choices": [ ${fakeSecret}`);
    });
    const error = await failureOf(provider.call(layerRequest()));
    expect(error.code).toBe('DAX_E_PROVIDER_MALFORMED');
    expect(error.retryable).toBe(true);
    expectNothingLeaked(error);
  });

  it('refuses JSON of the wrong shape (no message content)', async () => {
    const provider = await providerAgainst((_request, response) =>
      sendJson(response, 200, { choices: [{ message: { content: null, refusal: fakeSecret } }] }),
    );
    const error = await failureOf(provider.call(layerRequest()));
    expect(error.code).toBe('DAX_E_PROVIDER_MALFORMED');
    expectNothingLeaked(error);
  });

  it('answers a slow server within the deadline', async () => {
    const provider = await providerAgainst((_request, response) => {
      setTimeout(() => sendJson(response, 200, completion('late but fine')), 30);
    });
    const result = await provider.call(layerRequest({ signal: AbortSignal.timeout(5_000) }));
    expect(result.text).toBe('late but fine');
  });

  it('gives up on a server that does not answer before the signal times out', async () => {
    const provider = await providerAgainst(() => {
      // Never answers; the test's signal ends the call.
    });
    const error = await failureOf(provider.call(layerRequest({ signal: AbortSignal.timeout(50) })));
    expect(error.code).toBe('DAX_E_PROVIDER_TIMEOUT');
    expect(error.retryable).toBe(true);
  });

  it('reports a cancelled run when the caller aborts', async () => {
    const provider = await providerAgainst(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const pending = provider.call(layerRequest({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const error = await pending.then(
      () => undefined,
      (reason: unknown) => reason as DaxError,
    );
    expect(error?.code).toBe('DAX_E_RUN_ABORTED');
  });

  it('maps a reset connection to a retryable network error', async () => {
    const provider = await providerAgainst((request) => request.socket.destroy());
    const error = await failureOf(provider.call(layerRequest()));
    expect(error.code).toBe('DAX_E_PROVIDER_NETWORK');
    expect(error.retryable).toBe(true);
    expectNothingLeaked(error);
  });

  it('maps a refused connection to a network error', async () => {
    const closed = await startUpstream(() => undefined);
    const url = closed.url;
    await closed.close();
    const provider = createOpenAiCompatibleProvider({ id: 'local', baseUrl: url, apiKey });
    const error = await failureOf(provider.call(layerRequest()));
    expect(error.code).toBe('DAX_E_PROVIDER_NETWORK');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('fails with DAX_E_PROVIDER_KEY_MISSING before sending anything when no key is set', async () => {
    upstream = await startUpstream((_request, response) => sendJson(response, 200, completion('x')));
    for (const missing of [undefined, '', '   ']) {
      const provider = createOpenAiCompatibleProvider({ id: 'xai', baseUrl: upstream.url, apiKey: missing });
      const error = await provider.call(layerRequest()).catch((reason: unknown) => reason as DaxError);
      expect(error).toMatchObject({ code: 'DAX_E_PROVIDER_KEY_MISSING', retryable: false });
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('calls a keyless local server when the key is declared optional', async () => {
    upstream = await startUpstream((_request, response) => sendJson(response, 200, completion('local answer')));
    const provider = createOpenAiCompatibleProvider({
      id: 'ollama',
      baseUrl: upstream.url,
      model: 'llama3',
      apiKey: undefined,
      requireApiKey: false,
      headers: { 'x-tenant': 'blue' },
    });
    const result = await provider.call(layerRequest({ model: 'llama3' }));
    expect(result.text).toBe('local answer');
    expect(upstream.requests[0]!.headers.authorization).toBeUndefined();
    expect(upstream.requests[0]!.headers['x-tenant']).toBe('blue');
  });

  it('never puts a malformed key into an error message', async () => {
    upstream = await startUpstream((_request, response) => sendJson(response, 200, completion('x')));
    const badKey = `${fakeSecret}\nInjected: header`;
    const provider = createOpenAiCompatibleProvider({ id: 'xai', baseUrl: upstream.url, apiKey: badKey });
    const error = await failureOf(provider.call(layerRequest()));
    expect(error.code).toBe('DAX_E_PROVIDER_NETWORK');
    expectNothingLeaked(error);
  });
});
