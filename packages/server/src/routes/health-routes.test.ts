import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../__fixtures__/test-gateway.js';

describe('health and readiness', () => {
  it('answers /health and /ready without credentials', async () => {
    const gateway = await startTestGateway();
    try {
      expect((await gateway.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
      const ready = await gateway.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', checks: { config: 'ok', store: 'ok' } });
    } finally {
      await gateway.close();
    }
  });

  it('is not ready when the store cannot be reached', async () => {
    const gateway = await startTestGateway();
    try {
      await gateway.store.close();
      const ready = await gateway.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ code: 'DAX_E_NOT_READY', detail: 'The run store is not reachable.' });
      expect((await gateway.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await gateway.app.close();
    }
  });
});
