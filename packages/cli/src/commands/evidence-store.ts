import { openSqliteStore, resolveDataDir, type KyselyRunStore } from '@dax/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalOptions } from '../main.js';

/** Opens the embedded store with its evidence keys (`DAX_EVIDENCE_KEY[_FILE]` or the data directory's key). */
export function openEvidenceStore(io: CliIo, globals: GlobalOptions): Promise<KyselyRunStore> {
  return openSqliteStore({ dataDir: globals.dataDir ?? resolveDataDir(io.env), env: io.env });
}
