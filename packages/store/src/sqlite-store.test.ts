import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DaxError } from '@dax/protocol';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KyselyRunStore } from './kysely-run-store.js';
import { openSqliteStore } from './open-sqlite-store.js';
import { describeRunStoreContract, rejection } from './run-store-contract.js';
import { sampleRunResult, sampleRunStart, sampleTraceEntry } from './sample-runs.js';
import { storeMigrations } from './store-migrations.js';


describeRunStoreContract('sqlite', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'dax-store-contract-'));
  const store = await openSqliteStore({ dataDir: directory });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});

describe('openSqliteStore', () => {
  let root: string;
  const opened: KyselyRunStore[] = [];

  async function open(dataDir: string, fileName?: string): Promise<KyselyRunStore> {
    const store = await openSqliteStore({ dataDir, ...(fileName === undefined ? {} : { fileName }) });
    opened.push(store);
    return store;
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dax-store-'));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await rm(root, { recursive: true, force: true });
  });

  it('creates a missing data directory private to the user, with a WAL database in it', async () => {
    const dataDir = join(root, 'nested', 'data');
    await open(dataDir);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);

    const inspector = new Database(join(dataDir, 'dax.db'), { readonly: true });
    try {
      expect(inspector.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = inspector
        .prepare("select name from sqlite_master where type = 'table' and name like 'run%' order by name")
        .pluck()
        .all();
      expect(tables).toEqual(expect.arrayContaining(['run_events', 'run_findings', 'run_layers', 'run_search', 'run_states', 'runs']));
    } finally {
      inspector.close();
    }
  });

  it('keeps runs, checkpoints and paused state across close and reopen', async () => {
    const first = await open(root);
    const result = sampleRunResult('run-durable', 'awaiting_approval');
    await first.startRun(sampleRunStart('run-durable'));
    await first.recordLayer('run-durable', 0, sampleTraceEntry(0));
    const stored = await first.finishRun(result, { version: 1, resumeAt: 'DA-6' });
    await first.startRun(sampleRunStart('run-unfinished'));
    await first.close();

    const second = await open(root);
    expect(await second.getRun('run-durable')).toStrictEqual({ ...result, evidenceIds: ['leaf:0'] });
    expect(stored.evidenceIds).toEqual(['leaf:0']);
    expect(await second.getPausedState('run-durable')).toStrictEqual({ version: 1, resumeAt: 'DA-6' });
    expect((await second.getRunStatus('run-unfinished'))?.status).toBe('running');

    await second.startRun(sampleRunStart('run-after-reopen'));
    await second.finishRun(sampleRunResult('run-after-reopen'));
    const page = await second.listRuns({ limit: 10 });
    expect(page.runs.map((run) => run.runId)).toEqual(['run-after-reopen', 'run-durable']);
  });

  it('applies each migration once, however often the store is reopened', async () => {
    const store = await open(root);
    await store.migrate();
    await store.close();
    await (await open(root)).close();

    const inspector = new Database(join(root, 'dax.db'), { readonly: true });
    try {
      expect(inspector.prepare('select name from kysely_migration').pluck().all()).toEqual(Object.keys(storeMigrations).sort());
    } finally {
      inspector.close();
    }
  });

  it('refuses a database migrated by a newer build with DAX_E_STORE_MIGRATION', async () => {
    await (await open(root)).close();
    const writer = new Database(join(root, 'dax.db'));
    writer
      .prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')")
      .run();
    writer.close();

    const error = await rejection(openSqliteStore({ dataDir: root }));
    expect(DaxError.isInstance(error) && error.code).toBe('DAX_E_STORE_MIGRATION');
  });

  it('reports driver failures as DAX_E_STORE_UNAVAILABLE without SQL or values in the message', async () => {
    const store = await open(root);
    await store.close();
    const error = await rejection(store.startRun(sampleRunStart('run-secret-value')));
    expect(DaxError.isInstance(error) && error.code).toBe('DAX_E_STORE_UNAVAILABLE');
    expect((error as Error).message).not.toMatch(/run-secret-value|insert|runs/i);
    expect((error as Error).cause).toBeDefined();
  });

  it('reports a checkpoint for an unknown run as DAX_E_STORE_UNAVAILABLE (foreign keys are enforced)', async () => {
    const store = await open(root);
    const error = await rejection(store.recordLayer('run-unknown', 0, sampleTraceEntry(0)));
    expect(DaxError.isInstance(error) && error.code).toBe('DAX_E_STORE_UNAVAILABLE');
    expect((error as Error).message).not.toContain('run-unknown');
  });

  it('overwrites a repeated checkpoint instead of adding a row', async () => {
    const store = await open(root);
    await store.startRun(sampleRunStart('run-1'));
    await store.recordLayer('run-1', 0, sampleTraceEntry(0));
    await store.recordLayer('run-1', 0, { ...sampleTraceEntry(0), output: 'second pass', status: 'rolled_back' });
    await store.recordLayer('run-1', 1, sampleTraceEntry(1));
    expect((await store.getRunStatus('run-1'))?.layersRecorded).toBe(2);

    const inspector = new Database(join(root, 'dax.db'), { readonly: true });
    try {
      const row = inspector
        .prepare('select status, entry_json from run_layers where run_id = ? and layer_index = 0')
        .get('run-1') as { status: string; entry_json: string };
      expect(row.status).toBe('rolled_back');
      expect(JSON.parse(row.entry_json)).toMatchObject({ output: 'second pass' });
    } finally {
      inspector.close();
    }
  });

  it('writes searchable findings once per run, replacing them when a paused run finishes', async () => {
    const store = await open(root);
    await store.startRun(sampleRunStart('run-1'));
    await store.finishRun(sampleRunResult('run-1', 'awaiting_approval'), { version: 1 });
    const final = { ...sampleRunResult('run-1'), findings: sampleRunResult('run-1').findings.slice(0, 2) };
    await store.finishRun(final);

    const inspector = new Database(join(root, 'dax.db'), { readonly: true });
    try {
      const rows = inspector
        .prepare(
          'select layer, guard, kind, severity, rule_id from run_findings where run_id = ? order by finding_index',
        )
        .all('run-1');
      expect(rows).toEqual([
        { layer: 'DA-13', guard: 'pii', kind: 'EMAIL', severity: 'medium', rule_id: 'pii.email' },
        { layer: 'DA-12', guard: 'pii', kind: 'EMAIL', severity: 'medium', rule_id: 'pii.email' },
      ]);
    } finally {
      inspector.close();
    }
  });

  it('reports the status of a running, paused and finished run, scoped by tenant', async () => {
    const store = await open(root);
    await store.startRun(sampleRunStart('run-1'));
    await store.recordLayer('run-1', 0, sampleTraceEntry(0));
    expect(await store.getRunStatus('run-1')).toStrictEqual({
      runId: 'run-1',
      tenant: 'tenant-a',
      domain: 'finance',
      status: 'running',
      startedAt: '2025-01-02T03:04:05.678Z',
      layersRecorded: 1,
    });

    const paused = sampleRunResult('run-1', 'awaiting_approval');
    await store.finishRun(paused, { version: 1 });
    const pausedStatus = await store.getRunStatus('run-1', 'tenant-a');
    expect(pausedStatus?.status).toBe('awaiting_approval');
    expect(pausedStatus?.pausedAt).toBe(paused.pausedAt);
    expect(pausedStatus?.finishedAt).toBeUndefined();

    await store.finishRun(sampleRunResult('run-1'));
    const finished = await store.getRunStatus('run-1');
    expect(finished?.status).toBe('approved');
    expect(Number.isNaN(Date.parse(finished?.finishedAt ?? ''))).toBe(false);

    expect(await store.getRunStatus('run-1', 'tenant-b')).toBeUndefined();
    expect(await store.getRunStatus('run-unknown')).toBeUndefined();
  });

  it('fails closed on a stored result that no longer matches the schema', async () => {
    const store = await open(root);
    await store.startRun(sampleRunStart('run-1'));
    await store.finishRun(sampleRunResult('run-1'));
    const writer = new Database(join(root, 'dax.db'));
    writer.prepare('update runs set result_json = \'{"runId":"run-1"}\' where run_id = \'run-1\'').run();
    writer.close();

    const error = await rejection(store.getRun('run-1'));
    expect(DaxError.isInstance(error) && error.code).toBe('DAX_E_STORE_UNAVAILABLE');
    expect(DaxError.isInstance(error) && error.retryable).toBe(false);
  });

  it('uses the given file name and refuses one with directories in it', async () => {
    await open(root, 'other.db');
    expect((await stat(join(root, 'other.db'))).isFile()).toBe(true);
    const error = await rejection(openSqliteStore({ dataDir: root, fileName: '../escape.db' }));
    expect(DaxError.isInstance(error) && error.code).toBe('DAX_E_USAGE');
  });

  it('reports an unusable data directory as DAX_E_STORE_UNAVAILABLE', async () => {
    const blocker = join(root, 'file');
    await writeFile(blocker, 'not a directory');
    const error = await rejection(openSqliteStore({ dataDir: join(blocker, 'data') }));
    expect(DaxError.isInstance(error) && error.code).toBe('DAX_E_STORE_UNAVAILABLE');
  });
});
