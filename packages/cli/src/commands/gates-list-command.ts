import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openGatesClient } from './gates-client.js';

export default function gatesListCommand(options: { status?: string; limit: string; json?: boolean; url?: string; tenant?: string }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const client = openGatesClient(io, globals, options);
    try {
      const gates = await client.list(options.status, Number.parseInt(options.limit, 10) || 50);
      if (options.json === true) {
        writeLine(io.stdout, JSON.stringify({ gates }, null, 2));
        return exitCodes.ok;
      }
      if (gates.length === 0) writeLine(io.stdout, 'No gates.');
      for (const gate of gates) {
        writeLine(io.stdout, `${gate.gateId}  ${gate.status.padEnd(12)} ${gate.risk}  ${gate.domain.padEnd(10)} rotation ${gate.rotation} (level ${gate.level})  decide by ${gate.decideBy}`);
      }
      return exitCodes.ok;
    } finally {
      await client.close();
    }
  };
}
