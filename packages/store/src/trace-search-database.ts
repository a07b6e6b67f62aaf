import type { GateState } from '@dax/protocol';

/** Row shape of `run_search` (see run-search-row.ts). */
export interface RunSearchTable {
  run_id: string;
  model: string;
  models: string;
  layers: string;
  rule_ids: string;
  gate_state: GateState;
  search_text: string;
}

/** Row shape of a tenant's saved trace views. */
export interface SavedViewsTable {
  tenant: string;
  view_id: string;
  name: string;
  /** The view's TraceSearchFilters as JSON. */
  filters_json: string;
  created_by: string;
  created_at: string;
}

// Type aliases (not interfaces) so Kysely's `withTables` accepts them.
export type TraceSearchDatabase = {
  run_search: RunSearchTable;
  saved_views: SavedViewsTable;
};
