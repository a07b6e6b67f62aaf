import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DaxError } from '@dax/protocol';
import { verifyEvidenceLog } from '@dax/store';
import { type CliIo, writeLine } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import type { CommandAction, GlobalOptions } from '../main.js';
import { openLocalStore } from './local-store.js';

/**
 * `dax evidence verify-log`: recomputes the whole tree, checks every envelope and
 * checkpoint signature and the consistency with the latest checkpoint; on any
 * tampering it names the run and exits non-zero.
 */
export default function evidenceVerifyLogCommand(options: { json?: boolean; checkpoint?: string }): CommandAction {
  return async (io: CliIo, globals: GlobalOptions) => {
    let knownCheckpoint: string | undefined;
    if (options.checkpoint !== undefined) {
      try {
        knownCheckpoint = await readFile(resolve(io.cwd, options.checkpoint), 'utf8');
      } catch (cause) {
        throw new DaxError('DAX_E_USAGE', { detail: '--checkpoint must name a readable checkpoint.txt file.', cause });
      }
    }
    const store = await openLocalStore(io, globals);
    try {
      const report = await verifyEvidenceLog(store.evidence, knownCheckpoint === undefined ? {} : { knownCheckpoint });
      if (options.json === true) writeLine(io.stdout, JSON.stringify(report));
      if (!report.ok) {
        for (const problem of report.problems) {
          writeLine(io.stderr, `${problem.runId === undefined ? 'log' : `run ${problem.runId}`}: ${problem.message}`);
        }
        const runs = [...new Set(report.problems.flatMap((problem) => (problem.runId === undefined ? [] : [problem.runId])))];
        throw new DaxError('DAX_E_EVIDENCE_INVALID', {
          detail: runs.length === 0 ? 'The evidence log does not verify.' : `Tampered evidence: run ${runs.join(', run ')}.`,
        });
      }
      if (options.json !== true) {
        writeLine(
          io.stdout,
          `Evidence log verifies: ${report.treeSize} leaves, ${report.checkpointsChecked} signed checkpoints, ` +
            `${report.consistencyProofsChecked} consistency proofs, root ${report.rootHash}.`,
        );
      }
      return exitCodes.ok;
    } finally {
      await store.close();
    }
  };
}
