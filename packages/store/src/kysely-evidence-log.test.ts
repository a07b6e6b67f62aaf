import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519Signer, generateEd25519PrivateKeyPem, Keyring, type Signer } from '@dax/evidence';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ephemeralEvidenceSettings, type EvidenceSettings } from './evidence-settings.js';
import { KyselyRunStore } from './kysely-run-store.js';
import { openMemoryStore, openSqliteStore } from './open-sqlite-store.js';
import { runEvidenceBundle } from './run-evidence-bundle.js';
import { sampleRunResult, sampleRunStart } from './sample-runs.js';
import type { StoreDatabase } from './store-database.js';
import { verifyEvidenceLog } from './verify-evidence-log.js';

let root: string;
const opened: KyselyRunStore[] = [];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dax-evidence-log-'));
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await rm(root, { recursive: true, force: true });
});

async function open(): Promise<KyselyRunStore> {
  const store = await openSqliteStore({ dataDir: root, env: {} });
  opened.push(store);
  return store;
}

async function finishRuns(store: KyselyRunStore, ids: readonly string[]): Promise<void> {
  for (const runId of ids) {
    await store.startRun(sampleRunStart(runId));
    await store.finishRun(sampleRunResult(runId));
  }
}

/** Runs SQL on the database file behind the store's back, as an attacker with file access would. */
function tamper(sql: string, ...values: unknown[]): void {
  const database = new Database(join(root, 'dax.db'));
  try {
    database.prepare(sql).run(...values);
  } finally {
    database.close();
  }
}

function flipByte(text: string, at: number): string {
  const code = text.charCodeAt(at);
  return `${text.slice(0, at)}${String.fromCharCode(code === 0x41 ? 0x42 : 0x41)}${text.slice(at + 1)}`;
}

describe('evidence log in the store', () => {
  it('appends exactly one envelope per finished or paused state, idempotent on a retried finish', async () => {
    const store = await open();
    await store.startRun(sampleRunStart('run-gate'));
    const paused = await store.finishRun(sampleRunResult('run-gate', 'awaiting_approval'));
    const pausedAgain = await store.finishRun(sampleRunResult('run-gate', 'awaiting_approval'));
    expect(paused.evidenceIds).toEqual(['leaf:0']);
    expect(pausedAgain.evidenceIds).toEqual(['leaf:0']);
    const approved = await store.finishRun({
      ...sampleRunResult('run-gate', 'approved'),
      approvals: [{ gateId: 'gate-1', approver: 'key:ops', decision: 'approved', at: '2025-01-02T04:00:00.000Z' }],
    });
    expect(approved.evidenceIds).toEqual(['leaf:0', 'leaf:1']);
    expect((await store.getRun('run-gate'))?.evidenceIds).toEqual(['leaf:0', 'leaf:1']);

    const report = await store.verifyRunEvidence('run-gate');
    expect(report.ok).toBe(true);
    expect(report.envelopes.map((envelope) => [envelope.revision, envelope.matchesStoredRun])).toEqual([
      ['awaiting_approval:0', undefined],
      ['approved:1', true],
    ]);
    const log = await verifyEvidenceLog(store.evidence);
    expect(log).toMatchObject({ ok: true, treeSize: 2, checkpointsChecked: 2, problems: [] });
  });

  it('scopes a run evidence by tenant', async () => {
    const store = await open();
    await finishRuns(store, ['run-a']);
    await expect(store.verifyRunEvidence('run-a', 'tenant-b')).rejects.toMatchObject({ code: 'DAX_E_EVIDENCE_NOT_FOUND' });
    await expect(runEvidenceBundle(store.evidence, 'run-a', 'tenant-b')).rejects.toMatchObject({ code: 'DAX_E_EVIDENCE_NOT_FOUND' });
    expect((await runEvidenceBundle(store.evidence, 'run-a', 'tenant-a')).evidenceId).toBe('leaf:0');
  });

  it('detects a stored result that no longer matches its statement', async () => {
    const store = await open();
    await finishRuns(store, ['run-1']);
    const stored = (await store.getRun('run-1'))!;
    tamper('update runs set result_json = ? where run_id = ?', JSON.stringify({ ...stored, policy: { decision: 'allow', ruleIds: [] } }), 'run-1');
    const report = await store.verifyRunEvidence('run-1');
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/statement does not match the stored run/);
  });

  it('never forks the log when many runs finish at once', async () => {
    const first = await open();
    const ids = Array.from({ length: 24 }, (_, index) => `run-${index}`);
    await Promise.all(
      ids.map(async (runId) => {
        const store = first;
        await store.startRun(sampleRunStart(runId));
        await store.finishRun(sampleRunResult(runId));
      }),
    );
    const report = await verifyEvidenceLog(first.evidence);
    expect(report).toMatchObject({ ok: true, treeSize: 24, checkpointsChecked: 24 });
    expect(report.consistencyProofsChecked).toBeGreaterThan(0);
  });

  it.each([
    ['an envelope', (runId: string) => {
      const database = new Database(join(root, 'dax.db'), { readonly: true });
      const row = database.prepare('select envelope_json from evidence_leaves where run_id = ?').get(runId) as { envelope_json: string };
      database.close();
      tamper('update evidence_leaves set envelope_json = ? where run_id = ?', flipByte(row.envelope_json, 40), runId);
    }],
    ['a leaf hash', (runId: string) => {
      tamper("update evidence_leaves set leaf_hash = substr(leaf_hash, 1, 10) || (case when substr(leaf_hash, 11, 1) = 'a' then 'b' else 'a' end) || substr(leaf_hash, 12) where run_id = ?", runId);
    }],
    ['a checkpoint', (runId: string) => {
      const database = new Database(join(root, 'dax.db'), { readonly: true });
      const leaf = database.prepare('select leaf_index from evidence_leaves where run_id = ?').get(runId) as { leaf_index: number };
      const row = database.prepare('select note from evidence_checkpoints where tree_size = ?').get(leaf.leaf_index + 1) as { note: string };
      database.close();
      tamper('update evidence_checkpoints set note = ? where tree_size = ?', flipByte(row.note, row.note.indexOf('\n') + 5), leaf.leaf_index + 1);
    }],
  ])('fails verification naming the run when one byte of %s changes', async (_what, change) => {
    const store = await open();
    await finishRuns(store, ['run-0', 'run-1', 'run-victim', 'run-3', 'run-4']);
    expect((await verifyEvidenceLog(store.evidence)).ok).toBe(true);
    change('run-victim');
    const report = await verifyEvidenceLog(store.evidence);
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(new Set(report.problems.map((problem) => problem.runId))).toEqual(new Set(['run-victim']));
  });

  it('proves a kept checkpoint is a prefix of the grown log, and catches a log rewritten with the same key', async () => {
    const settings = ephemeralEvidenceSettings();
    const honest = await openMemoryStore({ evidence: settings });
    const rewritten = await openMemoryStore({ evidence: settings });
    opened.push(honest, rewritten);
    await finishRuns(honest, ['run-0', 'run-1', 'run-2']);
    const kept = (await honest.evidence.latestCheckpoint())!.note;
    await finishRuns(honest, ['run-3', 'run-4']);
    const grown = await verifyEvidenceLog(honest.evidence, { knownCheckpoint: kept });
    expect(grown).toMatchObject({ ok: true, treeSize: 5 });

    // Same key, same run ids, one different decision: a self-consistent log that is not the one the auditor saw.
    await rewritten.startRun(sampleRunStart('run-0'));
    await rewritten.finishRun({ ...sampleRunResult('run-0'), policy: { decision: 'allow', ruleIds: [] } });
    await finishRuns(rewritten, ['run-1', 'run-2', 'run-3', 'run-4']);
    expect((await verifyEvidenceLog(rewritten.evidence)).ok).toBe(true);
    const caught = await verifyEvidenceLog(rewritten.evidence, { knownCheckpoint: kept });
    expect(caught.ok).toBe(false);
    expect(caught.problems[0]?.message).toMatch(/kept checkpoint 3 is not a prefix of this log/);
  });

  it('stores the run failed with DAX_E_EVIDENCE_SIGNING_FAILED, and no evidence, when signing fails', async () => {
    const good = ed25519Signer(generateEd25519PrivateKeyPem());
    const broken: Signer = { ...good, sign: () => Promise.reject(new Error('signing service down')) };
    const settings: EvidenceSettings = { signer: broken, keyring: new Keyring([good.publicKeyPem]), origin: 'test/log' };
    const store = await openMemoryStore({ evidence: settings });
    opened.push(store);
    await store.startRun(sampleRunStart('run-unsigned'));
    const stored = await store.finishRun(sampleRunResult('run-unsigned', 'approved'), undefined);
    expect(stored).toMatchObject({ status: 'failed', output: '', evidenceIds: [], error: { code: 'DAX_E_EVIDENCE_SIGNING_FAILED' } });
    expect(await store.getRun('run-unsigned')).toStrictEqual(stored);
    expect(await store.evidence.runLeaves('run-unsigned')).toEqual([]);
    expect((await store.evidence.head()).treeSize).toBe(0);
  });

  it('keeps raw texts, e-mail addresses and secrets out of the statement and envelope', async () => {
    const store = await open();
    const secret = 'AKIAIOSFODNN7EXAMPLE';
    const email = 'jane.doe@example.com';
    const base = sampleRunResult('run-private');
    await store.startRun(sampleRunStart('run-private'));
    await store.finishRun({
      ...base,
      output: `Pay ${email} using ${secret}`,
      trace: base.trace.map((entry) => ({ ...entry, output: `${entry.output} ${email}`, reason: `because ${secret}` })),
      risk: { ...base.risk, reasons: [`mail to ${email}`] },
      approvals: [{ gateId: 'g', approver: email, decision: 'approved', at: base.startedAt, comment: secret }],
    });
    const bundle = await runEvidenceBundle(store.evidence, 'run-private');
    const everything = [bundle.envelopeJson, JSON.stringify(bundle.statement), bundle.pae.toString('utf8'), bundle.checkpoint.note].join('\n');
    expect(everything).not.toContain(email);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('jane.doe');
    expect(bundle.statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://dax.dev/evidence/run-decision/v1',
      subject: [{ name: 'dax-run:run-private' }],
    });
  });
});

const postgresUrl = process.env.DAX_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('evidence log on Postgres', () => {
  it('serialises appends from two connection pools into one consistent log', async () => {
    // A database of its own: other suites may hold migration tables in the shared database's public schema.
    const database = `dax_evidence_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    try {
      await admin.connect();
    } catch {
      console.warn('Postgres is not reachable; skipping the Postgres evidence test.');
      return;
    }
    await admin.query(`create database ${database}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    const evidence: EvidenceSettings = ephemeralEvidenceSettings();
    const stores = [0, 1].map(
      () =>
        new KyselyRunStore(
          new Kysely<StoreDatabase>({
            dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 4 }) }),
          }),
          { evidence },
        ),
    );
    try {
      await stores[0]!.migrate();
      const ids = Array.from({ length: 16 }, (_, index) => `pg-run-${index}`);
      for (const runId of ids) await stores[0]!.startRun(sampleRunStart(runId));
      await Promise.all(ids.map((runId, index) => stores[index % 2]!.finishRun(sampleRunResult(runId))));
      const report = await verifyEvidenceLog(stores[1]!.evidence);
      expect(report).toMatchObject({ ok: true, treeSize: 16, checkpointsChecked: 16 });
      expect((await stores[0]!.verifyRunEvidence('pg-run-7')).ok).toBe(true);
    } finally {
      for (const store of stores) await store.close();
      await admin.query(`drop database ${database}`);
      await admin.end();
    }
  });
});
