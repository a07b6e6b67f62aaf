import type { Migration, MigrationProvider } from 'kysely';
import { createRunTables } from './migrations/0001-create-run-tables.js';

/** Every schema migration, keyed by name; names sort in the order they apply. */
export const storeMigrations: Readonly<Record<string, Migration>> = {
  '0001-create-run-tables': createRunTables,
};

/** Serves the in-code migrations to Kysely's Migrator (no files read at run time). */
export const storeMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...storeMigrations }),
};
