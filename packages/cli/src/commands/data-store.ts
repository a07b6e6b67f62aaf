import { openSqliteStore, resolveDataDir, type KyselyRunStore } from '@dax/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalOptions } from '../main.js';

export interface DataStore {
  readonly store: KyselyRunStore;
  readonly dataDir: string;
}

/** The data directory of the embedded store (`--data-dir`, else DAX_DATA_DIR, else ~/.dax). */
export function dataDirOf(io: CliIo, globals: GlobalOptions): string {
  return globals.dataDir ?? resolveDataDir(io.env);
}

/** Opens the embedded store with the master key from the environment or the data directory. */
export async function openDataStore(io: CliIo, globals: GlobalOptions): Promise<DataStore> {
  const dataDir = dataDirOf(io, globals);
  return { store: await openSqliteStore({ dataDir, env: io.env }), dataDir };
}
