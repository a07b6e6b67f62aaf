import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from './__fixtures__/test-gateway.js';
import { createGatewayLogger } from './gateway-logger.js';

const fakeSecret = 'sk-proj-FAKEdax0123456789abcdefFAKE';

describe('gateway logs', () => {
  it('never contain the input, the API key or an upstream error body, and carry the request id on every line', async () => {
    const gateway = await startTestGateway({
      script: { 'DA-6': { fault: 'http', status: 500, body: `{"error":"upstream exploded","leaked":"${fakeSecret}"}` } },
    });
    try {
      const key = await gateway.keyFor('acme');
      const marker = 'Summarise the Zanzibar-7781 memo';
      const response = await gateway.app.inject({
        method: 'POST',
        url: '/v1/runs?note=private-query-value',
        headers: { authorization: `Bearer ${key}`, 'x-api-key': key, cookie: 'session=cookie-value-1' },
        payload: { input: marker, metadata: { ticket: 'T-9' } },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'failed', error: { code: 'DAX_E_PROVIDER_UNAVAILABLE' } });
      expect(response.body).not.toContain(fakeSecret);
      expect(response.body).not.toContain('upstream exploded');

      const logs = gateway.logs();
      const lines = logs.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines.filter((entry) => entry.req !== undefined || entry.res !== undefined)) {
        expect(line.requestId).toBe(response.headers['x-request-id']);
      }
      for (const hidden of [fakeSecret, 'upstream exploded', 'Zanzibar', key, 'cookie-value-1', 'private-query-value']) {
        expect(logs).not.toContain(hidden);
      }
    } finally {
      await gateway.close();
    }
  });

  it('redacts credentials and inputs wherever a log call puts them, and reduces errors to type and code', () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const logger = createGatewayLogger({ level: 'info', stream });
    const upstream = Object.assign(new Error(`provider said ${fakeSecret}`), { code: 'E_UPSTREAM' });
    logger.info({ headers: { authorization: 'Bearer dax_k_s', 'x-api-key': 'dax_k_s' }, body: { input: 'my input' }, messages: ['hi'] }, 'one');
    logger.error({ err: upstream, request: { input: 'nested input' } }, 'two');
    expect(text).not.toContain('dax_k_s');
    expect(text).not.toContain('my input');
    expect(text).not.toContain('nested input');
    expect(text).not.toContain(fakeSecret);
    expect(text).toContain('"err":{"type":"Error","code":"E_UPSTREAM"}');
  });
});
