import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openGatesClient, type GateAction } from './gates-client.js';
import { renderGate } from './gates-show-command.js';

/** `dax gates ack|approve|deny <gateId> [--comment …]` against a gateway, as the API key's identity. */
export function gatesDecideCommand(action: GateAction) {
  return (gateId: string, options: { comment?: string; json?: boolean; url?: string }): CommandAction =>
    async (io: CliIo, globals: GlobalOptions) => {
      const client = openGatesClient(io, globals, options);
      try {
        const outcome = await client.act(gateId, action, options.comment);
        if (options.json === true) {
          writeLine(io.stdout, JSON.stringify(outcome, null, 2));
          return exitCodes.ok;
        }
        renderGate(io.stdout, outcome.gate);
        if (outcome.run !== undefined) writeLine(io.stdout, `run ${outcome.run.runId} is now ${outcome.run.status}`);
        return exitCodes.ok;
      } finally {
        await client.close();
      }
    };
}
