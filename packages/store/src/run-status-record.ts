import type { RunStatus } from '@dax/protocol';

/** Where a run stands, including runs still in progress (which have no RunResult yet). */
export interface RunStatusRecord {
  readonly runId: string;
  readonly tenant: string;
  readonly domain: string;
  readonly status: RunStatus | 'running';
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly pausedAt?: string;
  /** Number of distinct layer checkpoints recorded so far. */
  readonly layersRecorded: number;
}
