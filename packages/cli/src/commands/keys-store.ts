import { openSqliteStore, resolveDataDir, type KyselyRunStore } from '@dax/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalOptions } from '../main.js';

/** Opens the embedded store the gateway uses (`--data-dir`, else DAX_DATA_DIR, else ~/.dax). */
export function openKeysStore(io: CliIo, globals: GlobalOptions): Promise<KyselyRunStore> {
  return openSqliteStore({ dataDir: globals.dataDir ?? resolveDataDir(io.env) });
}
