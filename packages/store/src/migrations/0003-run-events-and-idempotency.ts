import type { Kysely, Migration } from 'kysely';

/**
 * The run events table (a finished run's event stream, for replay over SSE) and
 * the idempotency records of `POST /v1/runs`. Portable SQL, repeatable with
 * `if not exists`.
 */
export const createRunEventsAndIdempotency: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable('run_events')
      .ifNotExists()
      .addColumn('run_id', 'text', (column) => column.notNull().references('runs.run_id').onDelete('cascade'))
      .addColumn('seq', 'integer', (column) => column.notNull())
      .addColumn('type', 'text', (column) => column.notNull())
      .addColumn('event_json', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('run_events_pk', ['run_id', 'seq'])
      .execute();

    await database.schema
      .createTable('idempotency_records')
      .ifNotExists()
      .addColumn('tenant', 'text', (column) => column.notNull())
      .addColumn('idempotency_key', 'text', (column) => column.notNull())
      .addColumn('request_hash', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('run_id', 'text')
      .addColumn('response_status', 'integer')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('idempotency_records_pk', ['tenant', 'idempotency_key'])
      .execute();
    await database.schema
      .createIndex('idempotency_records_created')
      .ifNotExists()
      .on('idempotency_records')
      .column('created_at')
      .execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.dropTable('idempotency_records').ifExists().execute();
    await database.schema.dropTable('run_events').ifExists().execute();
  },
};
