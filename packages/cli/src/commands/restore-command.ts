import { createPublicKey, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DaxError } from '@dax/protocol';
import { erasureLedgerPath, readErasureLedgerFile, restoreStore, verifyBackup } from '@dax/store';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { dataDirOf, openDataStore } from './data-store.js';

interface RestoreOptions {
  readonly publicKey?: string[];
  readonly erasureLedger?: string[];
  readonly json?: boolean;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new DaxError('DAX_E_USAGE', { detail: `${what} ${path} cannot be read.`, cause });
  }
}

/** The data directory's own backup key (if it has one) and every `--public-key` file. */
function trustedKeys(dataDir: string, files: readonly string[]): string[] {
  const own = join(dataDir, 'backup-signing-key.pem');
  const keys = files.map((file) => readText(file, 'Public key'));
  if (existsSync(own)) keys.push(createPublicKey(createPrivateKey(readFileSync(own))).export({ type: 'spki', format: 'pem' }).toString());
  return keys;
}

/**
 * Restores a backup into an empty store: the signature and every hash are checked
 * before the store is even opened; then erasures from the backup's ledger, the
 * data directory's ledger file and any `--erasure-ledger` file are applied again.
 */
export default function restoreCommand(file: string, options: RestoreOptions): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const dataDir = dataDirOf(io, globals);
    const text = readText(file, 'Backup');
    const trusted = trustedKeys(dataDir, options.publicKey ?? []);
    verifyBackup(text, trusted);
    const erasures = [erasureLedgerPath(dataDir), ...(options.erasureLedger ?? [])].flatMap((path) => readErasureLedgerFile(path));
    const { store } = await openDataStore(io, globals);
    try {
      const report = await restoreStore(store, text, { trustedPublicKeysPem: trusted, erasures });
      if (options.json === true) writeLine(io.stdout, JSON.stringify(report, null, 2));
      else {
        writeLine(io.stdout, `restored ${String(report.tables.reduce((sum, table) => sum + table.rows, 0))} row(s) in ${String(report.tables.length)} table(s) from ${file}`);
        writeLine(io.stdout, `erasures applied again to ${String(report.reErasedRuns)} run(s)`);
      }
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
