import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../__fixtures__/test-gateway.js';

describe('OpenAPI document and docs page', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('serves an OpenAPI 3.1 document of the routes with their schemas, publicly', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown[] }>> }>();
    expect(document.openapi).toBe('3.1.0');
    for (const path of ['/v1/runs', '/v1/runs/{id}', '/v1/runs/{id}/events', '/v1/validate', '/dax/recursion', '/health', '/ready']) {
      expect(document.paths).toHaveProperty([path]);
    }
    expect(JSON.stringify(document.paths['/v1/runs']!.post!.requestBody)).toContain('includeReasons');
    expect(document.paths['/health']!.get!.security).toEqual([]);
  });

  it('serves the docs page without credentials', async () => {
    const response = await gateway.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
