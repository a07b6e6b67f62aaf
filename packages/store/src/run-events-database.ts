/** Row shape of the run events table: one row per event of a finished (or paused) run. */
export interface RunEventsTable {
  run_id: string;
  /** The event's sequence number within its run, from 1. */
  seq: number;
  type: string;
  /** The whole RunEvent as JSON. */
  event_json: string;
}

/** Row shape of the idempotency records of `POST /v1/runs`, keyed by tenant and key. */
export interface IdempotencyRecordsTable {
  tenant: string;
  idempotency_key: string;
  /** sha256 of the canonical request body: the same key with another body is a conflict. */
  request_hash: string;
  /** 'in_progress' while the run executes, then 'completed'. */
  state: string;
  run_id: string | null;
  response_status: number | null;
  created_at: string;
  updated_at: string;
}

// Type aliases (not interfaces) so Kysely's `withTables` accepts them.
export type RunEventsDatabase = {
  run_events: RunEventsTable;
  runs: { run_id: string; tenant: string; subject_id: string | null };
};

export type IdempotencyDatabase = {
  idempotency_records: IdempotencyRecordsTable;
};
