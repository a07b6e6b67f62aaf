import { runSummarySchema, type RunSummary } from '@dax/protocol';
import { validateStored } from './parse-stored.js';

export interface RunSummaryRow {
  run_id: string;
  status: string;
  domain: string;
  risk: string | null;
  started_at: string;
  duration_ms: number | null;
  paused_at: string | null;
}

/** The wire fields of a listed `runs` row, not yet validated (trace summaries add theirs). */
export function runSummaryFields(row: RunSummaryRow): Record<string, unknown> {
  return {
    runId: row.run_id,
    status: row.status,
    domain: row.domain,
    risk: row.risk,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    ...(row.paused_at === null ? {} : { pausedAt: row.paused_at }),
  };
}

/** Maps a listed `runs` row to the wire summary, validating the enum columns. */
export function toRunSummary(row: RunSummaryRow): RunSummary {
  return validateStored(runSummarySchema, runSummaryFields(row));
}
