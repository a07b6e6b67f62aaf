import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { readTextArgument } from '../read-text-argument.js';
import { openSession } from '../remote-session.js';

export default function validateCommand(words: string[], options: { json?: boolean; domain: string; url?: string }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const text = await readTextArgument(words, io, 'text');
    const dax = openSession(io, globals, options);
    try {
      const verdict = await dax.validate(text, { domain: options.domain });
      if (options.json === true) {
        writeLine(io.stdout, JSON.stringify(verdict, null, 2));
      } else {
        writeLine(io.stdout, `risk ${verdict.risk}${verdict.gate ? ' · human gate required' : ''} · policy ${verdict.decision}`);
        if (verdict.ruleIds.length > 0) writeLine(io.stdout, `rules ${verdict.ruleIds.join(', ')}`);
        for (const finding of verdict.findings) writeLine(io.stdout, `  ${finding.guard}/${finding.kind}: ${finding.message}`);
      }
      return verdict.decision === 'deny' ? exitCodes.blocked : verdict.gate ? exitCodes.awaitingApproval : exitCodes.ok;
    } finally {
      await dax.close();
    }
  };
}
