import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The evidence log: one row per signed envelope (a leaf of the RFC 6962 tree), the
 * signed checkpoints, and a single head row (id 1) that every append locks first so
 * concurrent writers, in one process or many replicas on Postgres, never fork the
 * tree. Leaves carry no foreign key to `runs`: evidence outlives erased runs.
 */
export const createEvidenceLog: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable('evidence_log_head')
      .ifNotExists()
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .addColumn('tree_size', 'bigint', (column) => column.notNull())
      .addColumn('frontier_json', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await sql`insert into evidence_log_head (id, tree_size, frontier_json, updated_at) values (1, 0, '[]', '') on conflict (id) do nothing`.execute(
      database,
    );

    await database.schema
      .createTable('evidence_leaves')
      .ifNotExists()
      .addColumn('leaf_index', 'bigint', (column) => column.primaryKey())
      .addColumn('run_id', 'text', (column) => column.notNull())
      .addColumn('tenant', 'text', (column) => column.notNull())
      .addColumn('revision', 'text', (column) => column.notNull())
      .addColumn('leaf_hash', 'text', (column) => column.notNull())
      .addColumn('key_id', 'text', (column) => column.notNull())
      .addColumn('envelope_json', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addUniqueConstraint('evidence_leaves_run_revision', ['run_id', 'revision'])
      .execute();

    await database.schema
      .createTable('evidence_checkpoints')
      .ifNotExists()
      .addColumn('tree_size', 'bigint', (column) => column.primaryKey())
      .addColumn('root_hash', 'text', (column) => column.notNull())
      .addColumn('note', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.dropTable('evidence_checkpoints').ifExists().execute();
    await database.schema.dropTable('evidence_leaves').ifExists().execute();
    await database.schema.dropTable('evidence_log_head').ifExists().execute();
  },
};
