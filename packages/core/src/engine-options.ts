import type { Approval } from '@dax/protocol';
import type { Clock } from './clock.js';
import type { ConfigSource } from './config-source.js';
import type { GuardSuite } from './guard-suite.js';
import type { LayerConfig } from './layer-config.js';
import type { ModelRouter } from './model-router.js';
import type { RunEventListener } from './run-event-emitter.js';
import type { RunStore } from './run-store.js';

export interface EngineLimits {
  /** Longest accepted input, in characters. */
  readonly maxInputChars: number;
  /** Per-attempt model timeout when a layer sets no `timeoutMs`. */
  readonly layerTimeoutMs: number;
  /** How many times an unstable layer is re-run before its output is rolled back. */
  readonly rerunLimit: number;
  /** This many rolled-back layers halt the run. */
  readonly haltAfterRollbacks: number;
  /** Whole-run deadline: a run still going after this fails with `DAX_E_RUN_DEADLINE`. */
  readonly runDeadlineMs: number;
}

export const defaultEngineLimits: EngineLimits = {
  maxInputChars: 32_000,
  layerTimeoutMs: 30_000,
  rerunLimit: 1,
  haltAfterRollbacks: 2,
  runDeadlineMs: 300_000,
};

export interface EngineOptions {
  readonly config: LayerConfig;
  /** Picks each run's configuration by its domain (the active version); without it every run uses `config`. */
  readonly configSource?: ConfigSource;
  readonly router: ModelRouter;
  readonly guards: GuardSuite;
  readonly store: RunStore;
  readonly clock?: Clock;
  readonly limits?: Partial<EngineLimits>;
  readonly createRunId?: () => string;
}

/** Continues a run paused at DA-7 with the human decisions that settled its gate. */
export interface ResumeRequest {
  readonly runId: string;
  readonly approvals: readonly Approval[];
  /** Sequence number of the run's last stored event (gate events included); new events follow it. */
  readonly eventSeq?: number;
  readonly includeReasons?: boolean;
  readonly signal?: AbortSignal;
  readonly onEvent?: RunEventListener;
}

export interface RunRequest {
  readonly input: string;
  readonly includeReasons?: boolean;
  readonly domain?: string;
  readonly tenant?: string;
  readonly subjectId?: string;
  /** Subject of the identity starting the run, kept with a paused run (the caller may not approve its own gate). */
  readonly caller?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  readonly onEvent?: RunEventListener;
}
