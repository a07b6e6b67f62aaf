import { openRunStore, resolveDataDir, type KyselyRunStore } from '@dax/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalOptions } from '../main.js';

/**
 * Opens the store the gateway uses, for commands that work on it directly:
 * DAX_DATABASE_URL (Postgres), else the embedded store (`--data-dir`, DAX_DATA_DIR,
 * ~/.dax), with its evidence keys (`DAX_EVIDENCE_KEY[_FILE]` or the data directory's key).
 */
export function openLocalStore(io: CliIo, globals: GlobalOptions): Promise<KyselyRunStore> {
  return openRunStore({ databaseUrl: io.env.DAX_DATABASE_URL, dataDir: globals.dataDir ?? resolveDataDir(io.env), env: io.env });
}
