import { DaxError, isErrorCode, type RunResult } from '@dax/protocol';

/** How a finished run answers a chat request. */
export interface ChatOutcome {
  /** The assistant message: the governed output, or an explanation when none is emitted. */
  readonly content: string;
  /** `stop` for an approved answer; `content_filter` when Dax withheld the answer. */
  readonly finishReason: 'stop' | 'content_filter';
}

/**
 * Maps a run that did not fail to the assistant message. Only an approved run emits its
 * governed output; every other outcome answers with a short explanation naming the run
 * id, and `finish_reason: "content_filter"` tells an OpenAI client no answer was given.
 */
export function chatOutcome(result: RunResult): ChatOutcome {
  const run = `Run id: ${result.runId}.`;
  switch (result.status) {
    case 'approved':
      return { content: result.output, finishReason: 'stop' };
    case 'awaiting_approval':
      return {
        content: `Dax paused this request for human approval (risk ${result.risk.grade}). ${result.decision.reason} ${run} Follow it with GET /v1/runs/${result.runId}.`,
        finishReason: 'content_filter',
      };
    case 'denied':
      return { content: `Dax denied this request. ${result.decision.reason} ${run}`, finishReason: 'content_filter' };
    case 'halted':
      return { content: `Dax halted this request; no answer was emitted. ${result.decision.reason} ${run}`, finishReason: 'content_filter' };
    case 'rolled_back':
      return {
        content: `Dax rolled this request back to its last stable state; no answer was emitted. ${result.decision.reason} ${run}`,
        finishReason: 'content_filter',
      };
    case 'failed':
      throw failureOf(result);
  }
}

/** The error a failed run answers with (its catalogue code and status); undefined when the run did not fail. */
export function runFailure(result: RunResult): DaxError | undefined {
  return result.status === 'failed' ? failureOf(result) : undefined;
}

function failureOf(result: RunResult): DaxError {
  const code = result.error !== undefined && isErrorCode(result.error.code) ? result.error.code : 'DAX_E_INTERNAL';
  const layer = result.error?.layer ?? result.decision.layer;
  return new DaxError(code, { detail: `${layer === undefined ? 'The run' : `Layer ${layer}`} failed (${result.runId}).` });
}
