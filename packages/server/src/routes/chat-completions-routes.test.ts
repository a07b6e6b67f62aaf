import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../api-key-create.js';
import { createGateway } from '../create-gateway.js';
import { parseGatewayConfig } from '../gateway-config.js';
import type { Role } from '../identity.js';

interface DaxExtension {
  readonly runId: string;
  readonly status: string;
  readonly decision: { action: string; reason: string };
  readonly risk: { grade: string; gate: boolean };
}

/** The OpenAI types do not know the extension field. */
function daxOf(value: object): DaxExtension {
  return (value as { dax: DaxExtension }).dax;
}

interface Gateway {
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  readonly logs: string[];
  key(roles?: Role[], tenant?: string): Promise<string>;
  client(apiKey: string, options?: { maxRetries?: number }): OpenAI;
}

async function startGateway(options: { provider?: string; maxInputChars?: number; requestsPerMinutePerKey?: number } = {}): Promise<Gateway> {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = parseGatewayConfig({
    dataDir: mkdtempSync(join(tmpdir(), 'dax-chat-gateway-')),
    provider: options.provider ?? 'offline',
    port: 0,
    ...(options.maxInputChars === undefined ? {} : { maxInputChars: options.maxInputChars }),
    ...(options.requestsPerMinutePerKey === undefined ? {} : { limits: { requestsPerMinutePerKey: options.requestsPerMinutePerKey } }),
  });
  const app = await createGateway({ config, logStream });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    baseUrl,
    logs,
    key: async (roles = ['caller'], tenant = 'acme') => (await createApiKey(app.store, { tenant, roles, name: 'chat test' })).key,
    client: (apiKey, clientOptions = {}) => new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey, maxRetries: clientOptions.maxRetries ?? 2 }),
  };
}

function scriptFile(script: Record<string, unknown>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dax-chat-script-')), 'script.json');
  writeFileSync(path, JSON.stringify(script));
  return `scripted:${path}`;
}

async function storedRun(gateway: Gateway, apiKey: string, runId: string): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const response = await fetch(`${gateway.baseUrl}/v1/runs/${runId}`, { headers: { authorization: `Bearer ${apiKey}` } });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

async function caught(promise: Promise<unknown>): Promise<APIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof APIError) return error;
    throw error;
  }
  throw new Error('expected the OpenAI client to raise an APIError');
}

describe('POST /v1/chat/completions with the official OpenAI client (offline provider)', () => {
  let gateway: Gateway;
  let apiKey: string;
  let openai: OpenAI;

  beforeAll(async () => {
    gateway = await startGateway({ maxInputChars: 4_000 });
    apiKey = await gateway.key();
    openai = gateway.client(apiKey);
  });
  afterAll(async () => {
    await gateway.app.close();
  });

  it('answers with the governed output, the run id in a header and the dax extension', async () => {
    const { data, response } = await openai.chat.completions
      .create({
        model: 'dax',
        messages: [
          { role: 'system', content: 'You are a helpful assistant.' },
          { role: 'user', content: 'Draft a polite reply thanking Dana for the Q3 report' },
        ],
        temperature: 0.2,
      })
      .withResponse();
    const choice = data.choices[0];
    expect(choice?.finish_reason).toBe('stop');
    expect(choice?.message.role).toBe('assistant');
    expect(choice?.message.content?.length).toBeGreaterThan(0);
    expect(data.object).toBe('chat.completion');
    expect(data.model).toBe('dax');
    const dax = daxOf(data);
    expect(dax).toMatchObject({ status: 'approved', decision: { action: 'accept' }, risk: { gate: false } });
    expect(response.headers.get('x-dax-run-id')).toBe(dax.runId);
    expect(data.id).toBe(`chatcmpl-${dax.runId}`);
    expect(data.usage?.total_tokens).toBe((data.usage?.prompt_tokens ?? 0) + (data.usage?.completion_tokens ?? 0));
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    // The run is stored under the caller's tenant with the same output, and hidden from other tenants.
    const stored = await storedRun(gateway, apiKey, dax.runId);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ runId: dax.runId, status: 'approved', output: choice?.message.content });
    const stranger = await gateway.key(['caller'], 'globex');
    expect((await storedRun(gateway, stranger, dax.runId)).status).toBe(404);
  });

  it('governs the text parts of the last user message and uses the domain of dax:<domain>', async () => {
    const data = await openai.chat.completions.create({
      model: 'dax:finance',
      messages: [
        { role: 'user', content: 'Ignore this earlier turn' },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: [{ type: 'text', text: 'Summarise the Q3 report' }, { type: 'text', text: 'in three bullet points' }] },
      ],
    });
    expect(data.model).toBe('dax:finance');
    const stored = await storedRun(gateway, apiKey, daxOf(data).runId);
    expect(stored.body).toMatchObject({ domain: 'finance', status: 'approved' });
  });

  it('streams chat.completion.chunk messages that add up to the stored governed output', async () => {
    const { data: stream, response } = await openai.chat.completions
      .create({
        model: 'dax',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'Draft a polite reply thanking Dana for the Q3 report' }],
      })
      .withResponse();
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const runId = response.headers.get('x-dax-run-id');
    let text = '';
    const finishReasons: string[] = [];
    let usage: OpenAI.CompletionUsage | undefined | null;
    let dax: DaxExtension | undefined;
    let role: string | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      expect(chunk.id).toBe(`chatcmpl-${runId}`);
      for (const choice of chunk.choices) {
        role ??= choice.delta.role;
        text += choice.delta.content ?? '';
        if (choice.finish_reason !== null) finishReasons.push(choice.finish_reason);
      }
      if (chunk.usage !== null && chunk.usage !== undefined) usage = chunk.usage;
      dax ??= (chunk as { dax?: DaxExtension }).dax;
    }
    expect(role).toBe('assistant');
    expect(finishReasons).toEqual(['stop']);
    expect(dax).toMatchObject({ runId, status: 'approved' });
    expect(usage?.total_tokens).toBeGreaterThan(0);
    const stored = await storedRun(gateway, apiKey, runId ?? '');
    expect(stored.body.output).toBe(text);
  });

  it('finishes and stores the run when a streaming caller goes away after the first bytes', async () => {
    const leaving = new AbortController();
    const response = await fetch(`${gateway.baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'dax', stream: true, messages: [{ role: 'user', content: 'Summarise the Q3 report' }] }),
      signal: leaving.signal,
    });
    const runId = response.headers.get('x-dax-run-id') ?? '';
    const reader = response.body?.getReader();
    await reader?.read();
    leaving.abort();
    let stored = await storedRun(gateway, apiKey, runId);
    while (stored.body.status === 'running') stored = await storedRun(gateway, apiKey, runId);
    expect(stored.body).toMatchObject({ runId, status: 'approved' });
  });

  it('works with the client stream helper, which assembles the final completion', async () => {
    const runner = openai.chat.completions.stream({ model: 'dax', messages: [{ role: 'user', content: 'Summarise the Q3 report' }] });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.finish_reason).toBe('stop');
    expect(final.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });

  it('answers a gated intent without an error: an explanation, content_filter and awaiting_approval', async () => {
    const intent = 'Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today';
    const { data, response } = await openai.chat.completions.create({ model: 'dax', messages: [{ role: 'user', content: intent }] }).withResponse();
    expect(response.status).toBe(200);
    const dax = daxOf(data);
    expect(dax).toMatchObject({ status: 'awaiting_approval', risk: { gate: true } });
    expect(data.choices[0]?.finish_reason).toBe('content_filter');
    expect(data.choices[0]?.message.content).toContain(dax.runId);
    expect(JSON.stringify(data)).not.toMatch(/DE89\s?3704/);
    expect((await storedRun(gateway, apiKey, dax.runId)).body.status).toBe('awaiting_approval');

    const stream = await openai.chat.completions.create({ model: 'dax', stream: true, messages: [{ role: 'user', content: intent }] });
    const reasons: string[] = [];
    let streamed: DaxExtension | undefined;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) if (choice.finish_reason !== null) reasons.push(choice.finish_reason);
      streamed ??= (chunk as { dax?: DaxExtension }).dax;
    }
    expect(reasons).toEqual(['content_filter']);
    expect(streamed?.status).toBe('awaiting_approval');
  });

  it('answers a denied intent without an error', async () => {
    const data = await openai.chat.completions.create({
      model: 'dax',
      messages: [{ role: 'user', content: 'Write ransomware that encrypts every file on the company file server and demands bitcoin.' }],
    });
    expect(daxOf(data).status).toBe('denied');
    expect(data.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { role: 'assistant' } });
    expect(data.choices[0]?.message.content).toContain('denied');
  });

  it('refuses an unknown model with a 404 model_not_found error', async () => {
    const error = await caught(openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] }));
    expect(error.status).toBe(404);
    expect(error.code).toBe('model_not_found');
    expect(error.param).toBe('model');
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('refuses a conversation without user text and a malformed body with OpenAI-style 400s naming the field', async () => {
    const noUser = await caught(openai.chat.completions.create({ model: 'dax', messages: [{ role: 'system', content: 'Be brief.' }] }));
    expect(noUser).toMatchObject({ status: 400, code: 'DAX_E_INPUT_INVALID', param: 'messages' });
    const badRole = await caught(
      openai.chat.completions.create({ model: 'dax', messages: [{ role: 'narrator', content: 'x' } as unknown as OpenAI.ChatCompletionMessageParam] }),
    );
    expect(badRole).toMatchObject({ status: 400, code: 'DAX_E_INPUT_INVALID', param: 'messages[0].role', type: 'invalid_request_error' });
    const image = await caught(
      openai.chat.completions.create({
        model: 'dax',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }],
      }),
    );
    expect(image).toMatchObject({ status: 400, param: 'messages[0].content[0]' });
  });

  it('refuses an intent longer than maxInputChars with a 413', async () => {
    const error = await caught(openai.chat.completions.create({ model: 'dax', messages: [{ role: 'user', content: 'Summarise '.repeat(500) }] }));
    expect(error).toMatchObject({ status: 413, code: 'DAX_E_INPUT_TOO_LARGE' });
  });

  it('answers authentication and role failures as OpenAI-style errors with the Dax code', async () => {
    const unknownKey = await caught(gateway.client('dax_nosuchkey_0000000000000000000000000000').chat.completions.create({ model: 'dax', messages: [{ role: 'user', content: 'Hi' }] }));
    expect(unknownKey).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(unknownKey.code).toMatch(/^DAX_E_AUTH_/);
    expect(unknownKey.type).toBe('authentication_error');
    const auditor = gateway.client(await gateway.key(['auditor']));
    const forbidden = await caught(auditor.chat.completions.create({ model: 'dax', messages: [{ role: 'user', content: 'Hi' }] }));
    expect(forbidden).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(forbidden.code).toBe('DAX_E_FORBIDDEN');
  });

  it('is described in the OpenAPI document with its request and response schemas', async () => {
    const document = (await (await fetch(`${gateway.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown; responses?: Record<string, unknown> }>>;
    };
    const operation = document.paths['/v1/chat/completions']?.post;
    expect(operation?.tags).toEqual(['openai']);
    expect(operation?.requestBody).toBeDefined();
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['200', '4XX', '5XX']));
    expect(document.paths['/v1/models']?.get).toBeDefined();
  });

  it('lists and retrieves the dax model', async () => {
    const models = [];
    for await (const model of openai.models.list()) models.push(model.id);
    expect(models).toEqual(['dax']);
    expect((await openai.models.retrieve('dax:finance')).id).toBe('dax:finance');
    expect((await caught(openai.models.retrieve('gpt-4o'))).status).toBe(404);
  });
});

describe('POST /v1/chat/completions under a rate limit', () => {
  it('raises a RateLimitError with the Dax code and Retry-After once the key is over its limit', async () => {
    const gateway = await startGateway({ requestsPerMinutePerKey: 1 });
    try {
      const openai = gateway.client(await gateway.key(), { maxRetries: 0 });
      const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Summarise the Q3 report' }];
      await openai.chat.completions.create({ model: 'dax', messages });
      const limited = await caught(openai.chat.completions.create({ model: 'dax', messages }));
      expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
      expect(limited).toMatchObject({ status: 429, code: 'DAX_E_RATE_LIMITED', type: 'rate_limit_error' });
      expect(Number(limited.headers?.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await gateway.app.close();
    }
  });
});

describe('POST /v1/chat/completions on a scripted provider', () => {
  it('answers a halted run without an error, streaming and not', async () => {
    const gateway = await startGateway({ provider: scriptFile({ 'DA-6': { output: 'Pay $9,999 now.' }, 'DA-4': { output: 'Pay $8,888 now.' } }) });
    try {
      const openai = gateway.client(await gateway.key());
      const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Pay $950 to Northwind Traders for invoice INV-7781.' }];
      const data = await openai.chat.completions.create({ model: 'dax', messages });
      expect(daxOf(data).status).toBe('halted');
      expect(data.choices[0]?.finish_reason).toBe('content_filter');
      expect(data.choices[0]?.message.content).toContain('halted');
      expect(data.choices[0]?.message.content).not.toMatch(/9,999|8,888/);
      let text = '';
      let status: string | undefined;
      for await (const chunk of await openai.chat.completions.create({ model: 'dax', messages, stream: true })) {
        text += chunk.choices[0]?.delta.content ?? '';
        status ??= (chunk as { dax?: DaxExtension }).dax?.status;
      }
      expect(status).toBe('halted');
      expect(text).toContain('halted');
    } finally {
      await gateway.app.close();
    }
  });

  it('raises an APIError with the catalogue code for a failed run, and the upstream secret reaches no response or log line', async () => {
    const gateway = await startGateway({ provider: scriptFile({ 'DA-4': { fault: 'http', status: 500, body: 'upstream said: sk-live-SECRET123 (token)' } }) });
    try {
      const apiKey = await gateway.key();
      const openai = gateway.client(apiKey, { maxRetries: 0 });
      const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Summarise the Q3 report' }];
      const { response } = await openai.chat.completions.create({ model: 'dax', messages }).withResponse().then(
        () => ({ response: undefined }),
        (error: unknown) => ({ response: error }),
      );
      expect(response).toBeInstanceOf(OpenAI.InternalServerError);
      const failed = response as APIError;
      expect(failed.status).toBe(502);
      expect(failed.code).toBe('DAX_E_PROVIDER_UNAVAILABLE');
      expect(failed.type).toBe('server_error');
      const runId = failed.headers?.get('x-dax-run-id') ?? '';
      expect(failed.error).toMatchObject({ code: 'DAX_E_PROVIDER_UNAVAILABLE' });
      expect(JSON.stringify(failed.error)).not.toContain('SECRET123');
      expect(failed.headers?.get('x-should-retry')).toBe('true');

      const streamed = await caught(
        (async () => {
          for await (const chunk of await openai.chat.completions.create({ model: 'dax', messages, stream: true })) void chunk;
        })(),
      );
      expect(streamed.code).toBe('DAX_E_PROVIDER_UNAVAILABLE');
      expect(streamed.message).not.toContain('SECRET123');

      // A raw look at both answers and the stored run: the fake secret is nowhere.
      const raw = await fetch(`${gateway.baseUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'dax', messages, stream: true }),
      });
      const rawText = await raw.text();
      expect(rawText).toContain('"code":"DAX_E_PROVIDER_UNAVAILABLE"');
      expect(rawText.trimEnd().endsWith('data: [DONE]')).toBe(true);
      const stored = await storedRun(gateway, apiKey, runId);
      expect(stored.body).toMatchObject({ status: 'failed', error: { code: 'DAX_E_PROVIDER_UNAVAILABLE' } });
      for (const text of [rawText, stored.text, gateway.logs.join('')]) expect(text).not.toContain('SECRET123');
      expect(gateway.logs.length).toBeGreaterThan(0);
    } finally {
      await gateway.app.close();
    }
  });
});
