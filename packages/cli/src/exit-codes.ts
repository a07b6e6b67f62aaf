import type { RunStatus } from '@dax/protocol';

/** Process exit codes of the `dax` command (docs/cli.md lists them). */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  blocked: 3,
  awaitingApproval: 4,
} as const;

/** The exit code a finished run maps to. */
export function exitCodeForStatus(status: RunStatus): number {
  switch (status) {
    case 'approved':
      return exitCodes.ok;
    case 'awaiting_approval':
      return exitCodes.awaitingApproval;
    case 'halted':
    case 'denied':
    case 'rolled_back':
      return exitCodes.blocked;
    case 'failed':
      return exitCodes.failure;
  }
}
