import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './sign-webhook.js';

const secret = 'whsec-0123456789abcdef';
const body = '{"type":"gate.opened","gate":{"gateId":"gate_1"}}';

describe('webhook signatures', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>", as openssl computes it', () => {
    const expected = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret, '-r'], { input: `1772442000.${body}` }).toString().split(' ')[0];
    expect(signWebhook(secret, '1772442000', body)).toBe(`v1=${expected}`);
  });

  it('verifies a fresh signature and refuses a changed body, another secret or an old timestamp', () => {
    const signature = signWebhook(secret, '1772442000', body);
    expect(verifyWebhook(secret, { timestamp: '1772442000', signature, body }, 1772442010)).toBe(true);
    expect(verifyWebhook(secret, { timestamp: '1772442000', signature, body: body.replace('opened', 'approved') }, 1772442010)).toBe(false);
    expect(verifyWebhook('whsec-another-secret-0000', { timestamp: '1772442000', signature, body }, 1772442010)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: '1772442000', signature, body }, 1772442000 + 301)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: 'soon', signature, body }, 1772442000)).toBe(false);
  });
});
