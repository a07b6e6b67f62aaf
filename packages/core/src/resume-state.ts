import { DaxError } from '@dax/protocol';
import type { Anchor, InjectionMatch, PiiSpan, PolicyResult, RiskAssessment } from './guard-suite.js';
import type { PausedRunState } from './run-store.js';

/**
 * What the engine keeps of a paused run so that any process can continue it:
 * the anchor DA-13 extracted (drift checks after DA-7 compare against it), the
 * redacted working text and the guards' verdicts. No raw input is kept.
 */
export interface ResumeState {
  readonly version: 1;
  readonly runId: string;
  readonly nextLayerIndex: number;
  readonly tenant: string;
  readonly domain: string;
  readonly includeReasons: boolean;
  readonly configHash: string;
  /** The text the next layer receives (after DA-8, so redacted). */
  readonly current: string;
  readonly risk: RiskAssessment;
  readonly policy: PolicyResult;
  readonly rolledBack: readonly string[];
  readonly anchor: Anchor;
  readonly injection: readonly InjectionMatch[];
  readonly piiTypes: readonly string[];
  readonly workingIntent: string;
  readonly intentSpans: readonly PiiSpan[];
  /** Subject of the identity that started the run (it may not approve it). */
  readonly caller?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a stored paused state; one written before the anchor was kept cannot be resumed (fails closed). */
export function readResumeState(state: PausedRunState): ResumeState {
  const candidate = state as Record<string, unknown>;
  const complete =
    Number.isSafeInteger(candidate.nextLayerIndex) &&
    typeof candidate.current === 'string' &&
    typeof candidate.configHash === 'string' &&
    typeof candidate.workingIntent === 'string' &&
    isObject(candidate.anchor) &&
    Array.isArray((candidate.anchor as { entities?: unknown }).entities) &&
    isObject(candidate.risk) &&
    isObject(candidate.policy) &&
    Array.isArray(candidate.rolledBack) &&
    Array.isArray(candidate.injection) &&
    Array.isArray(candidate.piiTypes) &&
    Array.isArray(candidate.intentSpans);
  if (!complete) {
    throw new DaxError('DAX_E_RUN_NOT_PAUSED', { detail: 'The paused state of this run is incomplete; it cannot be resumed and stays paused.' });
  }
  return state as unknown as ResumeState;
}
