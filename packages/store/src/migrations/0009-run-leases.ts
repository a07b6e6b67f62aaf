import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

function isPostgres(database: Kysely<unknown>): boolean {
  return database.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Run leases: a running run names the process that owns it and until when; a
 * sweep fails runs whose lease expired (their process died). On Postgres, run
 * insertion order comes from a sequence so that concurrent replicas never take the
 * same `created_seq` (SQLite serialises writers and keeps `max + 1`).
 */
export const addRunLeases: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema.alterTable('runs').addColumn('lease_owner', 'text').execute();
    await database.schema.alterTable('runs').addColumn('lease_expires_at', 'text').execute();
    await database.schema
      .createIndex('runs_status_lease')
      .ifNotExists()
      .on('runs')
      .columns(['status', 'lease_expires_at'])
      .execute();
    if (isPostgres(database)) {
      await sql`create sequence if not exists runs_created_seq`.execute(database);
      await sql`select setval('runs_created_seq', (select coalesce(max(created_seq), 0) + 1 from runs), false)`.execute(database);
    }
  },

  async down(database: Kysely<unknown>): Promise<void> {
    if (isPostgres(database)) await sql`drop sequence if exists runs_created_seq`.execute(database);
    await database.schema.dropIndex('runs_status_lease').ifExists().execute();
    await database.schema.alterTable('runs').dropColumn('lease_expires_at').execute();
    await database.schema.alterTable('runs').dropColumn('lease_owner').execute();
  },
};
