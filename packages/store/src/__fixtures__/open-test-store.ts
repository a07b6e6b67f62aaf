import type { Clock } from '@dax/core';
import type { KyselyRunStore } from '../kysely-run-store.js';
import { openPostgresStore } from '../open-postgres-store.js';
import { openMemoryStore } from '../open-sqlite-store.js';
import { createPostgresTestSchema } from './postgres-test-schema.js';

/** The engines every repository test runs on. */
export const testEngines = ['sqlite', 'postgres'] as const;
export type TestEngine = (typeof testEngines)[number];

export interface TestStore {
  readonly store: KyselyRunStore;
  /** Closes the store and drops what it created (the Postgres schema). */
  readonly cleanup: () => Promise<void>;
}

/** A fresh store on `engine`: SQLite in memory, or Postgres in a new schema of its own. */
export async function openTestStore(
  engine: TestEngine,
  options: { readonly clock?: Clock; readonly leaseTtlMs?: number; readonly leaseOwner?: string } = {},
): Promise<TestStore> {
  if (engine === 'sqlite') {
    const store = await openMemoryStore(options);
    return { store, cleanup: () => store.close() };
  }
  const schema = await createPostgresTestSchema();
  const store = await openPostgresStore({ url: schema.url, schema: schema.schema, maxConnections: 4, ...options });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await schema.drop();
    },
  };
}
