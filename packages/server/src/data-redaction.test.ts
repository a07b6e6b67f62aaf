import { describe, expect, it } from 'vitest';
import { startTestGateway } from './__fixtures__/test-gateway.js';

const email = 'dana.whitfield@example.org';
const secret = 'sk-proj-FAKEdax0123456789abcdefFAKE';

describe('redaction service in the gateway', () => {
  it('keeps a secret and an e-mail from an intent out of the log stream and out of error bodies', async () => {
    const gateway = await startTestGateway({
      script: { 'DA-5': { fault: 'http', status: 500, body: `{"error":"upstream echoed ${email} ${secret}"}` } },
    });
    try {
      const key = await gateway.keyFor('acme', ['caller', 'admin']);
      const headers = { authorization: `Bearer ${key}` };
      const intent = `Email the quarterly numbers to ${email} and rotate the key ${secret}`;

      const failed = await gateway.app.inject({ method: 'POST', url: '/v1/runs', headers, payload: { input: intent, subjectId: email } });
      expect(failed.statusCode).toBe(200);
      expect(failed.json()).toMatchObject({ status: 'failed', error: { code: 'DAX_E_PROVIDER_UNAVAILABLE' } });
      expect(JSON.stringify(failed.json().error)).not.toContain(email);

      // Field names are echoed in validation details: personal data in a key is redacted.
      const invalid = await gateway.app.inject({
        method: 'POST',
        url: '/v1/runs',
        headers,
        payload: { input: intent, metadata: { [email]: 5 } },
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.headers['content-type']).toContain('application/problem+json');
      const problem = invalid.json<{ code: string; detail: string }>();
      expect(problem.code).toBe('DAX_E_INPUT_INVALID');
      expect(problem.detail).toContain('[EMAIL_1]');
      for (const body of [invalid.body, failed.body]) expect(body).not.toContain(secret);
      expect(invalid.body).not.toContain(email);

      const tooLong = await gateway.app.inject({ method: 'GET', url: `/v1/dsr/export?subject=${'x'.repeat(300)}&${encodeURIComponent(email)}=1`, headers });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.body).not.toContain(email);

      // Anything that reaches a log call directly is redacted as well.
      gateway.app.log.warn({ note: `caller wrote ${email}`, nested: { detail: secret } }, `message naming ${email} and ${secret}`);

      const logs = gateway.logs();
      expect(logs.length).toBeGreaterThan(0);
      expect(logs).toContain('[EMAIL_1]');
      for (const hidden of [email, secret, 'quarterly numbers']) expect(logs).not.toContain(hidden);
    } finally {
      await gateway.close();
    }
  });
});
