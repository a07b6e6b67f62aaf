import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Configuration versions (content-addressed, written once) and their audit trail.
 * One active version per domain and kind is enforced by a partial unique index,
 * which SQLite and Postgres both support.
 */
export const createConfigVersionTables: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable('config_versions')
      .ifNotExists()
      .addColumn('domain', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('version_id', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('content_json', 'text', (column) => column.notNull())
      .addColumn('note_json', 'text', (column) => column.notNull())
      .addColumn('proposed_by', 'text', (column) => column.notNull())
      .addColumn('proposed_at', 'text', (column) => column.notNull())
      .addColumn('approvals_json', 'text', (column) => column.notNull())
      .addColumn('activated_at', 'text')
      .addColumn('activated_by', 'text')
      .addPrimaryKeyConstraint('config_versions_pk', ['domain', 'kind', 'version_id'])
      .execute();
    await database.schema
      .createIndex('config_versions_one_active')
      .ifNotExists()
      .unique()
      .on('config_versions')
      .columns(['domain', 'kind'])
      .where(sql.ref('status'), '=', 'active')
      .execute();
    await database.schema.createIndex('config_versions_id').ifNotExists().on('config_versions').column('version_id').execute();
    await database.schema
      .createTable('config_audit')
      .ifNotExists()
      .addColumn('seq', 'integer', (column) => column.primaryKey())
      .addColumn('domain', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('action', 'text', (column) => column.notNull())
      .addColumn('version_id', 'text', (column) => column.notNull())
      .addColumn('previous_version_id', 'text')
      .addColumn('actor', 'text', (column) => column.notNull())
      .addColumn('at', 'text', (column) => column.notNull())
      .execute();
    await database.schema.createIndex('config_audit_domain').ifNotExists().on('config_audit').columns(['domain', 'kind', 'seq']).execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.dropTable('config_audit').ifExists().execute();
    await database.schema.dropTable('config_versions').ifExists().execute();
  },
};
