import type { Kysely, Migration } from 'kysely';

/**
 * Data handling: wrapped per-subject data keys, tombstones of removed texts, the
 * erasure ledger (subject hashes only) and maintenance leases that keep two
 * replicas from sweeping the same runs. Portable SQL, repeatable with `if not exists`.
 */
export const createDataHandlingTables: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable('subject_keys')
      .ifNotExists()
      .addColumn('subject_hash', 'text', (column) => column.primaryKey())
      .addColumn('wrapped_key', 'text', (column) => column.notNull())
      .addColumn('wrapper_key_id', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();

    await database.schema
      .createTable('text_tombstones')
      .ifNotExists()
      .addColumn('run_id', 'text', (column) => column.notNull())
      .addColumn('scope', 'text', (column) => column.notNull())
      .addColumn('reason', 'text', (column) => column.notNull())
      .addColumn('fields_json', 'text', (column) => column.notNull())
      .addColumn('removed_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('text_tombstones_pk', ['run_id', 'scope'])
      .execute();

    await database.schema
      .createTable('erasure_ledger')
      .ifNotExists()
      .addColumn('subject_hash', 'text', (column) => column.primaryKey())
      .addColumn('erased_at', 'text', (column) => column.notNull())
      .execute();

    await database.schema
      .createTable('maintenance_leases')
      .ifNotExists()
      .addColumn('name', 'text', (column) => column.primaryKey())
      .addColumn('holder', 'text', (column) => column.notNull())
      .addColumn('expires_at', 'text', (column) => column.notNull())
      .execute();

    await database.schema.createIndex('runs_subject').ifNotExists().on('runs').column('subject_id').execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.dropIndex('runs_subject').ifExists().execute();
    await database.schema.dropTable('maintenance_leases').ifExists().execute();
    await database.schema.dropTable('erasure_ledger').ifExists().execute();
    await database.schema.dropTable('text_tombstones').ifExists().execute();
    await database.schema.dropTable('subject_keys').ifExists().execute();
  },
};
