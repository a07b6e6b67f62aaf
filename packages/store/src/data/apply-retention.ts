import { randomUUID } from 'node:crypto';
import type { DataClass } from '@dax/core';
import type { KyselyRunStore } from '../kysely-run-store.js';
import { storeFailure } from '../store-failure.js';
import { claimLease, releaseLease } from './claim-lease.js';
import type { DataHandlingDatabase } from './data-handling-database.js';
import { dataClasses, type RetentionPolicy } from './retention-policy.js';
import { scrubRunTexts } from './scrub-run-texts.js';

export interface RetentionRequest {
  readonly policy: RetentionPolicy;
  /** The data class of each layer's texts (by layer name); the paused state counts as `restricted`. */
  readonly classOf: (layer: string) => DataClass;
  readonly now: Date;
  /** Count what would be removed, change nothing. */
  readonly dryRun?: boolean;
  /** Identifies this process in the lease; default a random id. */
  readonly holder?: string;
  /** Runs per transaction. */
  readonly batchSize?: number;
  /** How long the lease is held before another process may take over. */
  readonly leaseMs?: number;
}

export interface RetentionReport {
  /** False when another process holds the sweep lease (nothing was done). */
  readonly claimed: boolean;
  readonly dryRun: boolean;
  /** Runs whose texts of each class expired (and were removed unless dryRun). */
  readonly runsByClass: Readonly<Record<DataClass, number>>;
}

export const retentionLeaseName = 'retention-sweep';

function cutoffOf(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

/**
 * Removes texts older than their data class allows: for each class with a finite
 * period, every finished run started before the cutoff loses that class's texts
 * (replaced by `[removed: retention]`) and gets a `retention:<class>` tombstone.
 * Run metadata, hashes, findings and evidence stay. One process at a time (lease).
 */
export async function applyRetention(store: KyselyRunStore, request: RetentionRequest): Promise<RetentionReport> {
  const database = store.database.withTables<DataHandlingDatabase>();
  const holder = request.holder ?? randomUUID();
  const nowText = request.now.toISOString();
  const dryRun = request.dryRun === true;
  const batchSize = request.batchSize ?? 200;
  const runsByClass: Record<DataClass, number> = { restricted: 0, confidential: 0, internal: 0, public: 0 };
  try {
    if (!dryRun) {
      const claimed = await claimLease(database, {
        name: retentionLeaseName,
        holder,
        now: nowText,
        expiresAt: new Date(request.now.getTime() + (request.leaseMs ?? 300_000)).toISOString(),
      });
      if (!claimed) return { claimed: false, dryRun, runsByClass };
    }
    try {
      for (const dataClass of dataClasses) {
        const days = request.policy[dataClass];
        if (days === null) continue;
        const scope = `retention:${dataClass}`;
        const expired = database
          .selectFrom('runs')
          .select('run_id')
          .where('status', '<>', 'running')
          .where('started_at', '<', cutoffOf(request.now, days))
          .where((expression) =>
            expression.not(
              expression.exists(
                expression
                  .selectFrom('text_tombstones')
                  .select('text_tombstones.run_id')
                  .whereRef('text_tombstones.run_id', '=', 'runs.run_id')
                  .where('text_tombstones.scope', '=', scope),
              ),
            ),
          );
        if (dryRun) {
          const counted = await expired.clearSelect().select((expression) => expression.fn.countAll().as('count')).executeTakeFirst();
          runsByClass[dataClass] = Number(counted?.count ?? 0);
          continue;
        }
        for (;;) {
          const batch = await expired.orderBy('created_seq').limit(batchSize).execute();
          if (batch.length === 0) break;
          await database.transaction().execute(async (transaction) => {
            for (const { run_id: runId } of batch) {
              const fields = await scrubRunTexts(transaction, {
                runId,
                reason: 'retention',
                removes: (field) => request.classOf(field.layer) === dataClass,
                removesState: dataClass === 'restricted',
              });
              await transaction
                .insertInto('text_tombstones')
                .values({ run_id: runId, scope, reason: `retention period of ${dataClass} data (${String(days)} days) ended`, fields_json: JSON.stringify(fields), removed_at: nowText })
                .onConflict((conflict) => conflict.columns(['run_id', 'scope']).doNothing())
                .execute();
            }
          });
          runsByClass[dataClass] += batch.length;
        }
      }
    } finally {
      if (!dryRun) await releaseLease(database, retentionLeaseName, holder);
    }
  } catch (cause) {
    throw storeFailure(cause);
  }
  if (!dryRun && dataClasses.some((dataClass) => runsByClass[dataClass] > 0)) await store.compact();
  return { claimed: true, dryRun, runsByClass };
}
