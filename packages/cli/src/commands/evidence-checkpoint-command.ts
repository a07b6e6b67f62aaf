import { DaxError } from '@dax/protocol';
import { type CliIo } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openLocalStore } from './local-store.js';

/** `dax evidence checkpoint`: the latest signed checkpoint, signed now if the current size has none. */
export default function evidenceCheckpointCommand(options: { json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const store = await openLocalStore(io, globals);
    try {
      const checkpoint = await store.evidence.checkpoint(new Date().toISOString());
      if (checkpoint === undefined) throw new DaxError('DAX_E_EVIDENCE_NOT_FOUND', { detail: 'The evidence log is empty.' });
      io.stdout.write(options.json === true ? `${JSON.stringify(checkpoint)}\n` : checkpoint.note);
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
