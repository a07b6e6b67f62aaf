import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createVersionedConfigSource, parseLayerConfig, type ModelPolicy, type ModelProvider } from '@dax/core';
import { createGuardSuite, loadPolicySet } from '@dax/guards';
import { createEgressTransport, createModelRouter, createOpenAiCompatibleProvider, enforceModelPolicy } from '@dax/providers';
import { openMemoryStore, openSqliteStore, type KyselyRunStore } from '@dax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDax, type Dax } from './create-dax.js';
import { layersWithModel, note, originalLayers, recordingProvider, samplePolicy } from './__fixtures__/governance-fixtures.js';
import { bundledConfigDir } from './resolve-paths.js';

const guards = createGuardSuite({ policies: loadPolicySet(`${bundledConfigDir}policies`) });

describe('model policy at validation', () => {
  let dataDir: string;
  let store: KyselyRunStore;
  let dax: Dax;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dax-model-policy-'));
    writeFileSync(join(dataDir, 'models.json'), JSON.stringify(samplePolicy));
    store = await openSqliteStore({ dataDir });
    dax = createDax({ store, configPath: `${bundledConfigDir}layers.json`, modelPolicyPath: join(dataDir, 'models.json'), env: {} });
  });

  afterAll(async () => {
    await dax.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const propose = async (domain: string, layerName: string, model: string) =>
    (await dax.governance()).propose({ domain, kind: 'layers', content: layersWithModel(layerName, model), note, actor: 'oidc:alice' });

  it('refuses a denied model, naming the layer', async () => {
    const refusal = propose('default', 'DA-9', 'openai:gpt-3.5-turbo');
    await expect(refusal).rejects.toMatchObject({ code: 'DAX_E_MODEL_NOT_ALLOWED' });
    await expect(refusal).rejects.toThrow(/Layer DA-9: model "openai:gpt-3.5-turbo" is denied/);
  });

  it('refuses an unknown provider, naming the layer and the provider', async () => {
    await expect(propose('default', 'DA-5', 'acme:big-1')).rejects.toThrow(/Layer DA-5: .*provider "acme", which is not registered/);
  });

  it('refuses a residency violation, naming the layer and the provider', async () => {
    const refusal = propose('default', 'DA-6', 'xai:grok-4');
    await expect(refusal).rejects.toMatchObject({ code: 'DAX_E_RESIDENCY_VIOLATION' });
    await expect(refusal).rejects.toThrow(/Layer DA-6: provider "xai" keeps data in zone "us"/);
  });

  it('refuses a personal-data domain routed to a provider without a signed DPA', async () => {
    const refusal = propose('hr', 'DA-4', 'eucloud:mistral-large');
    await expect(refusal).rejects.toMatchObject({ code: 'DAX_E_DPA_MISSING' });
    await expect(refusal).rejects.toThrow(/Layer DA-4: domain "hr" handles personal data and provider "eucloud" has no signed DPA/);
  });

  it('accepts an allowed model in the same domain', async () => {
    const version = await propose('default', 'DA-6', 'openai:gpt-4.1-mini');
    expect(version.status).toBe('proposed');
  });

  it('refuses a model policy that would break an active domain', async () => {
    const breaking = { ...samplePolicy, deny: [{ provider: 'offline' }] };
    await expect(
      (await dax.governance()).propose({ domain: '*', kind: 'models', content: breaking, note, actor: 'oidc:alice' }),
    ).rejects.toMatchObject({ code: 'DAX_E_MODEL_NOT_ALLOWED' });
  });
});

describe('model policy at call time, when config and call disagree', () => {
  async function forcedRun(layerName: string, model: string, domain: string) {
    const called: string[] = [];
    const named = (id: string): ModelProvider => {
      const inner = recordingProvider(id);
      return { ...inner, call: (request) => (called.push(`${id}:${request.layer.name}`), inner.call(request)) };
    };
    // The layers are parsed but never validated against the policy: the call must still be refused.
    const parsed = parseLayerConfig(layersWithModel(layerName, model));
    const engine = createEngine({
      config: { ...parsed, modelPolicy: samplePolicy },
      router: enforceModelPolicy(createModelRouter({ providers: { recording: named('recording'), openai: named('openai'), xai: named('xai'), eucloud: named('eucloud') }, defaultModel: 'recording' })),
      guards,
      store: await openMemoryStore(),
    });
    const result = await engine.run({ input: 'Summarise the Q3 report for the board', domain });
    return { result, called };
  }

  it.each([
    ['DA-9', 'openai:gpt-3.5-turbo', 'default', 'DAX_E_MODEL_NOT_ALLOWED'],
    ['DA-6', 'xai:grok-4', 'default', 'DAX_E_RESIDENCY_VIOLATION'],
    ['DA-4', 'eucloud:mistral-large', 'hr', 'DAX_E_DPA_MISSING'],
  ])('%s on %s in domain %s fails the run with %s before the model is called', async (layerName, model, domain, code) => {
    const { result, called } = await forcedRun(layerName, model, domain);
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code, layer: layerName });
    expect(result.output).toBe('');
    const provider = model.split(':')[0]!;
    expect(called.filter((call) => call.startsWith(`${provider}:`))).toEqual([]);
    expect(result.trace.at(-1)?.attempts).toEqual([expect.objectContaining({ provider, errorCode: code, outcome: 'error' })]);
  });
});

describe('fallback order', () => {
  const servers: Server[] = [];
  let primaryCalls = 0;
  let backupCalls = 0;

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  }

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('tries the next model on 503 and records both attempts with their reasons', async () => {
    const primaryUrl = await listen((request, response) => {
      primaryCalls += 1;
      request.resume();
      request.on('end', () => response.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"overloaded"}'));
    });
    const backupUrl = await listen((request, response) => {
      backupCalls += 1;
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ model: 'backup-2', choices: [{ message: { content: 'Summarise the Q3 report for the board.' } }], usage: { prompt_tokens: 5, completion_tokens: 7 } }));
      });
    });
    const policy: ModelPolicy = {
      ...samplePolicy,
      providers: {
        primary: { kind: 'openai-compatible', baseUrl: primaryUrl, region: 'eu-west-1', residency: 'eu', dpa: { status: 'signed', date: '2025-01-01' } },
        backup: { kind: 'openai-compatible', baseUrl: backupUrl, region: 'eu-west-1', residency: 'eu', dpa: { status: 'signed', date: '2025-01-01' } },
      },
      fallbackOrder: ['primary:primary-1', 'backup:backup-2'],
    };
    const egress = createEgressTransport(Object.entries(policy.providers).map(([providerId, entry]) => ({ providerId, baseUrl: entry.baseUrl! })));
    const provider = (id: string, baseUrl: string) => createOpenAiCompatibleProvider({ id, baseUrl, apiKey: 'test-key', transport: egress.transport });
    const bootstrap = parseLayerConfig(originalLayers);
    const engine = createEngine({
      config: bootstrap,
      configSource: createVersionedConfigSource({ bootstrapLayers: () => bootstrap, bootstrapModelPolicy: policy }),
      router: enforceModelPolicy(
        createModelRouter({ providers: { primary: provider('primary', primaryUrl), backup: provider('backup', backupUrl) }, defaultModel: 'primary', sleep: () => Promise.resolve() }),
      ),
      guards,
      store: await openMemoryStore(),
    });
    try {
      const result = await engine.run({ input: 'Summarise the Q3 report for the board' });
      expect(result.status).toBe('approved');
      expect(result.model).toBe('backup:backup-2');
      const first = result.trace[0]!;
      expect(first.attempts.map((attempt) => [attempt.provider, attempt.model, attempt.outcome, attempt.errorCode, attempt.reason])).toEqual([
        ['primary', 'primary-1', 'error', 'DAX_E_PROVIDER_UNAVAILABLE', 'primary'],
        ['primary', 'primary-1', 'error', 'DAX_E_PROVIDER_UNAVAILABLE', 'retry'],
        ['primary', 'primary-1', 'error', 'DAX_E_PROVIDER_UNAVAILABLE', 'retry'],
        ['backup', 'backup-2', 'ok', undefined, 'fallback'],
      ]);
      expect(primaryCalls).toBe(3 * result.trace.length);
      expect(backupCalls).toBe(result.trace.length);
    } finally {
      await egress.close();
    }
  });
});
