import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type KyselyRunStore } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../api-key-create.js';
import { createGateway } from '../create-gateway.js';
import { parseGatewayConfig } from '../gateway-config.js';
import type { Role } from '../identity.js';

const layerFile = new URL('../../../../config/layers.json', import.meta.url);
const originalLayers = JSON.parse(readFileSync(layerFile, 'utf8')) as { name: string; prompt: string }[];
const withExecutorPrompt = (prompt: string) => originalLayers.map((layer) => (layer.name === 'DA-1' ? { ...layer, prompt } : layer));
/** The parsed JSON body of an injected response. */
const bodyOf = (response: { body: string }): unknown => JSON.parse(response.body);
const note = { whatChanged: 'DA-1 wording.', why: 'Audit finding 12.', rollback: 'POST /v1/config/domains/default/rollback' };

describe('configuration admin API', () => {
  let dataDir: string;
  let store: KyselyRunStore;
  let app: FastifyInstance;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dax-config-api-'));
    store = await openSqliteStore({ dataDir });
    const make = async (name: string, roles: Role[], tenant = 'default') => {
      const created = await createApiKey(store, { tenant, roles, name });
      keys[name] = created.key;
      return `key:${created.keyId}`;
    };
    const operator = await make('operator', ['operator', 'approver']);
    const safety = await make('safety', ['approver']);
    const platform = await make('platform', ['approver']);
    await make('caller', ['caller']);
    await make('stranger', ['admin'], 'acme');
    await make('finance-caller', ['caller'], 'finco');
    const config = parseGatewayConfig({
      dataDir,
      port: 0,
      logLevel: 'silent',
      governance: { groupMembers: { safety: [safety, operator], platform: [platform] }, tenantDomains: { finco: ['finance'] } },
    });
    app = await createGateway({ config, store });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (name: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${keys[name]}` }, ...(payload === undefined ? {} : { payload }) });

  it('walks a version through propose, two approvals and activation; runs record its id', async () => {
    const proposed = await call('operator', 'POST', '/v1/config/versions', { domain: 'default', content: withExecutorPrompt('Emit the action.'), note });
    expect(proposed.statusCode).toBe(201);
    const id = (bodyOf(proposed) as { id: string }).id;

    const self = await call('operator', 'POST', `/v1/config/versions/${id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.headers['content-type']).toContain('application/problem+json');
    expect(bodyOf(self)).toMatchObject({ code: 'DAX_E_CONFIG_SELF_APPROVAL' });

    expect(bodyOf((await call('caller', 'POST', `/v1/config/versions/${id}/approve`)))).toMatchObject({ code: 'DAX_E_FORBIDDEN' });
    expect(bodyOf((await call('safety', 'POST', `/v1/config/versions/${id}/approve`)))).toMatchObject({ status: 'proposed' });
    const early = await call('operator', 'POST', `/v1/config/versions/${id}/activate`);
    expect(early.statusCode).toBe(409);
    expect(bodyOf(early)).toMatchObject({ code: 'DAX_E_CONFIG_NOT_APPROVED' });
    expect(bodyOf((await call('platform', 'POST', `/v1/config/versions/${id}/approve`)))).toMatchObject({ status: 'approved' });
    expect(bodyOf((await call('operator', 'POST', `/v1/config/versions/${id}/activate`)))).toMatchObject({ status: 'active', activatedBy: expect.stringMatching(/^key:/) });

    const run = await call('caller', 'POST', '/v1/runs', { input: 'Summarise the Q3 report for the board' });
    expect(bodyOf(run)).toMatchObject({ configHash: id, status: 'approved' });

    const history = await call('operator', 'GET', '/v1/config/domains/default/history');
    expect((bodyOf(history) as { audit: { action: string }[] }).audit.map((entry) => entry.action)).toEqual(['propose', 'approve', 'approve', 'activate']);
    const single = await call('operator', 'GET', `/v1/config/versions/${id.slice(0, 12)}`);
    expect((bodyOf(single) as { content: { prompt: string }[] }).content.at(-2)?.prompt).toBe('Emit the action.');
  });

  it('answers 400 for a proposed file that does not parse, naming the layer and field', async () => {
    const broken = originalLayers.map((layer) => (layer.name === 'DA-9' ? { ...layer, prompt: 7 } : layer));
    const refused = await call('operator', 'POST', '/v1/config/versions', { content: broken, note });
    expect(refused.statusCode).toBe(400);
    expect(bodyOf(refused)).toMatchObject({ code: 'DAX_E_INPUT_INVALID', detail: expect.stringContaining('layer DA-9') });
  });

  it('keeps configuration to the admin tenants', async () => {
    const outside = await call('stranger', 'POST', '/v1/config/versions', { content: withExecutorPrompt('x'), note });
    expect(outside.statusCode).toBe(403);
    expect(bodyOf(outside)).toMatchObject({ code: 'DAX_E_FORBIDDEN' });
  });

  it('refuses a model policy violation with a message naming the layer', async () => {
    const layers = originalLayers.map((layer) => (layer.name === 'DA-9' ? { ...layer, model: 'acme:big-1' } : layer));
    const refused = await call('operator', 'POST', '/v1/config/versions', { content: layers, note });
    expect(refused.statusCode).toBe(400);
    expect(bodyOf(refused)).toMatchObject({ code: 'DAX_E_MODEL_NOT_ALLOWED', detail: expect.stringContaining('Layer DA-9') });
  });

  it('refuses a run in a domain the tenant is not allowed, with 403', async () => {
    const refused = await call('finance-caller', 'POST', '/v1/runs', { input: 'Summarise the Q3 report', domain: 'hr' });
    expect(refused.statusCode).toBe(403);
    expect(bodyOf(refused)).toMatchObject({ code: 'DAX_E_DOMAIN_FORBIDDEN' });
    const allowed = await call('finance-caller', 'POST', '/v1/runs', { input: 'Summarise the Q3 report', domain: 'finance' });
    expect(bodyOf(allowed)).toMatchObject({ domain: 'finance', status: 'approved' });
  });
});
