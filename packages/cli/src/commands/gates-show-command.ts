import type { Gate } from '@dax/protocol';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openGatesClient } from './gates-client.js';

export function renderGate(stream: NodeJS.WritableStream, gate: Gate): void {
  writeLine(stream, `gate ${gate.gateId} · run ${gate.runId} · ${gate.status}`);
  writeLine(stream, `  risk ${gate.risk} · domain ${gate.domain} · rules ${gate.ruleIds.join(', ') || '-'}`);
  writeLine(stream, `  why: ${gate.reason}`);
  writeLine(stream, `  rotation ${gate.rotation} · escalation level ${gate.level} · needs ${gate.requiredApprovals} approval(s)`);
  writeLine(stream, `  opened ${gate.openedAt} · acknowledge by ${gate.acknowledgeBy ?? '-'} · decide by ${gate.decideBy}`);
  if (gate.caller !== undefined) writeLine(stream, `  started by ${gate.caller} (may not decide)`);
  if (gate.acknowledgedBy !== undefined) writeLine(stream, `  acknowledged by ${gate.acknowledgedBy} at ${gate.acknowledgedAt ?? ''}`);
  for (const decision of gate.decisions) {
    writeLine(stream, `  ${decision.decision} by ${decision.approver} at ${decision.at}${decision.comment === undefined ? '' : `: ${decision.comment}`}`);
  }
  for (const notification of gate.notifications) {
    writeLine(stream, `  notify ${notification.transition} → ${notification.target}: ${notification.status} after ${notification.attempts} attempt(s)${notification.lastError === undefined ? '' : ` (${notification.lastError})`}`);
  }
}

export default function gatesShowCommand(gateId: string, options: { json?: boolean; url?: string; tenant?: string }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const client = openGatesClient(io, globals, options);
    try {
      const gate = await client.show(gateId);
      if (options.json === true) writeLine(io.stdout, JSON.stringify(gate, null, 2));
      else renderGate(io.stdout, gate);
      return exitCodes.ok;
    } finally {
      await client.close();
    }
  };
}
