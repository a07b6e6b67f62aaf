import type { RunStatus, StabilityAction } from '@dax/protocol';

export interface StabilityInput {
  /** Names of layers whose unstable output was discarded (rolled back). */
  readonly rolledBackLayers: readonly string[];
  /** Whether the executor (DA-1) itself ended rolled back: then no safe action text exists. */
  readonly executorRolledBack: boolean;
  /** The governed output that would be emitted. */
  readonly output: string;
  /** What DA-X's own model output asked for; it can only make the decision stricter. */
  readonly anchorSignal: 'accept' | 'rollback' | 'halt';
  /** Rollbacks at or above this count halt the run: the chain is unstable. */
  readonly haltAfterRollbacks: number;
}

export interface StabilityDecision {
  readonly action: Exclude<StabilityAction, 'rerun'>;
  readonly status: Extract<RunStatus, 'approved' | 'rolled_back' | 'halted'>;
  readonly reason: string;
}

/**
 * DA-X: the deterministic stability decision over a finished chain. Re-runs happen
 * inline when a layer turns out unstable; this decides what the whole trace means.
 * See docs/stability.md for the decision table.
 */
export function decideStability(input: StabilityInput): StabilityDecision {
  if (input.output.trim().length === 0) {
    return { action: 'halt', status: 'halted', reason: 'No stable output remains to emit.' };
  }
  if (input.executorRolledBack) {
    return { action: 'halt', status: 'halted', reason: 'DA-1 could not emit a stable action text.' };
  }
  if (input.rolledBackLayers.length >= input.haltAfterRollbacks) {
    return {
      action: 'halt',
      status: 'halted',
      reason: `${input.rolledBackLayers.length} layers were unstable (${input.rolledBackLayers.join(', ')}); the chain is not trustworthy.`,
    };
  }
  if (input.anchorSignal === 'halt') {
    return { action: 'halt', status: 'halted', reason: 'DA-X judged the chain unsafe and halted it.' };
  }
  if (input.rolledBackLayers.length > 0) {
    return {
      action: 'rollback',
      status: 'rolled_back',
      reason: `Unstable output of ${input.rolledBackLayers.join(', ')} was discarded; the run continued from the last stable output.`,
    };
  }
  if (input.anchorSignal === 'rollback') {
    return { action: 'rollback', status: 'rolled_back', reason: 'DA-X asked for a rollback to the last stable output.' };
  }
  return { action: 'accept', status: 'approved', reason: 'Every layer was stable and every guard passed.' };
}

const haltPattern = /\b(halt|halted|halting|abort)\b/i;
const rollbackPattern = /\b(roll ?back|rolled back|revert)\b/i;
const negatedPattern = /\b(no|not|without|never)\s+(need\s+(to|for)\s+)?(a\s+)?(halt|roll ?back|revert|abort)/i;

/** Reads DA-X's model output for an explicit halt or rollback request. */
export function readAnchorSignal(text: string): 'accept' | 'rollback' | 'halt' {
  if (negatedPattern.test(text)) return 'accept';
  if (haltPattern.test(text)) return 'halt';
  if (rollbackPattern.test(text)) return 'rollback';
  return 'accept';
}
