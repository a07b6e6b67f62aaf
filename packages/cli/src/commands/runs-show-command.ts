import { DaxError } from '@dax/protocol';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { renderSummary } from '../render-progress.js';
import { openSession } from '../remote-session.js';

export default function runsShowCommand(runId: string, options: { json?: boolean; url?: string }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const dax = openSession(io, globals, options);
    try {
      const result = await dax.getRun(runId);
      if (result === undefined) throw new DaxError('DAX_E_RUN_NOT_FOUND', { detail: 'List runs with: dax runs list' });
      if (options.json === true) {
        writeLine(io.stdout, JSON.stringify(result, null, 2));
        return exitCodes.ok;
      }
      for (const entry of result.trace) {
        writeLine(io.stdout, `${entry.layer.padEnd(6)} ${entry.agent.padEnd(11)} ${entry.status.padEnd(11)} ${entry.model}`);
        writeLine(io.stdout, `       ${entry.output.split('\n').join('\n       ')}`);
      }
      renderSummary(io.stdout, result, false);
      return exitCodes.ok;
    } finally {
      await dax.close();
    }
  };
}
