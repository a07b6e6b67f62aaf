import { DaxError } from '@dax/protocol';
import { Migrator, PostgresAdapter, sql, type Kysely } from 'kysely';
import { storeMigrationProvider } from './store-migrations.js';

/**
 * On Postgres, the schema the store works in (search_path). The migration tables
 * must be looked up there: otherwise Kysely finds another schema's tables of the
 * same name and never creates its own.
 */
async function postgresSchemaOf(database: Kysely<unknown>): Promise<string | undefined> {
  if (!(database.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database);
  return rows[0]?.schema;
}

/**
 * Brings the schema to the latest migration. Already-applied migrations are
 * skipped, so this is safe on every open. Any failure (including a database
 * written by a newer Dax with migrations this build does not know) throws
 * `DAX_E_STORE_MIGRATION`.
 */
export async function migrateStore(database: Kysely<unknown>): Promise<void> {
  let outcome;
  try {
    const schema = await postgresSchemaOf(database);
    outcome = await new Migrator({
      // Each migration stands alone, so a store that already applied a later one still takes an earlier one it lacks.
      allowUnorderedMigrations: true,
      db: database,
      provider: storeMigrationProvider,
      ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    }).migrateToLatest();
  } catch (cause) {
    throw new DaxError('DAX_E_STORE_MIGRATION', { cause });
  }
  if (outcome.error !== undefined) {
    const failed = outcome.results?.find((result) => result.status === 'Error');
    throw new DaxError('DAX_E_STORE_MIGRATION', {
      cause: outcome.error,
      detail: failed === undefined ? undefined : `Migration ${failed.migrationName} failed.`,
    });
  }
}
