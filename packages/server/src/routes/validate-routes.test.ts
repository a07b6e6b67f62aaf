import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';

describe('POST /v1/validate', () => {
  let gateway: TestGateway;
  let auth: { authorization: string };

  beforeAll(async () => {
    gateway = await startTestGateway({ config: { maxInputChars: 100 } });
    auth = { authorization: `Bearer ${await gateway.keyFor('acme')}` };
  });
  afterAll(() => gateway.close());

  it('returns the guards verdict, the same as the library gives', async () => {
    const input = 'Wire 2,500 EUR to ACME and email jane.doe@example.com';
    const response = await gateway.app.inject({ method: 'POST', url: '/v1/validate', headers: auth, payload: { input } });
    expect(response.statusCode).toBe(200);
    const verdict = response.json<{ risk: string; gate: boolean; findings: { guard: string; kind: string }[] }>();
    expect(verdict).toEqual(JSON.parse(JSON.stringify(gateway.app.dax.validate(input, { tenant: 'acme' }))));
    expect(verdict.gate).toBe(true);
    expect(verdict.findings).toContainEqual(expect.objectContaining({ guard: 'pii', kind: 'EMAIL' }));
    expect(response.body).not.toContain('jane.doe@example.com');
  });

  it('caps the input length and validates the body', async () => {
    expect((await gateway.app.inject({ method: 'POST', url: '/v1/validate', headers: auth, payload: { input: 'a'.repeat(101) } })).statusCode).toBe(413);
    expect((await gateway.app.inject({ method: 'POST', url: '/v1/validate', headers: auth, payload: { text: 'hello' } })).statusCode).toBe(400);
  });
});
