/** Row shapes of the configuration version tables (migration 0006). */
export type ConfigVersionsTable = {
  domain: string;
  kind: string;
  version_id: string;
  status: string;
  content_json: string;
  note_json: string;
  proposed_by: string;
  proposed_at: string;
  approvals_json: string;
  activated_at: string | null;
  activated_by: string | null;
};

export type ConfigAuditTable = {
  /** Order of the audit trail; Postgres returns integers as numbers, bigint as text. */
  seq: number | string;
  domain: string;
  kind: string;
  action: string;
  version_id: string;
  previous_version_id: string | null;
  actor: string;
  at: string;
};

export type ConfigVersionDatabase = {
  config_versions: ConfigVersionsTable;
  config_audit: ConfigAuditTable;
};
