import { DaxError } from '@dax/protocol';
import { Migrator, type Kysely } from 'kysely';
import { storeMigrationProvider } from './store-migrations.js';

/**
 * Brings the schema to the latest migration. Already-applied migrations are
 * skipped, so this is safe on every open. Any failure (including a database
 * written by a newer Dax with migrations this build does not know) throws
 * `DAX_E_STORE_MIGRATION`.
 */
export async function migrateStore(database: Kysely<unknown>): Promise<void> {
  let outcome;
  try {
    outcome = await new Migrator({ db: database, provider: storeMigrationProvider }).migrateToLatest();
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
