import type { Migration, MigrationProvider } from 'kysely';
import { createRunTables } from './migrations/0001-create-run-tables.js';
import { createApiKeyTable } from './migrations/0002-api-keys.js';
import { createRunEventsAndIdempotency } from './migrations/0003-run-events-and-idempotency.js';
import { createEvidenceLog } from './migrations/0005-evidence-log.js';
import { createConfigVersionTables } from './migrations/0006-config-versions.js';
import { addRunLeases } from './migrations/0009-run-leases.js';
import { createTraceSearchAndSavedViews } from './migrations/0007-trace-search-and-saved-views.js';
import { createDataHandlingTables } from './migrations/0008-data-handling.js';
import { createHumanGates } from './migrations/0004-human-gates.js';
import { addSharedKeys } from './migrations/0010-shared-keys.js';

/** Every schema migration, keyed by name; names sort in the order they apply. */
export const storeMigrations: Readonly<Record<string, Migration>> = {
  '0001-create-run-tables': createRunTables,
  '0002-api-keys': createApiKeyTable,
  '0003-run-events-and-idempotency': createRunEventsAndIdempotency,
  '0005-evidence-log': createEvidenceLog,
  '0006-config-versions': createConfigVersionTables,
  '0009-run-leases': addRunLeases,
  '0007-trace-search-and-saved-views': createTraceSearchAndSavedViews,
  '0008-data-handling': createDataHandlingTables,
  '0004-human-gates': createHumanGates,
  '0010-shared-keys': addSharedKeys,
};

/** Serves the in-code migrations to Kysely's Migrator (no files read at run time). */
export const storeMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...storeMigrations }),
};
