import { DaxError } from '@dax/protocol';

export interface RunDeadline {
  /** Aborts at the deadline (reason `DAX_E_RUN_DEADLINE`) or when the caller's signal does. */
  readonly signal: AbortSignal;
  readonly clear: () => void;
}

/** setTimeout's largest delay; longer deadlines would fire at once. */
const maxTimerMs = 2_147_483_647;

/**
 * The whole-run deadline: a signal that aborts after `deadlineMs` with a
 * `DAX_E_RUN_DEADLINE` reason, or earlier with the caller's own reason.
 */
export function runDeadline(deadlineMs: number, callerSignal: AbortSignal | undefined): RunDeadline {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DaxError('DAX_E_RUN_DEADLINE', { detail: `The run did not finish within ${deadlineMs} ms.` }));
  }, Math.min(Math.max(deadlineMs, 1), maxTimerMs));
  timer.unref();
  return {
    signal: callerSignal === undefined ? controller.signal : AbortSignal.any([callerSignal, controller.signal]),
    clear: () => clearTimeout(timer),
  };
}
