import { describe, expect, it } from 'vitest';
import { createPostgresTestSchema } from './__fixtures__/postgres-test-schema.js';
import { isPostgresUrl, openPostgresStore } from './open-postgres-store.js';
import { describeRunStoreContract, rejection } from './run-store-contract.js';
import { sampleRunResult, sampleRunStart } from './sample-runs.js';
import { storeMigrations } from './store-migrations.js';

describeRunStoreContract('postgres', async () => {
  const schema = await createPostgresTestSchema();
  const store = await openPostgresStore({ url: schema.url, schema: schema.schema, maxConnections: 4 });
  return {
    store,
    async cleanup() {
      await store.close();
      await schema.drop();
    },
  };
});

describe('openPostgresStore', () => {
  it('applies every migration once and keeps runs across reopen', async () => {
    const schema = await createPostgresTestSchema();
    try {
      const first = await openPostgresStore({ url: schema.url, schema: schema.schema });
      await first.startRun(sampleRunStart('run-durable'));
      await first.finishRun(sampleRunResult('run-durable'));
      await first.close();
      const second = await openPostgresStore({ url: schema.url, schema: schema.schema });
      try {
        expect((await second.getRun('run-durable'))?.runId).toBe('run-durable');
        const applied = await second.database
          .withTables<{ kysely_migration: { name: string } }>()
          .selectFrom('kysely_migration')
          .select('name')
          .orderBy('name')
          .execute();
        expect(applied.map((row) => row.name)).toEqual(Object.keys(storeMigrations).sort());
      } finally {
        await second.close();
      }
    } finally {
      await schema.drop();
    }
  });

  it('gives concurrent inserts distinct, increasing insertion numbers', async () => {
    const schema = await createPostgresTestSchema();
    const stores = await Promise.all([0, 1].map(() => openPostgresStore({ url: schema.url, schema: schema.schema })));
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, index) => stores[index % 2]!.startRun(sampleRunStart(`run-${index}`))),
      );
      const rows = await stores[0]!.database.selectFrom('runs').select('created_seq').execute();
      const seqs = rows.map((row) => Number(row.created_seq));
      expect(new Set(seqs).size).toBe(40);
    } finally {
      for (const store of stores) await store.close();
      await schema.drop();
    }
  });

  it('refuses a URL that is not a Postgres URL and a malformed schema name', async () => {
    expect(isPostgresUrl('postgresql://x@h/db')).toBe(true);
    expect(isPostgresUrl('sqlite:///tmp/x')).toBe(false);
    expect(await rejection(openPostgresStore({ url: 'mysql://x' }))).toMatchObject({ code: 'DAX_E_USAGE' });
    expect(await rejection(openPostgresStore({ url: 'postgres://x@127.0.0.1/test', schema: 'a;drop' }))).toMatchObject({
      code: 'DAX_E_USAGE',
    });
  });

  it('reports an unreachable server as DAX_E_STORE_UNAVAILABLE', async () => {
    const error = await rejection(openPostgresStore({ url: 'postgres://postgres@127.0.0.1:1/test' }));
    expect(error).toMatchObject({ code: 'DAX_E_STORE_UNAVAILABLE' });
  });
});
