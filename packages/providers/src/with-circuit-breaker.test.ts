import { randomBytes } from 'node:crypto';
import type { ModelCallRequest, ModelCallResult, ModelProvider } from '@dax/core';
import { DaxError } from '@dax/protocol';
import { bulkhead } from 'cockatiel';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { layerRequest } from './__fixtures__/layer-request.js';
import type { CircuitBreakerSettings, CircuitBreakerStore } from './circuit-breaker-store.js';
import { createMemoryCircuitBreakerStore } from './memory-circuit-breaker-store.js';
import { ProviderError } from './provider-error.js';
import { createRedisCircuitBreakerStore } from './redis-circuit-breaker-store.js';
import { withBulkhead } from './with-bulkhead.js';
import { withCircuitBreaker } from './with-circuit-breaker.js';

const redisUrl = process.env.DAX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const settings: CircuitBreakerSettings = { failureThreshold: 3, openMs: 200 };

/** A provider that fails with a 500-class error while `failing` is set, and counts its calls. */
function flakyProvider(): ModelProvider & { failing: boolean; calls: number } {
  const provider = {
    id: 'flaky',
    kind: 'test',
    defaultModel: 'm1',
    failing: true,
    calls: 0,
    call(request: ModelCallRequest): Promise<ModelCallResult> {
      provider.calls += 1;
      if (provider.failing) return Promise.reject(new ProviderError('DAX_E_PROVIDER_UNAVAILABLE', { detail: 'HTTP 500' }));
      return Promise.resolve({ text: 'ok', model: request.model, usage: { inputTokens: 1, outputTokens: 1, estimated: true } });
    },
  };
  return provider;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return DaxError.isInstance(error) ? error.code : 'not a DaxError';
  }
  return 'resolved';
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(['memory', 'redis'] as const)('withCircuitBreaker over %s state', (kind) => {
  const clients: Redis[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  /** Two breaker stores as two replicas would hold them (one Redis, or each its own memory). */
  function replicaStores(): [CircuitBreakerStore, CircuitBreakerStore] {
    if (kind === 'memory') {
      const shared = createMemoryCircuitBreakerStore(settings);
      return [shared, shared];
    }
    const prefix = `dax-test:${randomBytes(6).toString('hex')}:`;
    const stores = [0, 1].map(() => {
      const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      clients.push(client);
      return createRedisCircuitBreakerStore(client, prefix, settings, createMemoryCircuitBreakerStore(settings));
    });
    return [stores[0]!, stores[1]!];
  }

  it('opens after consecutive failures, refuses without calling, then closes after a good probe', async () => {
    const upstream = flakyProvider();
    const [storeA, storeB] = replicaStores();
    const replicaA = withCircuitBreaker(upstream, storeA);
    const replicaB = withCircuitBreaker(upstream, storeB);

    for (let index = 0; index < 3; index += 1) expect(await codeOf(replicaA.call(layerRequest()))).toBe('DAX_E_PROVIDER_UNAVAILABLE');
    expect(upstream.calls).toBe(3);
    // The other replica sees the open breaker: no upstream call.
    const refused = replicaB.call(layerRequest());
    expect(await codeOf(refused)).toBe('DAX_E_PROVIDER_CIRCUIT_OPEN');
    await refused.catch((error: unknown) => expect(DaxError.isInstance(error) && error.retryable).toBe(false));
    expect(upstream.calls).toBe(3);
    // Another model of the same provider has its own breaker.
    expect(await codeOf(replicaB.call(layerRequest({ model: 'm2' })))).toBe('DAX_E_PROVIDER_UNAVAILABLE');

    await sleep(settings.openMs + 50);
    upstream.failing = false;
    expect((await replicaB.call(layerRequest())).text).toBe('ok');
    expect((await replicaA.call(layerRequest())).text).toBe('ok');
  });

  it('re-opens when the probe fails', async () => {
    const upstream = flakyProvider();
    const [store] = replicaStores();
    const provider = withCircuitBreaker(upstream, store);
    for (let index = 0; index < 3; index += 1) await codeOf(provider.call(layerRequest()));
    await sleep(settings.openMs + 50);
    expect(await codeOf(provider.call(layerRequest()))).toBe('DAX_E_PROVIDER_UNAVAILABLE');
    expect(await codeOf(provider.call(layerRequest()))).toBe('DAX_E_PROVIDER_CIRCUIT_OPEN');
    expect(upstream.calls).toBe(4);
  });

  it('tells the observer each state change: open at the threshold, half-open for the probe, closed after it', async () => {
    const upstream = flakyProvider();
    const [store] = replicaStores();
    const seen: string[] = [];
    const provider = withCircuitBreaker(upstream, store, (id, model, state) => seen.push(`${id}/${model}:${state}`));
    for (let index = 0; index < 3; index += 1) await codeOf(provider.call(layerRequest()));
    expect(seen.at(-1)).toBe('flaky/test-model:open');
    expect(await codeOf(provider.call(layerRequest()))).toBe('DAX_E_PROVIDER_CIRCUIT_OPEN');
    await sleep(settings.openMs + 50);
    upstream.failing = false;
    seen.length = 0;
    expect((await provider.call(layerRequest())).text).toBe('ok');
    expect(seen).toEqual(['flaky/test-model:half_open', 'flaky/test-model:closed']);
  });
});

describe('withBulkhead', () => {
  it('lets `capacity` calls run, queues the next ones and refuses beyond the queue', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running = 0;
    let peak = 0;
    const slow: ModelProvider = {
      id: 'slow',
      kind: 'test',
      defaultModel: 'm',
      async call(request) {
        running += 1;
        peak = Math.max(peak, running);
        await gate;
        running -= 1;
        return { text: 'ok', model: request.model, usage: { inputTokens: 1, outputTokens: 1, estimated: true } };
      },
    };
    const provider = withBulkhead(slow, bulkhead(2, 1));
    const admitted = [provider.call(layerRequest()), provider.call(layerRequest()), provider.call(layerRequest())];
    expect(await codeOf(provider.call(layerRequest()))).toBe('DAX_E_PROVIDER_BULKHEAD_FULL');
    release();
    expect((await Promise.all(admitted)).map((result) => result.text)).toEqual(['ok', 'ok', 'ok']);
    expect(peak).toBe(2);
  });
});
