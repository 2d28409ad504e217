// Prepared statements reused by SQL text: preparing is a large share of a point lookup's cost in SQLite.
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Statements kept; the SQL text varies with the query's shape (filter, projection), never with its values. */
const DEFAULT_CAPACITY = 512;

/**
 * A database whose prepare() returns a cached statement for SQL text it has seen. Safe because Kysely's SQLite driver
 * runs one statement at a time on its single connection and reads every result fully (or iterates to the end).
 * The least recently used statement is dropped when the cache is full.
 */
export function withStatementCache(
  database: SqliteDatabase,
  capacity: number = DEFAULT_CAPACITY,
): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached !== undefined) {
        // Map keeps insertion order: re-inserting marks the statement as the most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next();
        if (oldest.done !== true) cache.delete(oldest.value);
      }
      return statement;
    },
  };
}
