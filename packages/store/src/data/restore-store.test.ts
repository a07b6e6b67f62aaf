import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DaxError } from '@dax/protocol';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyStoreFor } from '../kysely-api-key-store.js';
import { runEventsStoreFor } from '../kysely-run-events-store.js';
import type { KyselyRunStore } from '../kysely-run-store.js';
import { openSqliteStore } from '../open-sqlite-store.js';
import { rejection } from '../run-store-contract.js';
import { databaseBytes, storeRun, subjectSecretText } from './__fixtures__/subject-runs.js';
import type { BackupFile } from './backup-format.js';
import { backupStore } from './backup-store.js';
import { eraseSubject } from './erase-subject.js';
import { erasureLedgerPath, readErasureLedgerFile } from './erasure-ledger-file.js';
import { createBackupSigner, loadBackupSigner } from './load-backup-signer.js';
import { restoreStore } from './restore-store.js';
import { countDataRows, listStoreTables } from './store-tables.js';
import { verifyEvidenceLog } from '../verify-evidence-log.js';

async function wipe(dataDir: string): Promise<void> {
  for (const name of ['dax.db', 'dax.db-wal', 'dax.db-shm']) await rm(join(dataDir, name), { force: true });
}

async function rowCounts(store: KyselyRunStore): Promise<Record<string, number>> {
  const database = store.database as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const counts: Record<string, number> = {};
  for (const name of await listStoreTables(database as unknown as Kysely<unknown>)) {
    counts[name] = await countDataRows(database, name);
  }
  return counts;
}

describe('backupStore and restoreStore', () => {
  let dataDir: string;
  const open: KyselyRunStore[] = [];
  const openStore = async (): Promise<KyselyRunStore> => {
    const store = await openSqliteStore({ dataDir, env: {} });
    open.push(store);
    return store;
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dax-backup-'));
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function populate(store: KyselyRunStore): Promise<void> {
    await storeRun(store, 'run-1', { subjectId: 'subject-1', text: subjectSecretText });
    await storeRun(store, 'run-2', { text: 'Plain run about invoices' });
    await apiKeyStoreFor(store).insertKey({ keyId: 'key-1', keyHash: 'sha256:abc', tenant: 'tenant-a', roles: ['admin'], name: 'bootstrap', createdAt: '2025-01-02T03:04:05.678Z' });
  }

  it('round-trips every table: backup, wipe, restore gives the same rows and readable runs', async () => {
    const signer = loadBackupSigner(dataDir);
    const first = await openStore();
    await populate(first);
    const before = { run1: await first.getRun('run-1'), run2: await first.getRun('run-2') };
    const backup = await backupStore(first, signer);
    const manifest = JSON.parse(backup.manifest) as { tables: { name: string; rows: number }[] };
    expect(manifest.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['runs', 'run_layers', 'run_events', 'subject_keys', 'api_keys', 'erasure_ledger']));
    expect(manifest.tables.findIndex((table) => table.name === 'runs')).toBeLessThan(manifest.tables.findIndex((table) => table.name === 'run_layers'));
    expect(JSON.stringify(backup).includes(subjectSecretText)).toBe(false);
    const counts = await rowCounts(first);
    await first.close();

    await wipe(dataDir);
    const second = await openStore();
    expect(Object.values(await rowCounts(second)).every((count) => count === 0)).toBe(true);
    const report = await restoreStore(second, JSON.stringify(backup), { trustedPublicKeysPem: [signer.publicKeyPem] });
    expect(report.reErasedRuns).toBe(0);
    expect(await rowCounts(second)).toEqual(counts);
    expect(await second.getRun('run-1')).toEqual(before.run1);
    expect(await second.getRun('run-2')).toEqual(before.run2);
    expect(await runEventsStoreFor(second).listEvents('run-1', 'tenant-a')).toHaveLength(2);
    // The evidence log and every run's envelope verify after the restore.
    expect(await verifyEvidenceLog(second.evidence)).toMatchObject({ ok: true, problems: [] });
    expect(await second.verifyRunEvidence('run-1')).toMatchObject({ ok: true, problems: [] });
    expect(await second.verifyRunEvidence('run-2')).toMatchObject({ ok: true, problems: [] });

    const again = await backupStore(second, signer);
    expect(again.sections).toEqual(backup.sections);
  });

  it('refuses a corrupted backup, an untrusted signer and a non-empty store, writing nothing', async () => {
    const signer = loadBackupSigner(dataDir);
    const first = await openStore();
    await populate(first);
    const backup = await backupStore(first, signer);
    await first.close();
    await wipe(dataDir);
    const target = await openStore();

    const runs = backup.sections.runs ?? '';
    const flipped: BackupFile = { ...backup, sections: { ...backup.sections, runs: runs.replace('tenant-a', 'tenant-b') } };
    const corrupt = await rejection(restoreStore(target, JSON.stringify(flipped), { trustedPublicKeysPem: [signer.publicKeyPem] }));
    expect(DaxError.isInstance(corrupt) && corrupt.code).toBe('DAX_E_BACKUP_CORRUPT');

    const truncated = JSON.stringify(backup).slice(0, 500);
    const broken = await rejection(restoreStore(target, truncated, { trustedPublicKeysPem: [signer.publicKeyPem] }));
    expect(DaxError.isInstance(broken) && broken.code).toBe('DAX_E_BACKUP_CORRUPT');

    const stranger = createBackupSigner(generateKeyPairSync('ed25519').privateKey);
    const untrusted = await rejection(restoreStore(target, JSON.stringify(backup), { trustedPublicKeysPem: [stranger.publicKeyPem] }));
    expect(DaxError.isInstance(untrusted) && untrusted.code).toBe('DAX_E_BACKUP_SIGNATURE');

    const forged = await backupStore(target, stranger);
    const resigned: BackupFile = { ...backup, signature: forged.signature };
    const badSignature = await rejection(restoreStore(target, JSON.stringify(resigned), { trustedPublicKeysPem: [signer.publicKeyPem] }));
    expect(DaxError.isInstance(badSignature) && badSignature.code).toBe('DAX_E_BACKUP_SIGNATURE');

    expect(Object.values(await rowCounts(target)).every((count) => count === 0)).toBe(true);

    await storeRun(target, 'run-existing', { text: 'already here' });
    const notEmpty = await rejection(restoreStore(target, JSON.stringify(backup), { trustedPublicKeysPem: [signer.publicKeyPem] }));
    expect(DaxError.isInstance(notEmpty) && notEmpty.code).toBe('DAX_E_RESTORE_NOT_EMPTY');
    expect(await target.getRun('run-1')).toBeUndefined();
  });

  it('does not bring an erased subject back when a backup from before the erasure is restored', async () => {
    const signer = loadBackupSigner(dataDir);
    const first = await openStore();
    await populate(first);
    const backup = await backupStore(first, signer);
    await eraseSubject(first, { tenant: 'tenant-a', subjectId: 'subject-1', dataDir });
    await first.close();

    await wipe(dataDir);
    const restored = await openStore();
    const report = await restoreStore(restored, JSON.stringify(backup), {
      trustedPublicKeysPem: [signer.publicKeyPem],
      erasures: readErasureLedgerFile(erasureLedgerPath(dataDir)),
    });
    expect(report.reErasedRuns).toBe(1);
    const run = await restored.getRun('run-1');
    expect(run).toMatchObject({ runId: 'run-1', status: 'approved', output: '[removed: erasure]' });
    expect((await restored.getRun('run-2'))?.output).toBe('Final: Plain run about invoices');
    const bytes = databaseBytes(dataDir);
    expect(bytes.includes(subjectSecretText)).toBe(false);
    expect(bytes.includes('subject-1')).toBe(false);
    const ledger = await restored.database.withTables<{ erasure_ledger: { subject_hash: string } }>().selectFrom('erasure_ledger').selectAll().execute();
    expect(ledger).toHaveLength(1);
  });
});
