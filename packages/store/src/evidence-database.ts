/** The single row (id 1) every append locks: tree size and its right-edge hashes. */
export interface EvidenceLogHeadTable {
  id: number;
  /** Postgres returns bigint as text. */
  tree_size: number | string;
  /** Base64 hashes of the perfect subtrees of the tree, largest first (see MerkleFrontier). */
  frontier_json: string;
  updated_at: string;
  /** Shared stores: the evidence signing key every replica must sign with (migration 0010). */
  signing_key_id: string | null;
  /** Shared stores: the master key every replica must wrap data keys with (migration 0010). */
  master_key_id: string | null;
}

/** One signed envelope, a leaf of the log. */
export interface EvidenceLeavesTable {
  leaf_index: number | string;
  run_id: string;
  tenant: string;
  /** What the envelope attests: `<status>:<number of approvals>`; one leaf per run and revision. */
  revision: string;
  /** Hex RFC 6962 leaf hash of `envelope_json`'s UTF-8 bytes. */
  leaf_hash: string;
  key_id: string;
  /** The DSSE envelope exactly as hashed into the log. */
  envelope_json: string;
  created_at: string;
}

/** A signed checkpoint (C2SP signed note) over the first `tree_size` leaves. */
export interface EvidenceCheckpointsTable {
  tree_size: number | string;
  /** Base64 root hash, as in the note. */
  root_hash: string;
  note: string;
  created_at: string;
}

// A type alias (not an interface) so Kysely's `withTables` accepts it.
export type EvidenceDatabase = {
  evidence_log_head: EvidenceLogHeadTable;
  evidence_leaves: EvidenceLeavesTable;
  evidence_checkpoints: EvidenceCheckpointsTable;
  runs: { run_id: string; tenant: string; input_hash: string; status: string; result_json: string | null };
};
