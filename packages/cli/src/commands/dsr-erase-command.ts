import { eraseSubject } from '@dax/store';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openDataStore } from './data-store.js';

interface DsrEraseOptions {
  readonly subject: string;
  readonly tenant: string;
  readonly json?: boolean;
}

export default function dsrEraseCommand(options: DsrEraseOptions): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const { store, dataDir } = await openDataStore(io, globals);
    try {
      const receipt = await eraseSubject(store, { tenant: options.tenant, subjectId: options.subject, dataDir });
      if (options.json === true) writeLine(io.stdout, JSON.stringify(receipt, null, 2));
      else {
        writeLine(io.stdout, `erased subject ${receipt.subjectHash.slice(0, 16)}… in tenant ${options.tenant}: ${String(receipt.runIds.length)} run(s), at ${receipt.erasedAt}`);
        writeLine(io.stdout, 'the data key is destroyed; run metadata and evidence remain; the erasure is in the ledger and survives restores');
      }
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
