import type { RunResult, RunStatus, RunSummary, TraceEntry } from '@dax/protocol';

export interface RunStartRecord {
  readonly runId: string;
  readonly tenant: string;
  readonly domain: string;
  readonly configHash: string;
  /** sha256 of the raw input: lets an operator match a run without storing the text twice. */
  readonly inputHash: string;
  readonly startedAt: string;
  readonly subjectId?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface RunListQuery {
  readonly tenant?: string;
  readonly status?: RunStatus;
  readonly limit: number;
  /** Opaque cursor from a previous page. */
  readonly cursor?: string;
}

export interface RunListPage {
  readonly runs: readonly RunSummary[];
  readonly nextCursor?: string;
}

/**
 * Durable state of a paused run (awaiting approval): enough for any process to
 * resume it. Opaque to the store, versioned by the engine.
 */
export interface PausedRunState {
  readonly version: 1;
  readonly [key: string]: unknown;
}

/** A paused run taken back for resumption. */
export interface ReopenedRun {
  readonly result: RunResult;
  readonly state: PausedRunState;
}

/**
 * Where runs are kept. Implementations: the embedded SQLite store and (later)
 * Postgres; nothing above `@dax/store` knows which one it has. Every method may
 * throw `DaxError('DAX_E_STORE_UNAVAILABLE')`; the engine then fails the run.
 */
export interface RunStore {
  startRun(record: RunStartRecord): Promise<void>;
  /** Checkpoint: one finished layer (outputs already redacted). Idempotent per (runId, index). */
  recordLayer(runId: string, index: number, entry: TraceEntry): Promise<void>;
  /**
   * Final (or paused) result, written with its state in one transaction. May return
   * the result as stored (e.g. with its evidence ids, or failed closed when evidence
   * could not be signed); the engine then reports that one.
   */
  finishRun(result: RunResult, pausedState?: PausedRunState): Promise<RunResult | void>;
  getRun(runId: string, tenant?: string): Promise<RunResult | undefined>;
  listRuns(query: RunListQuery): Promise<RunListPage>;
  getPausedState(runId: string): Promise<PausedRunState | undefined>;
  /**
   * Takes a paused run back for resumption: moves it from `awaiting_approval` to
   * running with a conditional update, so exactly one caller (on any replica) gets
   * its paused result and state; every other caller gets undefined.
   */
  reopenPausedRun?(runId: string): Promise<ReopenedRun | undefined>;
  close(): Promise<void>;
}
