import type { Kysely, Migration } from 'kysely';

/**
 * The API key table. Only a hash of each key is kept; the key itself is shown
 * once at creation and never stored. Portable SQL, repeatable with `if not exists`.
 */
export const createApiKeyTable: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable('api_keys')
      .ifNotExists()
      .addColumn('key_id', 'text', (column) => column.primaryKey())
      .addColumn('key_hash', 'text', (column) => column.notNull())
      .addColumn('tenant', 'text', (column) => column.notNull())
      .addColumn('roles_json', 'text', (column) => column.notNull())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await database.schema
      .createIndex('api_keys_tenant_created')
      .ifNotExists()
      .on('api_keys')
      .columns(['tenant', 'created_at'])
      .execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    await database.schema.dropTable('api_keys').ifExists().execute();
  },
};
