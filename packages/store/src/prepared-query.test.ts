import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareQuery, type Slot } from './prepared-query.js';

interface Table {
  name: string;
  rank: number;
  note: string | null;
}

describe('prepareQuery', () => {
  let database: Kysely<{ items: Table }>;

  beforeEach(async () => {
    database = new Kysely({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await database.schema
      .createTable('items')
      .addColumn('name', 'text', (column) => column.primaryKey())
      .addColumn('rank', 'integer', (column) => column.notNull())
      .addColumn('note', 'text')
      .execute();
  });
  afterEach(async () => {
    await database.destroy();
  });

  it('binds call-time values in compiled order, keeping constants and repeated slots', async () => {
    const insert = prepareQuery((slot: Slot<{ name: string; rank: number }>) =>
      database.insertInto('items').values({ name: slot('name'), rank: slot('rank'), note: 'fixed' }),
    );
    const select = prepareQuery((slot: Slot<{ name: string }>) =>
      database
        .selectFrom('items')
        .select(['name', 'rank', 'note'])
        .where('name', '=', slot('name'))
        .where('note', '=', 'fixed')
        .where((expression) => expression.or([expression('name', '=', slot('name')), expression('rank', '<', -1)])),
    );

    await database.executeQuery(insert({ name: 'first', rank: 1 }));
    await database.executeQuery(insert({ name: 'second', rank: 2 }));

    const found = await database.executeQuery(select({ name: 'second' }));
    expect(found.rows).toEqual([{ name: 'second', rank: 2, note: 'fixed' }]);
    expect(select({ name: 'x' }).parameters).toEqual(['x', 'fixed', 'x', -1]);
  });

  it('reports affected rows like the built query', async () => {
    const insert = prepareQuery((slot: Slot<{ name: string }>) =>
      database
        .insertInto('items')
        .values({ name: slot('name'), rank: 0, note: null })
        .onConflict((conflict) => conflict.column('name').doNothing()),
    );
    expect((await database.executeQuery(insert({ name: 'a' }))).numAffectedRows).toBe(1n);
    expect((await database.executeQuery(insert({ name: 'a' }))).numAffectedRows).toBe(0n);
  });
});
