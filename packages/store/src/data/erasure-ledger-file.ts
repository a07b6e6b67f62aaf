import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DaxError } from '@dax/protocol';

export const erasureLedgerFileName = 'erasure-ledger.jsonl';

export interface ErasureLedgerEntry {
  readonly subjectHash: string;
  readonly erasedAt: string;
}

/**
 * Appends an erasure to `<dataDir>/erasure-ledger.jsonl` (mode 0600): subject
 * hashes only. The file outlives the database, so restoring an older backup
 * re-applies every erasure made since.
 */
export function appendErasureLedgerFile(dataDir: string, entry: ErasureLedgerEntry): void {
  appendFileSync(join(dataDir, erasureLedgerFileName), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

/** The entries of a ledger file; a missing file has none, a damaged line fails closed. */
export function readErasureLedgerFile(path: string): ErasureLedgerEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DaxError('DAX_E_STORE_UNAVAILABLE', { detail: `${path} cannot be read.`, cause, retryable: false });
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const entry = JSON.parse(line) as Partial<ErasureLedgerEntry>;
      if (typeof entry.subjectHash !== 'string' || !/^[0-9a-f]{64}$/.test(entry.subjectHash) || typeof entry.erasedAt !== 'string') {
        throw new DaxError('DAX_E_STORE_UNAVAILABLE', { detail: `${path}: line ${String(index + 1)} is not a ledger entry.`, retryable: false });
      }
      return { subjectHash: entry.subjectHash, erasedAt: entry.erasedAt };
    });
}

export function erasureLedgerPath(dataDir: string): string {
  return join(dataDir, erasureLedgerFileName);
}
