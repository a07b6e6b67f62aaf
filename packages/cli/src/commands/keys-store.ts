import { openRunStore, resolveDataDir, type KyselyRunStore } from '@dax/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalOptions } from '../main.js';

/** Opens the store the gateway uses: DAX_DATABASE_URL (Postgres), else the embedded store (`--data-dir`, DAX_DATA_DIR, ~/.dax). */
export function openKeysStore(io: CliIo, globals: GlobalOptions): Promise<KyselyRunStore> {
  return openRunStore({ databaseUrl: io.env.DAX_DATABASE_URL, dataDir: globals.dataDir ?? resolveDataDir(io.env) });
}
