import type { Kysely, Migration } from 'kysely';
import { runSearchRowOfStored } from '../run-search-row.js';

/**
 * Trace search and saved views: one `run_search` row per finished or paused run
 * (models, layers and rule ids as `|`-delimited lists, the gate state, and the
 * lower-cased redacted texts), indexes for the search filters, and the tenant's
 * saved views. Existing runs are indexed from their stored results. Portable SQL.
 */
export const createTraceSearchAndSavedViews: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable('run_search')
      .ifNotExists()
      .addColumn('run_id', 'text', (column) => column.primaryKey().references('runs.run_id').onDelete('cascade'))
      .addColumn('model', 'text', (column) => column.notNull())
      .addColumn('models', 'text', (column) => column.notNull())
      .addColumn('layers', 'text', (column) => column.notNull())
      .addColumn('rule_ids', 'text', (column) => column.notNull())
      .addColumn('gate_state', 'text', (column) => column.notNull())
      .addColumn('search_text', 'text', (column) => column.notNull())
      .execute();
    await database.schema.createIndex('run_search_gate_state').ifNotExists().on('run_search').column('gate_state').execute();
    await database.schema.createIndex('runs_tenant_status_seq').ifNotExists().on('runs').columns(['tenant', 'status', 'created_seq']).execute();
    await database.schema.createIndex('runs_tenant_domain_seq').ifNotExists().on('runs').columns(['tenant', 'domain', 'created_seq']).execute();
    await database.schema.createIndex('runs_tenant_risk_seq').ifNotExists().on('runs').columns(['tenant', 'risk', 'created_seq']).execute();

    await database.schema
      .createTable('saved_views')
      .ifNotExists()
      .addColumn('tenant', 'text', (column) => column.notNull())
      .addColumn('view_id', 'text', (column) => column.notNull())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('filters_json', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('saved_views_pk', ['tenant', 'view_id'])
      .execute();
    await database.schema.createIndex('saved_views_tenant_name').ifNotExists().unique().on('saved_views').columns(['tenant', 'name']).execute();

    // Index the runs stored before this migration.
    const typed = database as Kysely<{ runs: { run_id: string; result_json: string | null }; run_search: Record<string, string> }>;
    const stored = await typed.selectFrom('runs').select(['run_id', 'result_json']).where('result_json', 'is not', null).execute();
    for (const row of stored) {
      let result: unknown;
      try {
        result = JSON.parse(row.result_json ?? 'null') as unknown;
      } catch {
        continue;
      }
      const search = runSearchRowOfStored(result);
      if (search === undefined) continue;
      await typed
        .insertInto('run_search')
        .values({ run_id: row.run_id, ...search })
        .onConflict((conflict) => conflict.column('run_id').doNothing())
        .execute();
    }
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.dropTable('saved_views').ifExists().execute();
    await database.schema.dropIndex('runs_tenant_risk_seq').ifExists().execute();
    await database.schema.dropIndex('runs_tenant_domain_seq').ifExists().execute();
    await database.schema.dropIndex('runs_tenant_status_seq').ifExists().execute();
    await database.schema.dropTable('run_search').ifExists().execute();
  },
};
