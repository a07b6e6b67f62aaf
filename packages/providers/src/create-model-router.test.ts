import type { LayerInvocation, ModelProvider } from '@dax/core';
import { LayerInvocationError } from '@dax/core';
import { describe, expect, it } from 'vitest';
import { layerIdentity, sampleFacts } from './__fixtures__/layer-request.js';
import { sendJson, startUpstream } from './__fixtures__/start-upstream.js';
import type { Sleep } from './abortable-sleep.js';
import { createModelRouter, type ModelRouterOptions } from './create-model-router.js';
import { createOfflineProvider } from './create-offline-provider.js';
import { createOpenAiCompatibleProvider } from './create-openai-compatible-provider.js';
import { createScriptedProvider } from './create-scripted-provider.js';
import type { ProviderScript } from './provider-script.js';

function invocation(models: readonly string[], overrides: Partial<LayerInvocation> = {}): LayerInvocation {
  return {
    layer: layerIdentity(6),
    prompt: 'You are DA-6 acting as Conductor.',
    json: false,
    models,
    timeoutMs: 5_000,
    signal: new AbortController().signal,
    facts: sampleFacts,
    ...overrides,
  };
}

/** A sleep that records the waits and returns at once. */
function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

function routerWith(script: ProviderScript, options: Partial<ModelRouterOptions> = {}) {
  const { sleep, waits } = recordingSleep();
  const router = createModelRouter({
    providers: { scripted: createScriptedProvider(script), offline: createOfflineProvider() },
    defaultModel: 'offline',
    sleep,
    random: () => 1,
    ...options,
  });
  return { router, waits };
}

async function invocationFailure(promise: Promise<unknown>): Promise<LayerInvocationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LayerInvocationError);
  return error as LayerInvocationError;
}

const outcomes = (error: { attempts: readonly { provider: string; model: string; outcome: string; errorCode?: string }[] }) =>
  error.attempts.map((attempt) => [`${attempt.provider}:${attempt.model}`, attempt.outcome, attempt.errorCode]);

describe('createModelRouter', () => {
  it('answers from the first model and records the attempt', async () => {
    const { router } = routerWith({});
    const result = await router.invoke(invocation(['offline']));
    expect(result.model).toBe('offline:offline-1');
    expect(result.text).toBe(`1. ${sampleFacts.intent}`);
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]).toMatchObject({ provider: 'offline', model: 'offline-1', outcome: 'ok' });
    expect(result.attempts[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.usage.estimated).toBe(true);
  });

  it('uses the default model when a layer names none', async () => {
    const { router } = routerWith({});
    expect(router.defaultModel).toBe('offline');
    expect((await router.invoke(invocation([]))).model).toBe('offline:offline-1');
  });

  it('retries a retryable failure with growing backoff, then succeeds', async () => {
    const { router, waits } = routerWith({ 'DA-6': { fault: 'http', status: 503, times: 2, output: 'third time' } });
    const result = await router.invoke(invocation(['scripted:primary']));
    expect(result.text).toBe('third time');
    expect(result.model).toBe('scripted:primary');
    expect(outcomes(result)).toEqual([
      ['scripted:primary', 'error', 'DAX_E_PROVIDER_UNAVAILABLE'],
      ['scripted:primary', 'error', 'DAX_E_PROVIDER_UNAVAILABLE'],
      ['scripted:primary', 'ok', undefined],
    ]);
    expect(waits).toEqual([100, 200]);
  });

  it('draws the wait at random below the exponential ceiling (full jitter)', async () => {
    const { router, waits } = routerWith({ 'DA-6': { fault: 'reset', times: 3 } }, { random: () => 0.25, retry: { maxAttempts: 4 } });
    await router.invoke(invocation(['scripted']));
    expect(waits).toEqual([25, 50, 100]);
  });

  it('waits at least the provider Retry-After, capped by maxDelayMs', async () => {
    const { router, waits } = routerWith(
      { 'DA-6': { fault: 'http', status: 429, retryAfter: 1, times: 1 }, 'DA-5': { fault: 'http', status: 429, retryAfter: 60, times: 1 } },
      { random: () => 0 },
    );
    await router.invoke(invocation(['scripted']));
    await router.invoke(invocation(['scripted'], { layer: layerIdentity(5) }));
    expect(waits).toEqual([1000, 2000]);
  });

  it('falls back to the next model after the first keeps answering 503', async () => {
    const { router, waits } = routerWith({ models: { primary: { 'DA-6': { fault: 'http', status: 503 } } } });
    const result = await router.invoke(invocation(['scripted:primary', 'scripted:backup']));
    expect(result.model).toBe('scripted:backup');
    expect(outcomes(result)).toEqual([
      ['scripted:primary', 'error', 'DAX_E_PROVIDER_UNAVAILABLE'],
      ['scripted:primary', 'error', 'DAX_E_PROVIDER_UNAVAILABLE'],
      ['scripted:primary', 'error', 'DAX_E_PROVIDER_UNAVAILABLE'],
      ['scripted:backup', 'ok', undefined],
    ]);
    expect(waits).toHaveLength(2);
  });

  it('moves to the fallback at once after a non-retryable failure', async () => {
    const { router, waits } = routerWith({ models: { primary: { 'DA-6': { fault: 'http', status: 401 } } } });
    const result = await router.invoke(invocation(['scripted:primary', 'offline']));
    expect(outcomes(result)).toEqual([
      ['scripted:primary', 'error', 'DAX_E_PROVIDER_AUTH'],
      ['offline:offline-1', 'ok', undefined],
    ]);
    expect(waits).toEqual([]);
  });

  it('treats an unknown provider as a failed, non-retryable model', async () => {
    const { router } = routerWith({});
    const result = await router.invoke(invocation(['missing:model-a', 'offline']));
    expect(outcomes(result)).toEqual([
      ['missing:model-a', 'error', 'DAX_E_PROVIDER_UNKNOWN'],
      ['offline:offline-1', 'ok', undefined],
    ]);
    const error = await invocationFailure(router.invoke(invocation(['missing'])));
    expect(error.code).toBe('DAX_E_PROVIDER_UNKNOWN');
    expect(error.retryable).toBe(false);
  });

  it('throws LayerInvocationError with every attempt when all models fail', async () => {
    const { router } = routerWith({
      models: { primary: { 'DA-6': { fault: 'http', status: 500 } }, backup: { 'DA-6': { fault: 'reset' } } },
    });
    const error = await invocationFailure(router.invoke(invocation(['scripted:primary', 'scripted:backup'])));
    expect(error.code).toBe('DAX_E_PROVIDER_NETWORK');
    expect(outcomes(error)).toEqual([
      ['scripted:primary', 'error', 'DAX_E_PROVIDER_UNAVAILABLE'],
      ['scripted:primary', 'error', 'DAX_E_PROVIDER_UNAVAILABLE'],
      ['scripted:primary', 'error', 'DAX_E_PROVIDER_UNAVAILABLE'],
      ['scripted:backup', 'error', 'DAX_E_PROVIDER_NETWORK'],
      ['scripted:backup', 'error', 'DAX_E_PROVIDER_NETWORK'],
      ['scripted:backup', 'error', 'DAX_E_PROVIDER_NETWORK'],
    ]);
    expect(error.message).toContain('DA-6: 6 attempt(s) on 2 model(s) failed');
  });

  it('times out an attempt that does not answer, and retries it', async () => {
    const { router } = routerWith({ 'DA-6': { fault: 'timeout', times: 1 } });
    const result = await router.invoke(invocation(['scripted'], { timeoutMs: 20 }));
    expect(outcomes(result)).toEqual([
      ['scripted:scripted-1', 'error', 'DAX_E_PROVIDER_TIMEOUT'],
      ['scripted:scripted-1', 'ok', undefined],
    ]);
  });

  it('times out a provider that ignores its signal', async () => {
    const deaf: ModelProvider = { id: 'deaf', kind: 'test', defaultModel: 'deaf-1', call: () => new Promise(() => undefined) };
    const { sleep } = recordingSleep();
    const router = createModelRouter({ providers: new Map([['deaf', deaf]]), defaultModel: 'deaf', sleep, retry: { maxAttempts: 2 } });
    const error = await invocationFailure(router.invoke(invocation(['deaf'], { timeoutMs: 10 })));
    expect(error.code).toBe('DAX_E_PROVIDER_TIMEOUT');
    expect(error.attempts).toHaveLength(2);
  });

  it('maps a provider that throws something other than a DaxError to a non-retryable internal failure', async () => {
    const broken: ModelProvider = {
      id: 'broken',
      kind: 'test',
      defaultModel: 'broken-1',
      call: () => {
        throw new TypeError('bug');
      },
    };
    const router = createModelRouter({ providers: { broken }, defaultModel: 'broken', sleep: recordingSleep().sleep });
    const error = await invocationFailure(router.invoke(invocation(['broken'])));
    expect(error.code).toBe('DAX_E_INTERNAL');
    expect(error.attempts).toHaveLength(1);
  });

  it('stops at once with DAX_E_RUN_ABORTED when the caller aborts during an attempt', async () => {
    const { router } = routerWith({ 'DA-6': { fault: 'timeout' } });
    const controller = new AbortController();
    const pending = router.invoke(invocation(['scripted', 'offline'], { signal: controller.signal, timeoutMs: 60_000 }));
    setTimeout(() => controller.abort(), 10);
    const error = await invocationFailure(pending);
    expect(error.code).toBe('DAX_E_RUN_ABORTED');
    expect(outcomes(error)).toEqual([['scripted:scripted-1', 'error', 'DAX_E_RUN_ABORTED']]);
  });

  it('stops at once when the caller aborts during the backoff wait', async () => {
    const controller = new AbortController();
    const router = createModelRouter({
      providers: { scripted: createScriptedProvider({ 'DA-6': { fault: 'http', status: 503 } }) },
      defaultModel: 'scripted',
      sleep: (ms, signal) => {
        controller.abort();
        return signal.aborted ? Promise.reject(new Error('aborted')) : Promise.resolve();
      },
    });
    const error = await invocationFailure(router.invoke(invocation(['scripted'], { signal: controller.signal })));
    expect(error.code).toBe('DAX_E_RUN_ABORTED');
    expect(error.attempts).toHaveLength(1);
  });

  it('cancels the real backoff timer when the caller aborts', async () => {
    const controller = new AbortController();
    const router = createModelRouter({
      providers: { scripted: createScriptedProvider({ 'DA-6': { fault: 'http', status: 429, retryAfter: 60 } }) },
      defaultModel: 'scripted',
      retry: { maxDelayMs: 60_000 },
    });
    const pending = router.invoke(invocation(['scripted'], { signal: controller.signal }));
    setTimeout(() => controller.abort(), 10);
    expect((await invocationFailure(pending)).code).toBe('DAX_E_RUN_ABORTED');
  });

  it('refuses an already aborted call without attempting', async () => {
    const { router } = routerWith({});
    const controller = new AbortController();
    controller.abort();
    const error = await invocationFailure(router.invoke(invocation(['offline'], { signal: controller.signal })));
    expect(error.code).toBe('DAX_E_RUN_ABORTED');
    expect(error.attempts).toEqual([]);
  });

  it('passes layer, model, prompt and sampling settings to the provider', async () => {
    const seen: unknown[] = [];
    const echo: ModelProvider = {
      id: 'echo',
      kind: 'test',
      defaultModel: 'echo-1',
      call: (request) => {
        seen.push({ model: request.model, prompt: request.prompt, json: request.json, temperature: request.temperature, maxTokens: request.maxTokens });
        return Promise.resolve({ text: 'ok', model: 'echo-1b', usage: { inputTokens: 3, outputTokens: 1, estimated: false } });
      },
    };
    const router = createModelRouter({ providers: { echo }, defaultModel: 'echo' });
    const result = await router.invoke(invocation(['echo:echo-large'], { json: true, temperature: 0.3, maxTokens: 99 }));
    expect(seen).toEqual([{ model: 'echo-large', prompt: 'You are DA-6 acting as Conductor.', json: true, temperature: 0.3, maxTokens: 99 }]);
    expect(result.model).toBe('echo:echo-1b');
    expect(result.usage).toEqual({ inputTokens: 3, outputTokens: 1, estimated: false });
  });

  it('retries a real upstream that answers 503, then 429 with Retry-After, then succeeds', async () => {
    const answers = [503, 429, 200];
    const upstream = await startUpstream((_request, response) => {
      const status = answers.shift() ?? 200;
      if (status === 200) sendJson(response, 200, { model: 'grok-4', choices: [{ message: { content: 'done' } }] });
      else sendJson(response, status, { error: 'busy' }, status === 429 ? { 'retry-after': '1' } : {});
    });
    try {
      const { sleep, waits } = recordingSleep();
      const xai = createOpenAiCompatibleProvider({ id: 'xai', baseUrl: upstream.url, apiKey: 'test-key' });
      const router = createModelRouter({ providers: { xai }, defaultModel: 'xai', sleep, random: () => 0 });
      const result = await router.invoke(invocation(['xai:grok-4']));
      expect(result.text).toBe('done');
      expect(outcomes(result)).toEqual([
        ['xai:grok-4', 'error', 'DAX_E_PROVIDER_UNAVAILABLE'],
        ['xai:grok-4', 'error', 'DAX_E_PROVIDER_RATE_LIMITED'],
        ['xai:grok-4', 'ok', undefined],
      ]);
      expect(waits).toEqual([0, 1000]);
      expect(upstream.requests).toHaveLength(3);
    } finally {
      await upstream.close();
    }
  });

  it('refuses impossible retry settings at construction', () => {
    expect(() => createModelRouter({ providers: {}, defaultModel: 'offline', retry: { maxAttempts: 0 } })).toThrow(/maxAttempts/);
    expect(() => createModelRouter({ providers: {}, defaultModel: 'offline', retry: { baseDelayMs: 500, maxDelayMs: 100 } })).toThrow(
      /maxDelayMs/,
    );
  });
});
