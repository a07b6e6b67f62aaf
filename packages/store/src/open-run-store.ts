import type { Clock } from '@dax/core';
import { DaxError } from '@dax/protocol';
import type { KyselyRunStore } from './kysely-run-store.js';
import { isPostgresUrl, openPostgresStore } from './open-postgres-store.js';
import { openSqliteStore } from './open-sqlite-store.js';

export interface RunStoreSelection {
  /** `postgres://…` selects Postgres; absent or empty selects the embedded store in `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly clock?: Clock;
  /** Run lease length (`DAX_RUN_LEASE_TTL_MS`); default 60 s. */
  readonly leaseTtlMs?: number;
  /** Where `DAX_EVIDENCE_*` settings are read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Opens the store the deployment asks for: Postgres when `databaseUrl`
 * (`DAX_DATABASE_URL`) is a Postgres URL, the embedded SQLite store otherwise.
 * Any other URL is refused at start with `DAX_E_CONFIG_INVALID`.
 */
export async function openRunStore(selection: RunStoreSelection): Promise<KyselyRunStore> {
  const url = selection.databaseUrl?.trim();
  const common = {
    ...(selection.clock === undefined ? {} : { clock: selection.clock }),
    ...(selection.leaseTtlMs === undefined ? {} : { leaseTtlMs: selection.leaseTtlMs }),
    ...(selection.env === undefined ? {} : { env: selection.env }),
  };
  if (url === undefined || url === '') {
    return openSqliteStore({ dataDir: selection.dataDir, ...common });
  }
  if (!isPostgresUrl(url)) {
    throw new DaxError('DAX_E_CONFIG_INVALID', {
      detail: 'DAX_DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded store).',
    });
  }
  return openPostgresStore({ url, dataDir: selection.dataDir, ...common });
}
