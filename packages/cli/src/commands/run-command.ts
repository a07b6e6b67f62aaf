import type { RunEvent } from '@dax/protocol';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodeForStatus } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { readTextArgument } from '../read-text-argument.js';
import { createProgressRenderer, renderSummary } from '../render-progress.js';
import { openSession } from '../remote-session.js';

interface RunOptions {
  readonly json?: boolean;
  readonly ndjson?: boolean;
  readonly includeReasons?: boolean;
  readonly provider?: string;
  readonly domain: string;
  readonly subject?: string;
  readonly url?: string;
}

export default function runCommand(words: string[], options: RunOptions): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const input = await readTextArgument(words, io, 'intent');
    const dax = openSession(io, globals, options);
    try {
      const colour = io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
      const onEvent: ((event: RunEvent) => void) | undefined =
        options.ndjson === true
          ? (event) => writeLine(io.stdout, JSON.stringify(event))
          : options.json === true
            ? undefined
            : createProgressRenderer(io.stdout, colour);
      const result = await dax.run({
        input,
        domain: options.domain,
        includeReasons: options.includeReasons === true,
        ...(options.subject === undefined ? {} : { subjectId: options.subject }),
        ...(onEvent === undefined ? {} : { onEvent }),
      });
      if (options.json === true) writeLine(io.stdout, JSON.stringify(result, null, 2));
      else if (options.ndjson !== true) renderSummary(io.stdout, result, colour);
      return exitCodeForStatus(result.status);
    } finally {
      await dax.close();
    }
  };
}
