import type { RunResult } from '@dax/protocol';
import type { Kysely } from 'kysely';
import { abandonedRunResult } from './abandoned-run-result.js';
import { reclaimedLeaseOwner, runningStatus } from './run-store-queries.js';
import type { StoreDatabase } from './store-database.js';

/** Signs the reclaimed (failed) state of a run into the evidence log, inside the claim's transaction. */
export interface ReclaimEvidence {
  lock(transaction: Kysely<StoreDatabase>, now: string): Promise<void>;
  append(transaction: Kysely<StoreDatabase>, result: RunResult, now: string): Promise<string[]>;
}

/** Runs reclaimed per sweep at most; the next sweep takes the rest. */
const sweepBatch = 100;

/**
 * Fails every running run whose lease lapsed before `now` (its process died or
 * hung): status `failed`, error `DAX_E_RUN_ABANDONED`, the checkpointed layers
 * kept. Runs from before leases existed (no lease) count as abandoned once they
 * are older than `legacyAfterMs`. Each run is claimed by a conditional update, so
 * concurrent sweeps on several replicas reclaim a run once; with `appendEvidence` the
 * failed state is signed into the evidence log in the same transaction. Returns the run ids
 * this sweep reclaimed.
 */
export async function reclaimAbandonedRuns(
  database: Kysely<StoreDatabase>,
  now: Date,
  legacyAfterMs: number,
  appendEvidence?: ReclaimEvidence,
): Promise<string[]> {
  const nowText = now.toISOString();
  const legacyBefore = new Date(now.getTime() - legacyAfterMs).toISOString();
  const candidates = await database
    .selectFrom('runs')
    .select(['run_id', 'domain', 'config_hash', 'started_at'])
    .where('status', '=', runningStatus)
    .where((where) =>
      where.or([
        where('lease_expires_at', '<', nowText),
        where.and([where('lease_expires_at', 'is', null), where('started_at', '<', legacyBefore)]),
      ]),
    )
    .orderBy('created_seq')
    .limit(sweepBatch)
    .execute();

  const reclaimed: string[] = [];
  for (const candidate of candidates) {
    const claimed = await database.transaction().execute(async (transaction) => {
      // Take the evidence log's lock first, as every append does, so the claim and its envelope commit together.
      if (appendEvidence !== undefined) await appendEvidence.lock(transaction, nowText);
      const layers = await transaction
        .selectFrom('run_layers')
        .select('entry_json')
        .where('run_id', '=', candidate.run_id)
        .orderBy('layer_index')
        .execute();
      const result = abandonedRunResult(
        candidate,
        layers.map((layer) => layer.entry_json),
        now,
      );
      const update = await transaction
        .updateTable('runs')
        .set({
          status: result.status,
          risk: result.risk.grade,
          duration_ms: result.durationMs,
          result_json: JSON.stringify(result),
          finished_at: nowText,
          lease_owner: reclaimedLeaseOwner,
          lease_expires_at: null,
        })
        .where('run_id', '=', candidate.run_id)
        .where('status', '=', runningStatus)
        .where((where) =>
          where.or([
            where('lease_expires_at', '<', nowText),
            where.and([where('lease_expires_at', 'is', null), where('started_at', '<', legacyBefore)]),
          ]),
        )
        .executeTakeFirst();
      if (update.numUpdatedRows === 0n) return false;
      if (appendEvidence !== undefined) {
        const evidenceIds = await appendEvidence.append(transaction, result, nowText);
        await transaction
          .updateTable('runs')
          .set({ result_json: JSON.stringify({ ...result, evidenceIds }) })
          .where('run_id', '=', candidate.run_id)
          .execute();
      }
      return true;
    });
    if (claimed) reclaimed.push(candidate.run_id);
  }
  return reclaimed;
}
