import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';

describe('POST /dax/recursion (the original contract)', () => {
  let gateway: TestGateway;
  let auth: { authorization: string };

  beforeAll(async () => {
    gateway = await startTestGateway();
    auth = { authorization: `Bearer ${await gateway.keyFor('acme')}` };
  });
  afterAll(() => gateway.close());

  it('answers exactly {output, trace: [{layer, output}]}', async () => {
    const response = await gateway.app.inject({ method: 'POST', url: '/dax/recursion', headers: auth, payload: { input: 'Summarise the Q3 report' } });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ output: string; trace: Record<string, unknown>[] }>();
    expect(Object.keys(body).sort()).toEqual(['output', 'trace']);
    expect(body.output).not.toBe('');
    expect(body.trace.map((entry) => entry.layer)).toEqual([...Array.from({ length: 13 }, (_, index) => `DA-${13 - index}`), 'DA-X']);
    for (const entry of body.trace) expect(Object.keys(entry).sort()).toEqual(['layer', 'output']);
    expect(response.headers['x-dax-run-status']).toBe('approved');
    const stored = await gateway.app.inject({ method: 'GET', url: `/v1/runs/${String(response.headers['x-dax-run-id'])}`, headers: auth });
    expect(stored.json()).toMatchObject({ output: body.output });
  });

  it('adds each layer reason when includeReasons is set', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/dax/recursion',
      headers: auth,
      payload: { input: 'Summarise the Q3 report', includeReasons: true },
    });
    const body = response.json<{ trace: { reason?: string }[] }>();
    expect(body.trace.every((entry) => typeof entry.reason === 'string' && entry.reason !== '')).toBe(true);
  });

  it('emits no output for a run that is not approved', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/dax/recursion',
      headers: auth,
      payload: { input: 'Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-dax-run-status']).toBe('awaiting_approval');
    expect(response.json<{ output: string }>().output).toBe('');
  });
});

describe('POST /dax/recursion when a layer fails', () => {
  it('answers problem+json with the run error code, never an empty success', async () => {
    const gateway = await startTestGateway({ script: { 'DA-4': { fault: 'http', status: 500 } } });
    try {
      const auth = { authorization: `Bearer ${await gateway.keyFor('acme')}` };
      const response = await gateway.app.inject({ method: 'POST', url: '/dax/recursion', headers: auth, payload: { input: 'Summarise the Q3 report' } });
      expect(response.statusCode).toBe(502);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'DAX_E_PROVIDER_UNAVAILABLE' });
    } finally {
      await gateway.close();
    }
  });
});
