import { exportSubject } from '@dax/store';
import { writeFile } from 'node:fs/promises';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openDataStore } from './data-store.js';

interface DsrExportOptions {
  readonly subject: string;
  readonly tenant: string;
  readonly out?: string;
}

/** Prints (or writes with mode 0600) everything stored about a subject as JSON. */
export default function dsrExportCommand(options: DsrExportOptions): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const { store } = await openDataStore(io, globals);
    try {
      const exported = JSON.stringify(await exportSubject(store, options.tenant, options.subject), null, 2);
      if (options.out === undefined) writeLine(io.stdout, exported);
      else await writeFile(options.out, `${exported}\n`, { mode: 0o600 });
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
