import type { GateStatus } from './gate-types.js';
import type { Finding, RunResult, RunStatus } from './run-types.js';

interface RunEventBase {
  readonly runId: string;
  /** Monotonic sequence number within the run, starting at 1. */
  readonly seq: number;
  readonly at: string;
}

export interface RunStartEvent extends RunEventBase {
  readonly type: 'run-start';
  readonly domain: string;
  readonly configHash: string;
  readonly layers: readonly string[];
}
export interface LayerStartEvent extends RunEventBase {
  readonly type: 'layer-start';
  readonly layer: string;
  readonly agent: string;
  /** 0 for the first pass, then 1, 2 … for DA-X re-runs. */
  readonly rerun: number;
}
export interface GuardFindingEvent extends RunEventBase {
  readonly type: 'guard-finding';
  readonly finding: Finding;
}
export interface LayerEndEvent extends RunEventBase {
  readonly type: 'layer-end';
  readonly layer: string;
  readonly status: 'ok' | 'rolled_back' | 'failed';
  readonly model: string;
  readonly durationMs: number;
  readonly unstable: boolean;
}
export interface RunEndEvent extends RunEventBase {
  readonly type: 'run-end';
  readonly status: RunStatus;
  readonly result: RunResult;
}

export type RunEvent = RunStartEvent | LayerStartEvent | GuardFindingEvent | LayerEndEvent | RunEndEvent | GateEvent;
export type RunEventType = RunEvent['type'];

/** A human gate (DA-7) changed state: opened, notified, acknowledged, escalated, approved, denied, expired, resumed. */
export interface GateEvent extends RunEventBase {
  readonly type: 'gate-opened' | 'gate-notified' | 'gate-acknowledged' | 'gate-escalated' | 'gate-approved' | 'gate-denied' | 'gate-expired';
  readonly gateId: string;
  readonly status: GateStatus;
  /** Who caused the transition (`system` for the SLA sweep). */
  readonly actor: string;
  /** Escalation level after the transition (0 = the on-call shift). */
  readonly level: number;
}

export type GateEventType = GateEvent['type'];
