import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { statementCacheDatabase } from './statement-cache-database.js';

describe('statementCacheDatabase', () => {
  it('reuses the prepared statement for SQL text it has seen', () => {
    const database = statementCacheDatabase(new Database(':memory:'));
    try {
      const first = database.prepare('select ? as value');
      expect(database.prepare('select ? as value')).toBe(first);
      expect(first.all([7])).toEqual([{ value: 7 }]);
      expect(first.all([8])).toEqual([{ value: 8 }]);
    } finally {
      database.close();
    }
  });

  it('drops the least recently used statement beyond its capacity', () => {
    const database = statementCacheDatabase(new Database(':memory:'), 2);
    try {
      const one = database.prepare('select 1');
      const two = database.prepare('select 2');
      expect(database.prepare('select 1')).toBe(one);
      database.prepare('select 3');
      expect(database.prepare('select 1')).toBe(one);
      expect(database.prepare('select 2')).not.toBe(two);
    } finally {
      database.close();
    }
  });

  it('closes the underlying connection', () => {
    const connection = new Database(':memory:');
    statementCacheDatabase(connection).close();
    expect(connection.open).toBe(false);
  });
});
