import type { Kysely, Migration } from 'kysely';

/**
 * The run tables. Portable SQL only (text, integer, bigint, double precision,
 * composite keys, foreign keys, ordinary indexes) so Postgres runs the same
 * migration. `if not exists` lets a half-applied run on an engine without
 * transactional DDL be repeated safely.
 */
export const createRunTables: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable('runs')
      .ifNotExists()
      .addColumn('run_id', 'text', (column) => column.primaryKey())
      .addColumn('tenant', 'text', (column) => column.notNull())
      .addColumn('domain', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('risk', 'text')
      .addColumn('config_hash', 'text', (column) => column.notNull())
      .addColumn('input_hash', 'text', (column) => column.notNull())
      .addColumn('subject_id', 'text')
      .addColumn('metadata_json', 'text', (column) => column.notNull())
      .addColumn('started_at', 'text', (column) => column.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('paused_at', 'text')
      .addColumn('duration_ms', 'double precision')
      .addColumn('result_json', 'text')
      .addColumn('created_seq', 'bigint', (column) => column.notNull().unique())
      .execute();

    await database.schema
      .createIndex('runs_tenant_seq')
      .ifNotExists()
      .on('runs')
      .columns(['tenant', 'created_seq'])
      .execute();
    await database.schema
      .createIndex('runs_tenant_started')
      .ifNotExists()
      .on('runs')
      .columns(['tenant', 'started_at'])
      .execute();
    await database.schema
      .createIndex('runs_status_seq')
      .ifNotExists()
      .on('runs')
      .columns(['status', 'created_seq'])
      .execute();

    await database.schema
      .createTable('run_layers')
      .ifNotExists()
      .addColumn('run_id', 'text', (column) => column.notNull().references('runs.run_id').onDelete('cascade'))
      .addColumn('layer_index', 'integer', (column) => column.notNull())
      .addColumn('layer', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('entry_json', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('run_layers_pk', ['run_id', 'layer_index'])
      .execute();

    await database.schema
      .createTable('run_findings')
      .ifNotExists()
      .addColumn('run_id', 'text', (column) => column.notNull().references('runs.run_id').onDelete('cascade'))
      .addColumn('finding_index', 'integer', (column) => column.notNull())
      .addColumn('layer', 'text', (column) => column.notNull())
      .addColumn('guard', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('severity', 'text', (column) => column.notNull())
      .addColumn('rule_id', 'text')
      .addPrimaryKeyConstraint('run_findings_pk', ['run_id', 'finding_index'])
      .execute();
    await database.schema
      .createIndex('run_findings_guard_kind')
      .ifNotExists()
      .on('run_findings')
      .columns(['guard', 'kind'])
      .execute();
    await database.schema.createIndex('run_findings_rule').ifNotExists().on('run_findings').column('rule_id').execute();

    await database.schema
      .createTable('run_states')
      .ifNotExists()
      .addColumn('run_id', 'text', (column) => column.primaryKey().references('runs.run_id').onDelete('cascade'))
      .addColumn('state_json', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.dropTable('run_states').ifExists().execute();
    await database.schema.dropTable('run_findings').ifExists().execute();
    await database.schema.dropTable('run_layers').ifExists().execute();
    await database.schema.dropTable('runs').ifExists().execute();
  },
};
