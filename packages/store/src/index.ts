export { KyselyRunStore, maximumRunPageSize } from './kysely-run-store.js';
export type { KyselyRunStoreOptions } from './kysely-run-store.js';
export { migrateStore } from './migrate-store.js';
export { openMemoryStore, openSqliteStore } from './open-sqlite-store.js';
export type { SqliteStoreOptions } from './open-sqlite-store.js';
export { resolveDataDir } from './resolve-data-dir.js';
export type { RunStatusRecord } from './run-status-record.js';
export type { StoreDatabase } from './store-database.js';
export { storeMigrations } from './store-migrations.js';
