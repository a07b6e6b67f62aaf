import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataClass } from '@dax/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEventsStoreFor } from '../kysely-run-events-store.js';
import type { KyselyRunStore } from '../kysely-run-store.js';
import { openSqliteStore } from '../open-sqlite-store.js';
import { databaseBytes, storeRun } from './__fixtures__/subject-runs.js';
import { applyRetention, retentionLeaseName } from './apply-retention.js';
import { claimLease } from './claim-lease.js';
import type { DataHandlingDatabase } from './data-handling-database.js';
import { defaultRetentionPolicy } from './retention-policy.js';

const classOf = (layer: string): DataClass =>
  layer === 'DA-X' ? 'internal' : Number(layer.slice(3)) >= 8 ? 'restricted' : 'confidential';

describe('applyRetention', () => {
  let dataDir: string;
  let store: KyselyRunStore;
  const now = new Date('2025-03-01T00:00:00.000Z');

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dax-retention-'));
    store = await openSqliteStore({ dataDir, env: {} });
    // 58 days old: restricted (30 d) expired, confidential (90 d) not.
    await storeRun(store, 'run-old', { text: 'Orvieto aqueduct memo', startedAt: '2025-01-02T00:00:00.000Z' });
    await storeRun(store, 'run-old-subject', { subjectId: 'person-9', text: 'Orvieto aqueduct memo', startedAt: '2025-01-03T00:00:00.000Z' });
    await storeRun(store, 'run-new', { text: 'Fresh note', startedAt: '2025-02-27T00:00:00.000Z' });
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('removes expired texts by data class, keeps metadata, records tombstones and counts in a dry run first', async () => {
    const dry = await applyRetention(store, { policy: defaultRetentionPolicy, classOf, now, dryRun: true });
    expect(dry).toEqual({ claimed: true, dryRun: true, runsByClass: { restricted: 2, confidential: 0, internal: 0, public: 0 } });
    expect((await store.getRun('run-old'))?.trace[0]?.output).toBe('DA-13: Orvieto aqueduct memo');

    const report = await applyRetention(store, { policy: defaultRetentionPolicy, classOf, now });
    expect(report.runsByClass).toEqual({ restricted: 2, confidential: 0, internal: 0, public: 0 });
    for (const runId of ['run-old', 'run-old-subject']) {
      const run = await store.getRun(runId);
      expect(run?.status).toBe('approved');
      expect(run?.trace.find((entry) => entry.layer === 'DA-13')?.output).toBe('[removed: retention]');
      expect(run?.trace.find((entry) => entry.layer === 'DA-8')?.reason).toBe('[removed: retention]');
      expect(run?.trace.find((entry) => entry.layer === 'DA-1')?.output).toBe('DA-1: Orvieto aqueduct memo');
      expect(run?.output).toBe('Final: Orvieto aqueduct memo');
    }
    expect((await store.getRun('run-new'))?.trace[0]?.output).toBe('DA-13: Fresh note');
    const events = await runEventsStoreFor(store).listEvents('run-old', 'tenant-a');
    const end = events.at(-1);
    expect(end?.type === 'run-end' ? end.result.trace[0]?.output : undefined).toBe('[removed: retention]');
    expect(databaseBytes(dataDir).includes('DA-13: Orvieto aqueduct memo')).toBe(false);

    const tombstones = await store.database.withTables<DataHandlingDatabase>().selectFrom('text_tombstones').selectAll().orderBy('run_id').execute();
    expect(tombstones.map((row) => [row.run_id, row.scope])).toEqual([
      ['run-old', 'retention:restricted'],
      ['run-old-subject', 'retention:restricted'],
    ]);
    expect(JSON.parse(tombstones[0]?.fields_json ?? '[]')).toContain('trace.0.output');

    // Once removed, a run is not swept again; later the confidential period ends too.
    expect((await applyRetention(store, { policy: defaultRetentionPolicy, classOf, now })).runsByClass.restricted).toBe(0);
    const later = await applyRetention(store, { policy: defaultRetentionPolicy, classOf, now: new Date('2025-04-15T00:00:00.000Z') });
    expect(later.runsByClass).toEqual({ restricted: 1, confidential: 2, internal: 0, public: 0 });
    expect((await store.getRun('run-old'))?.output).toBe('[removed: retention]');
  });

  it('does nothing while another process holds the sweep lease', async () => {
    const database = store.database.withTables<DataHandlingDatabase>();
    expect(await claimLease(database, { name: retentionLeaseName, holder: 'replica-b', now: now.toISOString(), expiresAt: '2025-03-01T00:05:00.000Z' })).toBe(true);
    const report = await applyRetention(store, { policy: defaultRetentionPolicy, classOf, now, holder: 'replica-a' });
    expect(report.claimed).toBe(false);
    expect((await store.getRun('run-old'))?.trace[0]?.output).toBe('DA-13: Orvieto aqueduct memo');
    // An expired lease is taken over.
    const afterExpiry = await applyRetention(store, { policy: defaultRetentionPolicy, classOf, now: new Date('2025-03-01T00:06:00.000Z'), holder: 'replica-a' });
    expect(afterExpiry.claimed).toBe(true);
    expect(afterExpiry.runsByClass.restricted).toBe(2);
  });
});
