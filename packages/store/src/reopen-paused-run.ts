import type { ReopenedRun } from '@dax/core';
import { runResultSchema } from '@dax/protocol';
import type { Kysely } from 'kysely';
import { parseStored } from './parse-stored.js';
import { pausedRunStateShape } from './paused-run-state-shape.js';
import { runningStatus } from './run-store-queries.js';
import type { StoreDatabase } from './store-database.js';

/**
 * Moves a paused run back to running in one transaction. The conditional update
 * (`status = 'awaiting_approval'`) is what makes it safe across replicas: only the
 * caller whose update changed the row resumes the run. The paused result stays in
 * place until the resumed run finishes, so nothing is lost if the resumer dies.
 */
export async function reopenPausedRun(database: Kysely<StoreDatabase>, runId: string): Promise<ReopenedRun | undefined> {
  return database.transaction().execute(async (transaction) => {
    const update = await transaction
      .updateTable('runs')
      .set({ status: runningStatus, finished_at: null })
      .where('run_id', '=', runId)
      .where('status', '=', 'awaiting_approval')
      .executeTakeFirst();
    if (update.numUpdatedRows !== 1n) return undefined;
    const row = await transaction
      .selectFrom('runs')
      .innerJoin('run_states', 'run_states.run_id', 'runs.run_id')
      .select(['runs.result_json', 'run_states.state_json'])
      .where('runs.run_id', '=', runId)
      .executeTakeFirst();
    if (row?.result_json === null || row?.result_json === undefined) {
      throw new Error('A paused run has no stored result or state.');
    }
    return { result: parseStored(runResultSchema, row.result_json), state: parseStored(pausedRunStateShape, row.state_json) };
  });
}
