import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { backupStore, loadBackupSigner, type BackupManifest } from '@dax/store';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openDataStore } from './data-store.js';

interface BackupOptions {
  readonly out: string;
  readonly json?: boolean;
}

/** Writes a signed backup of every table (mode 0600); data keys stay wrapped, the master key is not included. */
export default function backupCommand(options: BackupOptions): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const { store, dataDir } = await openDataStore(io, globals);
    try {
      const backup = await backupStore(store, loadBackupSigner(dataDir));
      const text = JSON.stringify(backup);
      await writeFile(options.out, text, { mode: 0o600, flag: 'wx' });
      const manifest = JSON.parse(backup.manifest) as BackupManifest;
      const summary = {
        file: options.out,
        sha256: createHash('sha256').update(text).digest('hex'),
        keyId: manifest.keyId,
        tables: manifest.tables.map((table) => ({ name: table.name, rows: table.rows })),
      };
      if (options.json === true) writeLine(io.stdout, JSON.stringify(summary, null, 2));
      else {
        writeLine(io.stdout, `backup written to ${options.out} (signed by ${manifest.keyId})`);
        for (const table of summary.tables) writeLine(io.stdout, `  ${table.name.padEnd(24)} ${String(table.rows)} row(s)`);
        writeLine(io.stdout, 'keep the master key (DAX_MASTER_KEY or master.key) and erasure-ledger.jsonl apart from backups');
      }
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
