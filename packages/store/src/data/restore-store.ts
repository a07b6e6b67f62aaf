import { systemClock, type Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { Kysely } from 'kysely';
import type { KyselyRunStore } from '../kysely-run-store.js';
import { storeFailure } from '../store-failure.js';
import type { DataHandlingDatabase } from './data-handling-database.js';
import { eraseSubjectRuns } from './erase-subject-runs.js';
import type { ErasureLedgerEntry } from './erasure-ledger-file.js';
import { countDataRows, listStoreTables, seededTables } from './store-tables.js';
import { subjectHash } from './subject-hash.js';
import { verifyBackup } from './verify-backup.js';

export interface RestoreOptions {
  /** Ed25519 public keys (PEM) a manifest may be signed with. */
  readonly trustedPublicKeysPem: readonly string[];
  /** Erasures recorded outside the backup (the data directory's ledger file): re-applied after the rows are in. */
  readonly erasures?: readonly ErasureLedgerEntry[];
  readonly clock?: Clock;
}

export interface RestoreReport {
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
  /** Runs whose texts were erased again because their subject is in an erasure ledger. */
  readonly reErasedRuns: number;
}

const rowsPerInsert = 100;

async function assertEmpty(database: Kysely<Record<string, Record<string, unknown>>>, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if ((await countDataRows(database, name)) > 0) {
      throw new DaxError('DAX_E_RESTORE_NOT_EMPTY', { detail: `Table "${name}" already holds rows; restore into a fresh data directory or database.` });
    }
  }
}

/**
 * Restores a backup into an empty store. The whole file is verified first (the
 * manifest signature against trusted keys, every section hash); then the target
 * must be empty; only then are rows written, in one transaction. Finally every
 * erasure in the backup's ledger and in `erasures` is applied again, so a backup
 * taken before an erasure does not bring the person back.
 */
export async function restoreStore(store: KyselyRunStore, fileText: string, options: RestoreOptions): Promise<RestoreReport> {
  const backup = verifyBackup(fileText, options.trustedPublicKeysPem);
  const database = store.database as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const now = (options.clock ?? systemClock).now().toISOString();
  let reErasedRuns = 0;
  try {
    const present = await listStoreTables(database as unknown as Kysely<unknown>);
    const unknown = backup.tables.find((table) => !present.includes(table.name));
    if (unknown !== undefined) {
      throw new DaxError('DAX_E_BACKUP_CORRUPT', { detail: `Table "${unknown.name}" does not exist in this store; restore with the Dax version that wrote the backup.` });
    }
    await assertEmpty(database, present);
    await database.transaction().execute(async (transaction) => {
      for (const table of backup.tables) {
        // A seeded row (the evidence log's empty head) gives way to the backup's.
        if (seededTables[table.name] !== undefined && table.rows.length > 0) await transaction.deleteFrom(table.name).execute();
        for (let start = 0; start < table.rows.length; start += rowsPerInsert) {
          await transaction.insertInto(table.name).values(table.rows.slice(start, start + rowsPerInsert)).execute();
        }
      }
      const data = transaction as unknown as Kysely<DataHandlingDatabase>;
      const ledger = await data.selectFrom('erasure_ledger').select('subject_hash').execute();
      const erased = new Set([...ledger.map((row) => row.subject_hash), ...(options.erasures ?? []).map((entry) => entry.subjectHash)]);
      if (erased.size === 0) return;
      const withSubject = await data.selectFrom('runs').select(['run_id', 'tenant', 'subject_id']).where('subject_id', 'is not', null).execute();
      const runs = withSubject.filter((run) => run.subject_id !== null && erased.has(subjectHash(run.tenant, run.subject_id))).map((run) => ({ runId: run.run_id }));
      reErasedRuns = (await eraseSubjectRuns(data, runs, [...erased], now)).length;
    });
  } catch (cause) {
    throw storeFailure(cause);
  }
  await store.compact();
  return { tables: backup.tables.map((table) => ({ name: table.name, rows: table.rows.length })), reErasedRuns };
}
