import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';

describe('security headers and CORS', () => {
  let open: TestGateway;
  let closed: TestGateway;

  beforeAll(async () => {
    open = await startTestGateway({ listen: true, config: { corsOrigins: ['https://console.example.com'] } });
    closed = await startTestGateway({ listen: true });
  });
  afterAll(async () => {
    await open.close();
    await closed.close();
  });

  it('sets security headers on every response, errors included', async () => {
    for (const path of ['/health', '/v1/runs']) {
      const response = await fetch(`${open.baseUrl}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('x-request-id')).not.toBeNull();
    }
  });

  it('allows a configured origin, with a preflight that needs no credentials', async () => {
    const simple = await fetch(`${open.baseUrl}/health`, { headers: { origin: 'https://console.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    expect(simple.headers.get('access-control-expose-headers')).toContain('x-request-id');
    const preflight = await fetch(`${open.baseUrl}/v1/runs`, {
      method: 'OPTIONS',
      headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('gives a disallowed origin no allow header', async () => {
    const response = await fetch(`${open.baseUrl}/health`, { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${open.baseUrl}/v1/runs`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS header at all when no origin is configured', async () => {
    const response = await fetch(`${closed.baseUrl}/health`, { headers: { origin: 'https://console.example.com' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
