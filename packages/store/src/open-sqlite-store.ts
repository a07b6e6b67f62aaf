import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { ephemeralEvidenceSettings, resolveEvidenceSettings, type EvidenceSettings } from './evidence-settings.js';
import type { KeyWrapper } from './data/key-wrapper.js';
import { loadMasterKey } from './data/load-master-key.js';
import { createLocalKeyWrapper } from './data/local-key-wrapper.js';
import { KyselyRunStore } from './kysely-run-store.js';
import { statementCacheDatabase } from './statement-cache-database.js';
import type { StoreDatabase } from './store-database.js';
import { storeFailure } from './store-failure.js';

export interface SqliteStoreOptions {
  /** Directory holding the database; created with mode 0700 when missing. */
  readonly dataDir: string;
  /** File name inside `dataDir`; a plain name, no directories. */
  readonly fileName?: string;
  /** How long a write waits for another process's lock before failing. */
  readonly busyTimeoutMs?: number;
  readonly clock?: Clock;
  /** Names this process on the runs it holds (run leases). */
  readonly leaseOwner?: string;
  /** How long a running run's lease lasts without a checkpoint. */
  readonly leaseTtlMs?: number;
  /** Evidence key settings; default from `env` (`DAX_EVIDENCE_KEY[_FILE]`) or the key generated in `dataDir`. */
  readonly evidence?: EvidenceSettings;
  /** Wraps per-subject data keys; default the master key from the environment or `<dataDir>/master.key`. */
  readonly keyWrapper?: KeyWrapper;
  /** Where `DAX_EVIDENCE_*` and `DAX_MASTER_KEY[_FILE]` are read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}


type StoreOverOptions = Pick<SqliteStoreOptions, 'clock' | 'leaseOwner' | 'leaseTtlMs'> & {
  readonly evidence: EvidenceSettings;
  readonly keyWrapper: KeyWrapper;
};

const defaultFileName = 'dax.db';
const defaultBusyTimeoutMs = 5_000;

function openConnection(path: string, busyTimeoutMs: number): Database.Database {
  const connection = new Database(path);
  try {
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
    connection.pragma('foreign_keys = ON');
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}

/**
 * Opens (creating if needed) the embedded SQLite run store under `dataDir`, brings
 * its schema up to date and returns it. Migration failures throw
 * `DAX_E_STORE_MIGRATION`; an unusable directory or file throws `DAX_E_STORE_UNAVAILABLE`.
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<KyselyRunStore> {
  const fileName = options.fileName ?? defaultFileName;
  if (fileName === '' || fileName === '.' || fileName === '..' || basename(fileName) !== fileName) {
    throw new DaxError('DAX_E_USAGE', { detail: 'The store file name must be a plain file name.' });
  }
  const busyTimeoutMs = options.busyTimeoutMs ?? defaultBusyTimeoutMs;
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new DaxError('DAX_E_USAGE', { detail: 'busyTimeoutMs must be a non-negative integer.' });
  }

  let connection: Database.Database;
  let keyWrapper: KeyWrapper;
  try {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    keyWrapper = options.keyWrapper ?? createLocalKeyWrapper(loadMasterKey(options.env ?? process.env, options.dataDir));
  } catch (cause) {
    throw storeFailure(cause);
  }
  const evidence = await resolveEvidenceSettings(options);
  try {
    connection = openConnection(join(options.dataDir, fileName), busyTimeoutMs);
  } catch (cause) {
    throw storeFailure(cause);
  }
  return storeOver(connection, { ...options, evidence, keyWrapper });
}

/**
 * A store that lives in this process's memory only (SQLite `:memory:`, same schema and
 * queries): for library use without a disk, tests and benchmark baselines. Nothing
 * survives `close()`.
 */
export async function openMemoryStore(
  options: Pick<SqliteStoreOptions, 'clock' | 'leaseOwner' | 'leaseTtlMs' | 'evidence' | 'keyWrapper'> = {},
): Promise<KyselyRunStore> {
  let connection: Database.Database;
  try {
    connection = new Database(':memory:');
    connection.pragma('foreign_keys = ON');
  } catch (cause) {
    throw storeFailure(cause);
  }
  return storeOver(connection, {
    ...options,
    evidence: options.evidence ?? ephemeralEvidenceSettings(),
    keyWrapper: options.keyWrapper ?? createLocalKeyWrapper(randomBytes(32)),
  });
}

/** Checkpoints the WAL into the main file, truncates it and rebuilds the file without free pages. */
function compactSqlite(connection: Database.Database): Promise<void> {
  connection.pragma('wal_checkpoint(TRUNCATE)');
  connection.exec('VACUUM');
  connection.pragma('wal_checkpoint(TRUNCATE)');
  return Promise.resolve();
}

async function storeOver(connection: Database.Database, options: StoreOverOptions): Promise<KyselyRunStore> {
  const database = new Kysely<StoreDatabase>({
    dialect: new SqliteDialect({ database: statementCacheDatabase(connection) }),
  });
  const store = new KyselyRunStore(database, {
    clock: options.clock,
    leaseOwner: options.leaseOwner,
    leaseTtlMs: options.leaseTtlMs,
    evidence: options.evidence,
    keyWrapper: options.keyWrapper,
    compact: () => compactSqlite(connection),
  });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
