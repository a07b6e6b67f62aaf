import type { Kysely } from 'kysely';
import type { DataHandlingDatabase } from './data-handling-database.js';
import { scrubRunTexts } from './scrub-run-texts.js';

export const erasureScope = 'erasure';

/**
 * Erases the given subjects inside one transaction: every text of their runs is
 * replaced by `[removed: erasure]`, the paused state is deleted, the run's subject
 * id is cleared, a tombstone is written per run, the data keys are deleted and the
 * subject hashes are entered in the erasure ledger. Run metadata, hashes and
 * findings stay. Returns the erased run ids.
 */
export async function eraseSubjectRuns(
  transaction: Kysely<DataHandlingDatabase>,
  runs: readonly { readonly runId: string }[],
  subjectHashes: readonly string[],
  now: string,
): Promise<string[]> {
  const erased: string[] = [];
  for (const { runId } of runs) {
    const fields = await scrubRunTexts(transaction, { runId, reason: 'erasure', removes: () => true, removesState: true });
    await transaction.updateTable('runs').set({ subject_id: null }).where('run_id', '=', runId).execute();
    await transaction
      .insertInto('text_tombstones')
      .values({ run_id: runId, scope: erasureScope, reason: 'data subject erasure request', fields_json: JSON.stringify(fields), removed_at: now })
      .onConflict((conflict) => conflict.columns(['run_id', 'scope']).doNothing())
      .execute();
    erased.push(runId);
  }
  for (const hash of subjectHashes) {
    await transaction.deleteFrom('subject_keys').where('subject_hash', '=', hash).execute();
    await transaction
      .insertInto('erasure_ledger')
      .values({ subject_hash: hash, erased_at: now })
      .onConflict((conflict) => conflict.column('subject_hash').doNothing())
      .execute();
  }
  return erased;
}
