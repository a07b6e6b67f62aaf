import { DaxError, runStatusSchema } from '@dax/protocol';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openSession } from '../remote-session.js';

export default function runsListCommand(options: { status?: string; limit: string; cursor?: string; json?: boolean; url?: string }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const limit = Number.parseInt(options.limit, 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new DaxError('DAX_E_USAGE', { detail: '--limit must be a whole number from 1 to 200.' });
    }
    const status = options.status === undefined ? undefined : runStatusSchema.safeParse(options.status);
    if (status !== undefined && !status.success) {
      throw new DaxError('DAX_E_USAGE', { detail: `--status must be one of ${runStatusSchema.options.join(', ')}.` });
    }
    const dax = openSession(io, globals, options);
    try {
      const page = await dax.listRuns({
        limit,
        ...(status?.data === undefined ? {} : { status: status.data }),
        ...(options.cursor === undefined ? {} : { cursor: options.cursor }),
      });
      if (options.json === true) {
        writeLine(io.stdout, JSON.stringify(page, null, 2));
        return exitCodes.ok;
      }
      if (page.runs.length === 0) writeLine(io.stdout, 'no runs yet: try dax run "<intent>"');
      for (const run of page.runs) {
        writeLine(io.stdout, `${run.runId}  ${run.status.padEnd(17)} ${run.risk}  ${run.domain.padEnd(10)} ${run.startedAt}`);
      }
      if (page.nextCursor !== undefined) writeLine(io.stdout, `more: dax runs list --cursor ${page.nextCursor}`);
      return exitCodes.ok;
    } finally {
      await dax.close();
    }
  };
}
