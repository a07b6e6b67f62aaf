import { randomBytes } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';
import { DaxError } from '@dax/protocol';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyRunStore } from '../kysely-run-store.js';
import { rejection } from '../run-store-contract.js';
import type { StoreDatabase } from '../store-database.js';
import { storeMigrationProvider } from '../store-migrations.js';
import { storeRun, subjectSecretText } from './__fixtures__/subject-runs.js';
import { applyRetention } from './apply-retention.js';
import type { BackupFile } from './backup-format.js';
import { backupStore } from './backup-store.js';
import { eraseSubject } from './erase-subject.js';
import { exportSubject } from './export-subject.js';
import { createBackupSigner } from './load-backup-signer.js';
import { createLocalKeyWrapper } from './local-key-wrapper.js';
import { defaultRetentionPolicy } from './retention-policy.js';
import { restoreStore } from './restore-store.js';

const url = process.env.DAX_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const masterKey = randomBytes(32);

/** A store in its own Postgres schema, so parallel test runs never meet. */
async function openSchemaStore(schema: string): Promise<KyselyRunStore> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  await admin.end();
  const database = new Kysely<StoreDatabase>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` }) }),
  });
  // Kysely's migrator finds its tables by name in any schema: name this one explicitly.
  const outcome = await new Migrator({ db: database, provider: storeMigrationProvider, migrationTableSchema: schema }).migrateToLatest();
  if (outcome.error !== undefined) throw new Error('The store migrations failed on Postgres.', { cause: outcome.error });
  return new KyselyRunStore(database, { keyWrapper: createLocalKeyWrapper(masterKey) });
}

async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}

describe('data handling on Postgres', () => {
  const suffix = randomBytes(4).toString('hex');
  const sourceSchema = `dax_data_source_${suffix}`;
  const targetSchema = `dax_data_target_${suffix}`;
  let source: KyselyRunStore;
  let target: KyselyRunStore;

  beforeAll(async () => {
    source = await openSchemaStore(sourceSchema);
    target = await openSchemaStore(targetSchema);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    await dropSchema(sourceSchema);
    await dropSchema(targetSchema);
  });

  it('encrypts, exports, backs up, erases, restores without resurrecting the subject, and sweeps', async () => {
    await storeRun(source, 'pg-run-1', { subjectId: 'subject-pg', text: subjectSecretText, startedAt: '2025-01-02T00:00:00.000Z' });
    await storeRun(source, 'pg-run-2', { text: 'Plain Postgres run', startedAt: '2025-01-03T00:00:00.000Z' });
    const raw = await sql<{ result_json: string }>`select result_json from runs where run_id = 'pg-run-1'`.execute(source.database);
    expect(raw.rows[0]?.result_json.includes(subjectSecretText)).toBe(false);
    expect((await exportSubject(source, 'tenant-a', 'subject-pg')).runs[0]?.result?.output).toBe(`Final: ${subjectSecretText}`);

    const signer = createBackupSigner(generateKeyPairSync('ed25519').privateKey);
    const backup = await backupStore(source, signer);
    const names = (JSON.parse(backup.manifest) as { tables: { name: string }[] }).tables.map((table) => table.name);
    expect(names.indexOf('runs')).toBeLessThan(names.indexOf('run_events'));
    expect(names).not.toContain('kysely_migration');

    const corrupted: BackupFile = { ...backup, sections: { ...backup.sections, runs: (backup.sections.runs ?? '').replace('pg-run-2', 'pg-run-3') } };
    const refused = await rejection(restoreStore(target, JSON.stringify(corrupted), { trustedPublicKeysPem: [signer.publicKeyPem] }));
    expect(DaxError.isInstance(refused) && refused.code).toBe('DAX_E_BACKUP_CORRUPT');
    expect(await target.getRun('pg-run-2')).toBeUndefined();

    const receipt = await eraseSubject(source, { tenant: 'tenant-a', subjectId: 'subject-pg' });
    expect(receipt.runIds).toEqual(['pg-run-1']);
    expect((await source.getRun('pg-run-1'))?.output).toBe('[removed: erasure]');

    const report = await restoreStore(target, JSON.stringify(backup), {
      trustedPublicKeysPem: [signer.publicKeyPem],
      erasures: [{ subjectHash: receipt.subjectHash, erasedAt: receipt.erasedAt }],
    });
    expect(report.reErasedRuns).toBe(1);
    expect((await target.getRun('pg-run-1'))?.output).toBe('[removed: erasure]');
    expect((await target.getRun('pg-run-2'))?.output).toBe('Final: Plain Postgres run');
    const keys = await sql<{ count: string }>`select count(*) as count from subject_keys`.execute(target.database);
    expect(Number(keys.rows[0]?.count)).toBe(0);

    const swept = await applyRetention(target, { policy: defaultRetentionPolicy, classOf: () => 'restricted', now: new Date('2025-03-01T00:00:00.000Z') });
    expect(swept.runsByClass.restricted).toBe(2);
    expect((await target.getRun('pg-run-2'))?.output).toBe('[removed: retention]');
  });
});
