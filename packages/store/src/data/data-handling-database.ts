import type { RunEventsTable } from '../run-events-database.js';
import type { RunFindingsTable, RunLayersTable, RunStatesTable, RunsTable } from '../store-database.js';

/** A per-subject data key, wrapped by the master key; deleting the row is erasure (crypto-shredding). */
export interface SubjectKeysTable {
  /** sha256 of tenant and subject id: the subject id itself is not kept here. */
  subject_hash: string;
  wrapped_key: string;
  wrapper_key_id: string;
  created_at: string;
}

/** What was removed from a run, when and why (texts only; metadata and hashes stay). */
export interface TextTombstonesTable {
  run_id: string;
  /** `erasure` or `retention:<class>`. */
  scope: string;
  reason: string;
  /** JSON array of the field names removed. */
  fields_json: string;
  removed_at: string;
}

/** Subjects that were erased, by hash: re-applied when a backup is restored. */
export interface ErasureLedgerTable {
  subject_hash: string;
  erased_at: string;
}

/** A named lease that one process holds until `expires_at` (ISO-8601). */
export interface MaintenanceLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

// A type alias (not an interface) so Kysely's `withTables` accepts it.
export type DataHandlingDatabase = {
  runs: RunsTable;
  run_layers: RunLayersTable;
  run_findings: RunFindingsTable;
  run_states: RunStatesTable;
  run_events: RunEventsTable;
  subject_keys: SubjectKeysTable;
  text_tombstones: TextTombstonesTable;
  erasure_ledger: ErasureLedgerTable;
  maintenance_leases: MaintenanceLeasesTable;
};
