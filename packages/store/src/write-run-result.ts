import type { PausedRunState } from '@dax/core';
import { DaxError, type RunResult } from '@dax/protocol';
import type { Kysely } from 'kysely';
import type { RunStoreQueries } from './run-store-queries.js';
import type { RunFindingsTable, StoreDatabase } from './store-database.js';
import { writeRunSearch } from './write-run-search.js';

/** Rows per multi-row insert: well under every engine's bound-parameter limit. */
const findingsPerInsert = 500;

/**
 * Writes a final or paused result: the run row, its searchable findings and the
 * paused state (kept only when given). Call inside one transaction.
 */
export async function writeRunResult(
  transaction: Kysely<StoreDatabase>,
  queries: RunStoreQueries,
  result: RunResult,
  pausedState: PausedRunState | undefined,
  now: string,
): Promise<void> {
  const runId = result.runId;
  const update = await transaction.executeQuery(
    queries.finishRun({
      runId,
      status: result.status,
      risk: result.risk.grade,
      durationMs: result.durationMs,
      resultJson: JSON.stringify(result),
      finishedAt: result.status === 'awaiting_approval' ? null : now,
      pausedAt: result.pausedAt ?? null,
    }),
  );
  if (update.numAffectedRows === 0n) {
    const existing = await transaction.selectFrom('runs').select('run_id').where('run_id', '=', runId).executeTakeFirst();
    if (existing !== undefined) {
      // A lease sweep failed this run while its process was stalled; that outcome stands.
      throw new DaxError('DAX_E_RUN_ABANDONED', {
        detail: 'The run was failed by a lease sweep before it finished; this result was not stored.',
        retryable: false,
      });
    }
    throw new DaxError('DAX_E_RUN_NOT_FOUND', { detail: 'finishRun was called for a run that was never started.' });
  }

  await transaction.executeQuery(queries.deleteFindings({ runId }));
  const rows: RunFindingsTable[] = result.findings.map((finding, index) => ({
    run_id: runId,
    finding_index: index,
    layer: finding.layer,
    guard: finding.guard,
    kind: finding.kind,
    severity: finding.severity,
    rule_id: finding.ruleId ?? null,
  }));
  for (let start = 0; start < rows.length; start += findingsPerInsert) {
    await transaction
      .insertInto('run_findings')
      .values(rows.slice(start, start + findingsPerInsert))
      .execute();
  }

  await writeRunSearch(transaction, result);

  await transaction.executeQuery(
    pausedState === undefined
      ? queries.deleteState({ runId })
      : queries.upsertState({ runId, stateJson: JSON.stringify(pausedState), updatedAt: now }),
  );
}
