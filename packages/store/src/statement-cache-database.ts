import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; the store issues a few dozen shapes. */
const defaultCapacity = 128;

/**
 * Hands a better-sqlite3 connection to Kysely so that SQL text seen before reuses
 * its prepared statement instead of being parsed again (Kysely's driver prepares
 * on every call). Least recently used statements are dropped beyond `capacity`.
 * Safe because Kysely serialises all use of the single SQLite connection.
 */
export function statementCacheDatabase(connection: Database.Database, capacity = defaultCapacity): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close(): void {
      statements.clear();
      connection.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached !== undefined) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = connection.prepare(sql);
      if (statements.size >= capacity) {
        const oldest = statements.keys().next();
        if (oldest.done !== true) statements.delete(oldest.value);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
