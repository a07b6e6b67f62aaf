import { checkDrift, extractAnchor } from '@dax/guards';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction } from '../main.js';

export default function driftCommand(options: { intent: string; candidate: string; json?: boolean }): CommandAction {
  return (io: CliIo) => {
    const result = checkDrift(extractAnchor(options.intent), options.candidate);
    const changes = result.changes.map((change) => ({
      kind: change.kind,
      change: change.change,
      ...(change.expected === undefined ? {} : { expected: change.expected }),
      ...(change.found === undefined ? {} : { found: change.found }),
    }));
    if (options.json === true) {
      writeLine(io.stdout, JSON.stringify({ drift: result.drift, changes }, null, 2));
    } else if (!result.drift) {
      writeLine(io.stdout, 'no drift');
    } else {
      for (const change of changes) {
        writeLine(io.stdout, `${change.kind} ${change.change}: expected ${change.expected ?? '—'}, found ${change.found ?? '—'}`);
      }
    }
    return Promise.resolve(result.drift ? exitCodes.blocked : exitCodes.ok);
  };
}
