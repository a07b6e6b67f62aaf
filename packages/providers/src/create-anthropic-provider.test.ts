import type { DaxError } from '@dax/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { layerRequest } from './__fixtures__/layer-request.js';
import { sendJson, startUpstream, type Upstream, type UpstreamHandler } from './__fixtures__/start-upstream.js';
import { createAnthropicProvider } from './create-anthropic-provider.js';
import { ProviderError } from './provider-error.js';

const apiKey = 'anthropic-test-KEY-0002';
const fakeSecret = 'sk-live-SECRET123';

let upstream: Upstream | undefined;

afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

async function providerAgainst(handler: UpstreamHandler) {
  upstream = await startUpstream(handler);
  return createAnthropicProvider({ id: 'anthropic', baseUrl: `${upstream.url}/v1`, model: 'claude-test', apiKey });
}

function message(content: object[], usage?: object) {
  return { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-test-20250101', content, stop_reason: 'end_turn', ...(usage ? { usage } : {}) };
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
  const visible = `${error.message}\n${JSON.stringify(error)}\n${error.stack ?? ''}`;
  expect(visible).not.toContain(fakeSecret);
  expect(visible).not.toContain(apiKey);
}

describe('createAnthropicProvider', () => {
  it('posts to the Messages API and joins the text blocks', async () => {
    const provider = await providerAgainst((_request, response) =>
      sendJson(
        response,
        200,
        message(
          [
            { type: 'text', text: 'First half, ' },
            { type: 'tool_use', id: 'tool_1', name: 'lookup', input: {} },
            { type: 'text', text: 'second half.' },
          ],
          { input_tokens: 40, output_tokens: 6 },
        ),
      ),
    );
    const result = await provider.call(layerRequest({ model: 'claude-test', temperature: 1.5 }));

    expect(result).toEqual({
      text: 'First half, second half.',
      model: 'claude-test-20250101',
      usage: { inputTokens: 40, outputTokens: 6, estimated: false },
    });
    const sent = upstream!.requests[0]!;
    expect(sent.path).toBe('/v1/messages');
    expect(sent.headers['x-api-key']).toBe(apiKey);
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.headers.authorization).toBeUndefined();
    expect(JSON.parse(sent.body)).toEqual({
      model: 'claude-test',
      max_tokens: 1024,
      messages: [{ role: 'user', content: layerRequest().prompt }],
      temperature: 1,
    });
  });

  it('passes the layer max tokens and estimates missing usage', async () => {
    const provider = await providerAgainst((_request, response) => sendJson(response, 200, message([{ type: 'text', text: 'abcd' }])));
    const result = await provider.call(layerRequest({ maxTokens: 64 }));
    expect(JSON.parse(upstream!.requests[0]!.body).max_tokens).toBe(64);
    expect(JSON.parse(upstream!.requests[0]!.body)).not.toHaveProperty('temperature');
    expect(result.usage).toEqual({ inputTokens: Math.ceil(layerRequest().prompt.length / 4), outputTokens: 1, estimated: true });
  });

  it.each([
    [529, 'DAX_E_PROVIDER_UNAVAILABLE', true],
    [500, 'DAX_E_PROVIDER_UNAVAILABLE', true],
    [401, 'DAX_E_PROVIDER_AUTH', false],
    [400, 'DAX_E_PROVIDER_REJECTED', false],
  ])('maps HTTP %i to %s', async (status, code, retryable) => {
    const provider = await providerAgainst((_request, response) =>
      sendJson(response, status, { type: 'error', error: { type: 'api_error', message: `leaked ${fakeSecret}` } }),
    );
    const error = await failureOf(provider.call(layerRequest()));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expectNothingLeaked(error);
  });

  it('carries Retry-After of a 429', async () => {
    const provider = await providerAgainst((_request, response) => sendJson(response, 429, {}, { 'retry-after': '2' }));
    const error = await failureOf(provider.call(layerRequest()));
    expect(error.code).toBe('DAX_E_PROVIDER_RATE_LIMITED');
    expect(error.retryAfterMs).toBe(2000);
  });

  it('refuses a broken body and an answer without text blocks', async () => {
    let broken = true;
    const provider = await providerAgainst((_request, response) => {
      if (broken) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`not json ${fakeSecret}`);
      } else {
        sendJson(response, 200, message([{ type: 'tool_use', id: 'tool_1', name: 'lookup', input: {} }]));
      }
    });
    const first = await failureOf(provider.call(layerRequest()));
    broken = false;
    const second = await failureOf(provider.call(layerRequest()));
    expect(first.code).toBe('DAX_E_PROVIDER_MALFORMED');
    expect(second.code).toBe('DAX_E_PROVIDER_MALFORMED');
    expectNothingLeaked(first);
  });

  it('times out a silent server and maps a reset connection', async () => {
    let silent = true;
    const provider = await providerAgainst((request) => {
      if (!silent) request.socket.destroy();
    });
    const timedOut = await failureOf(provider.call(layerRequest({ signal: AbortSignal.timeout(50) })));
    silent = false;
    const reset = await failureOf(provider.call(layerRequest()));
    expect(timedOut.code).toBe('DAX_E_PROVIDER_TIMEOUT');
    expect(reset.code).toBe('DAX_E_PROVIDER_NETWORK');
  });

  it('fails before sending anything when no key is set', async () => {
    upstream = await startUpstream((_request, response) => sendJson(response, 200, message([{ type: 'text', text: 'x' }])));
    const provider = createAnthropicProvider({ id: 'anthropic', baseUrl: upstream.url, model: 'claude-test', apiKey: undefined });
    const error = await provider.call(layerRequest()).catch((reason: unknown) => reason as DaxError);
    expect(error).toMatchObject({ code: 'DAX_E_PROVIDER_KEY_MISSING' });
    expect(upstream.requests).toHaveLength(0);
  });
});
