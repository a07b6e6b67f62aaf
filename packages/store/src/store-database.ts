/**
 * Row shapes of the run store's tables, as Kysely sees them. Column types are
 * portable (text, integer, bigint, double precision) so SQLite and Postgres share
 * one schema; JSON is kept as text and parsed by the repository.
 */
export interface RunsTable {
  run_id: string;
  tenant: string;
  domain: string;
  /** 'running' until finishRun, then a RunStatus. */
  status: string;
  risk: string | null;
  config_hash: string;
  input_hash: string;
  subject_id: string | null;
  metadata_json: string;
  started_at: string;
  finished_at: string | null;
  paused_at: string | null;
  duration_ms: number | null;
  /** The final or paused RunResult as JSON; null while the run is running. */
  result_json: string | null;
  /** Insertion order, for stable newest-first listing. Postgres returns bigint as text. */
  created_seq: number | string;
  /** The process holding a running run; null once it finished or paused. */
  lease_owner: string | null;
  /** ISO-8601 time the lease lapses unless renewed. */
  lease_expires_at: string | null;
}

export interface RunLayersTable {
  run_id: string;
  layer_index: number;
  layer: string;
  status: string;
  entry_json: string;
}

export interface RunFindingsTable {
  run_id: string;
  finding_index: number;
  layer: string;
  guard: string;
  kind: string;
  severity: string;
  rule_id: string | null;
}

export interface RunStatesTable {
  run_id: string;
  state_json: string;
  updated_at: string;
}

export interface StoreDatabase {
  runs: RunsTable;
  run_layers: RunLayersTable;
  run_findings: RunFindingsTable;
  run_states: RunStatesTable;
}
