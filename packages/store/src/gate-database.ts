/** Row shape of a human gate: one per paused run. Timestamps are ISO-8601 text. */
export interface GatesTable {
  gate_id: string;
  run_id: string;
  tenant: string;
  domain: string;
  risk: string;
  reason: string;
  rule_ids_json: string;
  rotation: string;
  status: string;
  level: number;
  required_approvals: number;
  caller: string | null;
  opened_at: string;
  acknowledge_by: string | null;
  decide_by: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  decided_at: string | null;
  /** 1 once the run was resumed (or ended) after the final decision. */
  resumed: number;
  claimed_by: string | null;
  claim_until: string | null;
  updated_at: string;
}

export interface GateDecisionsTable {
  gate_id: string;
  approver: string;
  decision: string;
  comment: string | null;
  decided_at: string;
}

/** One webhook delivery: its id is the idempotency key (gate, transition, level, target). */
export interface GateOutboxTable {
  outbox_id: string;
  gate_id: string;
  transition: string;
  target: string;
  payload_json: string;
  /** pending, sent or failed (retries exhausted). */
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  claimed_by: string | null;
  claim_until: string | null;
}

// Type alias (not an interface) so Kysely's `withTables` accepts it.
export type GateDatabase = {
  gates: GatesTable;
  gate_decisions: GateDecisionsTable;
  gate_outbox: GateOutboxTable;
  run_events: { run_id: string; seq: number; type: string; event_json: string };
  runs: { run_id: string; tenant: string; status: string };
};
