import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { openMemoryStore, type KyselyRunStore } from '@dax/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from './__fixtures__/oidc-test-issuer.js';
import { createApiKey, type CreatedApiKey } from './api-key-create.js';
import { createGateway } from './create-gateway.js';
import { parseGatewayConfig } from './gateway-config.js';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

describe('identity and limits against a running gateway', () => {
  let store: KyselyRunStore;
  let issuer: TestIssuer;
  let gateway: FastifyInstance;
  let baseUrl: string;
  let logText = '';
  let acmeAdmin: CreatedApiKey;
  let acmeCaller: CreatedApiKey;
  let globexCaller: CreatedApiKey;

  beforeAll(async () => {
    store = await openMemoryStore();
    issuer = await startTestIssuer();
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => (logText += chunk.toString()));
    gateway = await createGateway({
      config: parseGatewayConfig({
        provider: 'offline',
        limits: { requestsPerMinutePerKey: 30 },
        oidc: { issuer: issuer.issuer, audience: issuer.audience, jwksUrl: issuer.jwksUrl },
      }),
      store,
      logStream,
    });
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
    acmeAdmin = await createApiKey(store, { tenant: 'acme', roles: ['admin'], name: 'bootstrap' });
    acmeCaller = await createApiKey(store, { tenant: 'acme', roles: ['caller'] });
    globexCaller = await createApiKey(store, { tenant: 'globex', roles: ['caller'] });
  });
  afterAll(async () => {
    await gateway.close();
    await store.close();
    await issuer.close();
  });

  async function send(path: string, credential: string | undefined, init: { method?: string; body?: unknown } = {}): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(credential === undefined ? {} : { authorization: `Bearer ${credential}` }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as Record<string, unknown>, text };
  }

  async function startRun(credential: string): Promise<string> {
    const answer = await send('/v1/runs', credential, { method: 'POST', body: { input: 'Summarise the Q3 report' } });
    expect(answer.status).toBe(200);
    return answer.body.runId as string;
  }

  it('refuses a request without credentials as problem+json', async () => {
    const answer = await send('/v1/runs', undefined);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.code).toBe('DAX_E_AUTH_MISSING');
  });

  it('refuses a key revoked through the admin API on the very next request', async () => {
    const created = await send('/v1/admin/keys', acmeAdmin.key, { method: 'POST', body: { roles: ['caller'], name: 'short-lived' } });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect((await send('/v1/runs', key)).status).toBe(200);
    const revoked = await send(`/v1/admin/keys/${created.body.keyId as string}`, acmeAdmin.key, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    const refused = await send('/v1/runs', key);
    expect([refused.status, refused.body.code]).toEqual([401, 'DAX_E_AUTH_KEY_REVOKED']);
  });

  it("answers 404 when tenant B asks for tenant A's run, as for an unknown id", async () => {
    const runId = await startRun(acmeCaller.key);
    expect((await send(`/v1/runs/${runId}`, acmeCaller.key)).status).toBe(200);
    const foreign = await send(`/v1/runs/${runId}`, globexCaller.key);
    const unknown = await send('/v1/runs/run-that-does-not-exist', globexCaller.key);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'DAX_E_RUN_NOT_FOUND']);
    expect(foreign.body.detail).toBe(unknown.body.detail);
    const listed = await send('/v1/runs', globexCaller.key);
    expect(listed.text).not.toContain(runId);
  });

  it('accepts an OIDC client-credentials token and keeps its tenant apart', async () => {
    const acmeToken = await issuer.token('acme-service');
    const globexToken = await issuer.token('globex-service');
    const runId = await startRun(acmeToken);
    expect((await send(`/v1/runs/${runId}`, acmeCaller.key)).status).toBe(200);
    expect((await send(`/v1/runs/${runId}`, globexToken)).status).toBe(404);
  });

  it('refuses bad tokens with 401 and distinct codes, never echoing them', async () => {
    const real = await issuer.token('acme-service');
    const [header, payload] = real.split('.') as [string, string];
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...claims, tenant: 'globex' })).toString('base64url');
    const cases: [string, string][] = [
      ['not.a-token', 'DAX_E_AUTH_TOKEN_MALFORMED'],
      [`${noneHeader}.${payload}.`, 'DAX_E_AUTH_TOKEN_ALGORITHM'],
      [`${header}.${tampered}.${real.split('.')[2]!}`, 'DAX_E_AUTH_TOKEN_SIGNATURE'],
      [await issuer.token('claimless-service'), 'DAX_E_AUTH_TOKEN_CLAIMS'],
    ];
    for (const [token, code] of cases) {
      const answer = await send('/v1/runs', token);
      expect([answer.status, answer.body.code]).toEqual([401, code]);
      expect(answer.text).not.toContain(token);
    }
    for (const [token] of cases) expect(logText).not.toContain(token);
    expect(logText).not.toContain(acmeCaller.key);
  });

  it("answers 429 with Retry-After once a key's limit is hit", async () => {
    const key = await createApiKey(store, { tenant: 'initech', roles: ['caller'] });
    let answer: Answer | undefined;
    for (let index = 0; index < 31; index += 1) answer = await send('/v1/runs', key.key);
    expect(answer?.status).toBe(429);
    expect(answer?.body.code).toBe('DAX_E_RATE_LIMITED');
    expect(Number(answer?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await send('/v1/runs', globexCaller.key)).status).toBe(200);
  });
});
