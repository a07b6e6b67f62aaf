import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openSqliteStore } from '@dax/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../api-key-create.js';
import { createGateway } from '../create-gateway.js';
import { parseGatewayConfig } from '../gateway-config.js';

function databaseBytes(dataDir: string): Buffer {
  return Buffer.concat(['dax.db', 'dax.db-wal'].map((name) => join(dataDir, name)).filter(existsSync).map((path) => readFileSync(path)));
}

describe('DSR routes', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dax-dsr-routes-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exports a subject and erases them for admins only; the texts are gone from the database file', async () => {
    const store = await openSqliteStore({ dataDir, env: {} });
    const app = await createGateway({ config: parseGatewayConfig({ dataDir }), store, logStream: new PassThrough() });
    try {
      const admin = (await createApiKey(store, { tenant: 'acme', roles: ['admin'] })).key;
      const caller = (await createApiKey(store, { tenant: 'acme', roles: ['caller'] })).key;
      const marker = 'Bartholomew Quince-Adeyemi';
      const run = await app.inject({
        method: 'POST',
        url: '/v1/runs',
        headers: { authorization: `Bearer ${caller}` },
        payload: { input: `Draft a thank-you note to ${marker} for the Q3 report`, subjectId: 'customer-4711' },
      });
      expect(run.statusCode).toBe(200);
      const runId = run.json<{ runId: string }>().runId;
      expect(JSON.stringify(run.json())).toContain(marker);
      expect(databaseBytes(dataDir).includes(marker)).toBe(false);

      const forbidden = await app.inject({ method: 'POST', url: '/v1/dsr/erase', headers: { authorization: `Bearer ${caller}` }, payload: { subjectId: 'customer-4711' } });
      expect(forbidden.statusCode).toBe(403);

      const exported = await app.inject({ method: 'GET', url: '/v1/dsr/export?subject=customer-4711', headers: { authorization: `Bearer ${admin}` } });
      expect(exported.statusCode).toBe(200);
      expect(exported.json()).toMatchObject({ tenant: 'acme', subjectId: 'customer-4711', runs: [{ runId }] });
      expect(exported.body).toContain(marker);

      const erased = await app.inject({ method: 'POST', url: '/v1/dsr/erase', headers: { authorization: `Bearer ${admin}` }, payload: { subjectId: 'customer-4711' } });
      expect(erased.statusCode).toBe(200);
      expect(erased.json()).toMatchObject({ runIds: [runId] });

      const after = await app.inject({ method: 'GET', url: `/v1/runs/${runId}`, headers: { authorization: `Bearer ${caller}` } });
      expect(after.statusCode).toBe(200);
      expect(after.json()).toMatchObject({ runId, output: '[removed: erasure]' });
      expect(after.body).not.toContain(marker);
      const events = await app.inject({ method: 'GET', url: `/v1/runs/${runId}/events`, headers: { authorization: `Bearer ${caller}` } });
      expect(events.body).not.toContain(marker);
      expect(databaseBytes(dataDir).includes(marker)).toBe(false);
      expect(databaseBytes(dataDir).includes('customer-4711')).toBe(false);
      expect(readFileSync(join(dataDir, 'erasure-ledger.jsonl'), 'utf8')).toContain(erased.json<{ subjectHash: string }>().subjectHash);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
