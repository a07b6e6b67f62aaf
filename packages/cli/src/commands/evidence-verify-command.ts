import { DaxError } from '@dax/protocol';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openLocalStore } from './local-store.js';

/**
 * `dax evidence verify <runId>`: each envelope's signature, its inclusion in the
 * latest checkpoint, and that the statement matches the run as stored.
 */
export default function evidenceVerifyCommand(runId: string, options: { json?: boolean }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    const store = await openLocalStore(io, globals);
    try {
      const report = await store.verifyRunEvidence(runId);
      if (options.json === true) {
        writeLine(io.stdout, JSON.stringify(report));
      } else {
        for (const envelope of report.envelopes) {
          const matches = envelope.matchesStoredRun === undefined ? 'earlier state' : envelope.matchesStoredRun ? 'matches the stored run' : 'DOES NOT match the stored run';
          writeLine(
            io.stdout,
            `${envelope.evidenceId} ${envelope.revision}: signature ${envelope.signature ? 'ok' : 'BAD'}, ` +
              `included in checkpoint ${report.checkpointSize} ${envelope.included ? 'ok' : 'NO'}, ${matches}`,
          );
        }
      }
      if (!report.ok) {
        for (const problem of report.problems) writeLine(io.stderr, `run ${runId}: ${problem}`);
        throw new DaxError('DAX_E_EVIDENCE_INVALID', { detail: `Run ${runId} failed evidence verification.` });
      }
      if (options.json !== true) writeLine(io.stdout, `Evidence of ${runId} verifies.`);
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
