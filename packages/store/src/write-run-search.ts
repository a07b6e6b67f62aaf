import type { RunResult } from '@dax/protocol';
import type { Kysely } from 'kysely';
import { runSearchRowFor } from './run-search-row.js';
import type { StoreDatabase } from './store-database.js';
import type { TraceSearchDatabase } from './trace-search-database.js';

/** Writes (or replaces) the run's trace search row; call inside the finishing transaction. */
export async function writeRunSearch(transaction: Kysely<StoreDatabase>, result: RunResult): Promise<void> {
  const row = { run_id: result.runId, ...runSearchRowFor(result) };
  await transaction
    .withTables<TraceSearchDatabase>()
    .insertInto('run_search')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('run_id').doUpdateSet({
        model: row.model,
        models: row.models,
        layers: row.layers,
        rule_ids: row.rule_ids,
        gate_state: row.gate_state,
        search_text: row.search_text,
      }),
    )
    .execute();
}
