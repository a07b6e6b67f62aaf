import { randomBytes } from 'node:crypto';
import type { Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { checkSharedKeys, type ReplicaKeys } from './check-shared-keys.js';
import type { EvidenceDatabase } from './evidence-database.js';
import { ephemeralEvidenceSettings, resolveEvidenceSettings, type EvidenceSettings } from './evidence-settings.js';
import type { KeyWrapper } from './data/key-wrapper.js';
import { loadMasterKey } from './data/load-master-key.js';
import { createLocalKeyWrapper } from './data/local-key-wrapper.js';
import { KyselyRunStore } from './kysely-run-store.js';
import type { StoreDatabase } from './store-database.js';
import { storeFailure } from './store-failure.js';

export interface PostgresStoreOptions {
  /** `postgres://user@host:port/database` (or `postgresql://`). */
  readonly url: string;
  /** Schema to work in (search_path); default the server's default (`public`). */
  readonly schema?: string;
  /** Pool size per process. Defaults to 10. */
  readonly maxConnections?: number;
  readonly clock?: Clock;
  readonly leaseOwner?: string;
  readonly leaseTtlMs?: number;
  /** Evidence key settings; default from `env` (`DAX_EVIDENCE_KEY[_FILE]`), else the key generated in `dataDir`. */
  readonly evidence?: EvidenceSettings;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where a generated evidence key, retired keys and the master key live when the environment names none. */
  readonly dataDir?: string;
  /** Wraps per-subject data keys; default the master key from `DAX_MASTER_KEY[_FILE]` or `<dataDir>/master.key`. */
  readonly keyWrapper?: KeyWrapper;
}

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** Postgres returns bigint (int8) as text by default; the store's counters fit a double. */
function parseBigint(value: string): number {
  return Number(value);
}

/** The pg type parsers, with int8 read as a number. */
function typeParsersOf(driver: typeof pg): typeof pg.types.getTypeParser {
  const parserFor = (oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) => {
    if (oid === Number(driver.types.builtins.INT8)) return parseBigint;
    return driver.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  };
  return parserFor as typeof pg.types.getTypeParser;
}

/** True for a `postgres://` or `postgresql://` database URL. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(?:ql)?:\/\//i.test(url);
}

/**
 * Opens the run store on a Postgres cluster (pg Pool, Kysely's PostgresDialect),
 * brings the schema up to date and returns it. The same repositories and migrations
 * as the embedded store run here. An unreachable server throws
 * `DAX_E_STORE_UNAVAILABLE`; a failed migration `DAX_E_STORE_MIGRATION`.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<KyselyRunStore> {
  if (!isPostgresUrl(options.url)) {
    throw new DaxError('DAX_E_USAGE', { detail: 'The database URL must start with postgres:// or postgresql://.' });
  }
  if (options.schema !== undefined && !schemaPattern.test(options.schema)) {
    throw new DaxError('DAX_E_USAGE', { detail: 'The schema name must be lower-case letters, digits and underscores.' });
  }
  // Library use without a data directory or key signs with a key that lives as long as the process.
  const env = options.env ?? process.env;
  const keyNamed = env.DAX_EVIDENCE_KEY !== undefined || env.DAX_EVIDENCE_KEY_FILE !== undefined;
  const evidenceLoaded = options.evidence === undefined && (options.dataDir !== undefined || keyNamed);
  const evidence = options.evidence === undefined && !evidenceLoaded ? ephemeralEvidenceSettings() : await resolveEvidenceSettings(options);
  const masterKeyLoaded = options.keyWrapper === undefined && options.dataDir !== undefined;
  let keyWrapper: KeyWrapper;
  try {
    keyWrapper =
      options.keyWrapper ??
      createLocalKeyWrapper(options.dataDir === undefined ? randomBytes(32) : loadMasterKey(env, options.dataDir));
  } catch (cause) {
    throw storeFailure(cause);
  }
  // Keys this process loaded from its environment or data directory must match the other replicas'.
  const replicaKeys: ReplicaKeys = {
    ...(evidenceLoaded ? { evidence: { keyId: evidence.signer.keyId, trusted: evidence.keyring.keyIds } } : {}),
    ...(masterKeyLoaded ? { masterKeyId: keyWrapper.keyId } : {}),
  };
  // Loaded on first use: the embedded store and the CLI never pay for the driver.
  const driver = (await import('pg')).default;
  const pool = new driver.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    types: { getTypeParser: typeParsersOf(driver) },
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw storeFailure(cause, 'The Postgres server could not be reached.');
  }
  const database = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
  const store = new KyselyRunStore(database, {
    clock: options.clock,
    engine: 'postgres',
    leaseOwner: options.leaseOwner,
    leaseTtlMs: options.leaseTtlMs,
    evidence,
    keyWrapper,
  });
  try {
    await store.migrate();
    await checkSharedKeys(database.withTables<EvidenceDatabase>(), replicaKeys).catch((cause: unknown) => {
      throw storeFailure(cause);
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
