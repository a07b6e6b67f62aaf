import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelCallRequest, ModelProvider } from '@dax/core';
import { DaxError } from '@dax/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { layerIdentity, layerRequest, sampleFacts } from './__fixtures__/layer-request.js';
import { createScriptedProvider, malformedReplyText } from './create-scripted-provider.js';
import { loadScript } from './load-script.js';
import { ProviderError } from './provider-error.js';
import type { ProviderScript } from './provider-script.js';

const conductor = (overrides: Partial<ModelCallRequest> = {}) => layerRequest({ layer: layerIdentity(6), model: 'scripted-1', ...overrides });

async function errorOf(promise: Promise<unknown>): Promise<DaxError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(DaxError.isInstance(error)).toBe(true);
  return error as DaxError;
}

async function texts(provider: ModelProvider, count: number, request = conductor()): Promise<string[]> {
  const results: string[] = [];
  for (let index = 0; index < count; index += 1) results.push((await provider.call(request)).text);
  return results;
}

const scriptDirectory = mkdtempSync(join(tmpdir(), 'dax-script-'));
let scriptCount = 0;

afterAll(() => rmSync(scriptDirectory, { recursive: true, force: true }));

function loadError(path: string): DaxError {
  try {
    loadScript(path);
  } catch (error) {
    expect(DaxError.isInstance(error)).toBe(true);
    return error as DaxError;
  }
  throw new Error(`loading ${path} did not fail`);
}

function writeScript(content: string): string {
  scriptCount += 1;
  const path = join(scriptDirectory, `drill-${scriptCount}.json`);
  writeFileSync(path, content);
  return path;
}

describe('createScriptedProvider: answers', () => {
  it('answers a listed layer with its output and unlisted layers as offline', async () => {
    const provider = createScriptedProvider({ 'DA-6': { output: '1. Do the scripted thing' } });
    expect((await provider.call(conductor())).text).toBe('1. Do the scripted thing');
    const executor = await provider.call(conductor({ layer: layerIdentity(1) }));
    expect(executor.text).toBe(sampleFacts.intent);
    expect(executor.model).toBe('scripted-1');
    expect([provider.id, provider.kind, provider.defaultModel]).toEqual(['scripted', 'scripted', 'scripted-1']);
  });

  it('plays outputs in order and repeats the last one', async () => {
    const provider = createScriptedProvider({ 'DA-6': { outputs: ['first', 'second'] } });
    expect(await texts(provider, 4)).toEqual(['first', 'second', 'second', 'second']);
  });

  it('wraps output and reason as JSON for JSON requests', async () => {
    const provider = createScriptedProvider({ 'DA-6': { output: 'steps', reason: 'scripted reason' }, 'DA-5': { output: 'adapter' } });
    expect(JSON.parse((await provider.call(conductor({ json: true }))).text)).toEqual({ output: 'steps', reason: 'scripted reason' });
    expect(JSON.parse((await provider.call(conductor({ json: true, layer: layerIdentity(5) }))).text)).toEqual({
      output: 'adapter',
      reason: 'Scripted output.',
    });
  });

  it('keeps call counters per provider instance', async () => {
    const script: ProviderScript = { 'DA-6': { outputs: ['first', 'second'] } };
    const one = createScriptedProvider(script);
    const two = createScriptedProvider(script);
    await one.call(conductor());
    expect((await one.call(conductor())).text).toBe('second');
    expect((await two.call(conductor())).text).toBe('first');
  });

  it('lets a model map override the top-level entries for that model only', async () => {
    const provider = createScriptedProvider({
      'DA-6': { output: 'top level' },
      models: { primary: { 'DA-6': { fault: 'http', status: 503 } }, backup: { 'DA-5': { output: 'backup adapter' } } },
    });
    const primary = await errorOf(provider.call(conductor({ model: 'primary' })));
    expect(primary.code).toBe('DAX_E_PROVIDER_UNAVAILABLE');
    expect((await provider.call(conductor({ model: 'backup' }))).text).toBe('top level');
    expect((await provider.call(conductor({ model: 'backup', layer: layerIdentity(5) }))).text).toBe('backup adapter');
    expect((await provider.call(conductor({ model: 'other' }))).text).toBe('top level');
  });

  it('uses the given fallback provider for unlisted layers', async () => {
    const fallback: ModelProvider = {
      id: 'constant',
      kind: 'test',
      defaultModel: 'constant-1',
      call: () => Promise.resolve({ text: 'from fallback', model: 'constant-1', usage: { inputTokens: 1, outputTokens: 1, estimated: true } }),
    };
    const provider = createScriptedProvider({}, { fallback, id: 'drill' });
    const result = await provider.call(conductor());
    expect(result).toMatchObject({ text: 'from fallback', model: 'scripted-1' });
    expect(provider.id).toBe('drill');
  });
});

describe('createScriptedProvider: faults', () => {
  it('fails with the HTTP status mapping, Retry-After included, and never quotes the body', async () => {
    const provider = createScriptedProvider({
      'DA-6': { fault: 'http', status: 429, retryAfter: 3, body: '{"error":"sk-live-SECRET123"}' },
      'DA-5': { fault: 'http', status: 401 },
    });
    const limited = await errorOf(provider.call(conductor()));
    expect(ProviderError.isInstance(limited)).toBe(true);
    expect(limited).toMatchObject({ code: 'DAX_E_PROVIDER_RATE_LIMITED', retryable: true, retryAfterMs: 3000 });
    expect(`${limited.message}${JSON.stringify(limited)}`).not.toContain('SECRET123');
    const auth = await errorOf(provider.call(conductor({ layer: layerIdentity(5) })));
    expect(auth).toMatchObject({ code: 'DAX_E_PROVIDER_AUTH', retryable: false });
  });

  it('fails only the first `times` calls, then answers with output or as offline', async () => {
    const provider = createScriptedProvider({
      'DA-6': { fault: 'http', status: 500, times: 2, output: 'recovered' },
      'DA-1': { fault: 'reset', times: 1 },
    });
    expect((await errorOf(provider.call(conductor()))).code).toBe('DAX_E_PROVIDER_UNAVAILABLE');
    expect((await errorOf(provider.call(conductor()))).code).toBe('DAX_E_PROVIDER_UNAVAILABLE');
    expect((await provider.call(conductor())).text).toBe('recovered');
    const executor = conductor({ layer: layerIdentity(1) });
    expect((await errorOf(provider.call(executor))).code).toBe('DAX_E_PROVIDER_NETWORK');
    expect((await provider.call(executor)).text).toBe(sampleFacts.intent);
  });

  it('never answers a timeout fault until the call is aborted', async () => {
    const provider = createScriptedProvider({ 'DA-6': { fault: 'timeout' } });
    const timedOut = await errorOf(provider.call(conductor({ signal: AbortSignal.timeout(20) })));
    expect(timedOut).toMatchObject({ code: 'DAX_E_PROVIDER_TIMEOUT', retryable: true });
    const controller = new AbortController();
    const pending = provider.call(conductor({ signal: controller.signal }));
    controller.abort();
    expect((await errorOf(pending)).code).toBe('DAX_E_RUN_ABORTED');
  });

  it('answers a slow fault after its delay, and times out when the deadline is shorter', async () => {
    const provider = createScriptedProvider({ 'DA-6': { fault: 'slow', delayMs: 10 }, 'DA-5': { fault: 'slow', delayMs: 60_000 } });
    expect((await provider.call(conductor({ layer: layerIdentity(1), facts: sampleFacts }))).text).toBe(sampleFacts.intent);
    expect((await provider.call(conductor())).text).toMatch(/^1\. /);
    const slow = await errorOf(provider.call(conductor({ layer: layerIdentity(5), signal: AbortSignal.timeout(20) })));
    expect(slow.code).toBe('DAX_E_PROVIDER_TIMEOUT');
  });

  it('plays malformed as a broken vendor answer for plain requests', async () => {
    const provider = createScriptedProvider({ 'DA-6': { fault: 'malformed' } });
    const error = await errorOf(provider.call(conductor()));
    expect(error).toMatchObject({ code: 'DAX_E_PROVIDER_MALFORMED', retryable: true });
  });

  it('plays malformed as a reply that is not JSON for JSON requests, so the engine re-asks', async () => {
    const provider = createScriptedProvider({ 'DA-6': { fault: 'malformed', times: 1 } });
    const first = await provider.call(conductor({ json: true }));
    expect(first.text).toBe(malformedReplyText);
    expect(() => JSON.parse(first.text) as unknown).toThrow();
    const second = JSON.parse((await provider.call(conductor({ json: true }))).text) as { output: string };
    expect(second.output).toMatch(/^1\. /);
  });

  it('lets `as` choose the malformed behaviour explicitly', async () => {
    const provider = createScriptedProvider({ 'DA-6': { fault: 'malformed', as: 'error' }, 'DA-5': { fault: 'malformed', as: 'text' } });
    expect((await errorOf(provider.call(conductor({ json: true })))).code).toBe('DAX_E_PROVIDER_MALFORMED');
    expect((await provider.call(conductor({ layer: layerIdentity(5) }))).text).toBe(malformedReplyText);
  });
});

describe('script validation', () => {
  it.each<[string, unknown, string]>([
    ['an unknown layer name', { 'DA-14': { output: 'x' } }, '<inline>: DA-14: must be a layer name'],
    ['an unknown fault', { 'DA-6': { fault: 'explode' } }, '<inline>: DA-6.fault: unknown "fault"'],
    ['a status outside 400-599', { 'DA-6': { fault: 'http', status: 200 } }, '<inline>: DA-6.status:'],
    ['an unknown field', { 'DA-6': { output: 'x', extra: true } }, '<inline>: DA-6:'],
    ['an entry with neither output nor fault', { 'DA-6': { reason: 'x' } }, 'exactly one of "output" or "outputs"'],
    ['empty outputs', { 'DA-6': { outputs: [] } }, '<inline>: DA-6.outputs:'],
    ['a slow fault without delay', { 'DA-6': { fault: 'slow' } }, '<inline>: DA-6.delayMs:'],
    ['zero times', { 'DA-6': { fault: 'reset', times: 0 } }, '<inline>: DA-6.times:'],
    ['a bad layer in a model map', { models: { primary: { 'DA-0': { output: 'x' } } } }, '<inline>: models.primary.DA-0:'],
    ['a script that is not an object', ['DA-6'], '<inline>: (top level):'],
  ])('refuses %s with DAX_E_SCRIPT_INVALID', (_name, script, detail) => {
    let caught: unknown;
    try {
      createScriptedProvider(script as ProviderScript);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'DAX_E_SCRIPT_INVALID' });
    expect((caught as DaxError).message).toContain(detail);
  });

  it('loads a script file', async () => {
    const path = writeScript(JSON.stringify({ 'DA-X': { output: 'Halt: scripted.' } }));
    const provider = createScriptedProvider(loadScript(path), { source: path });
    expect((await provider.call(conductor({ layer: layerIdentity('X') }))).text).toBe('Halt: scripted.');
  });

  it('names the file and the path of an invalid entry', () => {
    const path = writeScript(JSON.stringify({ models: { primary: { 'DA-6': { fault: 'http', status: 700 } } } }));
    const error = loadError(path);
    expect(error.code).toBe('DAX_E_SCRIPT_INVALID');
    expect(error.message).toContain(`${path}: models.primary.DA-6.status:`);
  });

  it('refuses a file that is not JSON', () => {
    const path = writeScript('{ "DA-6": ');
    const error = loadError(path);
    expect(error.code).toBe('DAX_E_SCRIPT_INVALID');
    expect(error.message).toContain(`${path}: (top level): not valid JSON`);
  });

  it('reports a missing file as unreadable configuration', () => {
    const error = loadError(join(tmpdir(), 'dax-no-such-script.json'));
    expect(error.code).toBe('DAX_E_CONFIG_NOT_FOUND');
    expect(error.message).toContain('dax-no-such-script.json');
  });
});

describe('createScriptedProvider: per-domain entries (drills)', () => {
  it('selects an entry by the run domain before the model and the top level; other domains are untouched', async () => {
    const provider = createScriptedProvider({
      'DA-6': { output: '1. Top level' },
      models: { 'scripted-1': { 'DA-6': { output: '1. Model entry' } } },
      domains: { 'drill-outage': { 'DA-6': { fault: 'http', status: 503 } }, 'drill-drift-da-6': { 'DA-1': { output: 'unused here' } } },
    });
    const outage = await errorOf(provider.call(conductor({ facts: { ...sampleFacts, domain: 'drill-outage' } })));
    expect([outage.code, outage.retryable]).toEqual(['DAX_E_PROVIDER_UNAVAILABLE', true]);
    expect((await provider.call(conductor({ facts: { ...sampleFacts, domain: 'drill-drift-da-6' } }))).text).toBe('1. Model entry');
    expect((await provider.call(conductor({ facts: { ...sampleFacts, domain: 'payments' } }))).text).toBe('1. Model entry');
    expect((await provider.call(conductor({ model: 'other', facts: { ...sampleFacts, domain: 'payments' } }))).text).toBe('1. Top level');
  });

  it('refuses a domain key that is not a policy domain name', () => {
    const path = writeScript(JSON.stringify({ domains: { 'Drill Outage': { 'DA-6': { output: 'x' } } } }));
    const error = loadError(path);
    expect(error.code).toBe('DAX_E_SCRIPT_INVALID');
    expect(error.message).toContain('domains.Drill Outage');
  });
});
