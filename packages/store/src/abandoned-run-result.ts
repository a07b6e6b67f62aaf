import { traceEntrySchema, type RunResult, type TraceEntry } from '@dax/protocol';
import { validateStored } from './parse-stored.js';

export interface AbandonedRunRow {
  readonly run_id: string;
  readonly domain: string;
  readonly config_hash: string;
  readonly started_at: string;
}

/**
 * The stored result of a run whose process died mid-run: `failed` with
 * `DAX_E_RUN_ABANDONED`, the layers it had checkpointed, no output. Its risk is
 * unknown, so it is recorded as the highest grade (fail closed).
 */
export function abandonedRunResult(row: AbandonedRunRow, layerEntries: readonly string[], now: Date): RunResult {
  const trace: TraceEntry[] = layerEntries.flatMap((entry) => {
    // A checkpoint that no longer reads is left out; the run still fails closed.
    try {
      return [validateStored(traceEntrySchema, JSON.parse(entry))];
    } catch {
      return [];
    }
  });
  const startedMs = Date.parse(row.started_at);
  const lastLayer = trace.at(-1)?.layer;
  return {
    runId: row.run_id,
    status: 'failed',
    output: '',
    trace,
    decision: {
      action: 'halt',
      reason: 'The process running this run stopped; the run was failed after its lease expired.',
      ...(lastLayer === undefined ? {} : { layer: lastLayer }),
    },
    risk: { grade: 'P0', gate: true, reasons: ['The run was abandoned before its risk was settled.'] },
    policy: { decision: 'deny', ruleIds: [] },
    findings: trace.flatMap((entry) => entry.findings),
    domain: row.domain,
    configHash: row.config_hash,
    model: trace.find((entry) => entry.model !== '')?.model ?? '',
    attempts: trace.reduce((total, entry) => total + entry.attempts.length, 0),
    usage: { inputTokens: 0, outputTokens: 0, estimated: true },
    startedAt: row.started_at,
    durationMs: Number.isNaN(startedMs) ? 0 : Math.max(0, now.getTime() - startedMs),
    evidenceIds: [],
    error: {
      code: 'DAX_E_RUN_ABANDONED',
      message: 'The process running the run stopped; the run was failed after its lease expired.',
      ...(lastLayer === undefined ? {} : { layer: lastLayer }),
    },
  };
}
