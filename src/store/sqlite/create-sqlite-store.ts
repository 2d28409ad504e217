// STUB — to be implemented. SQLite implementation of the domain ports (better-sqlite3 + Kysely).
import type { Store } from '../../domain/ports.js';

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. The parent directory is created when missing. */
  readonly filename: string;
}

/** Opens the database (WAL, foreign keys on), runs pending migrations and returns the Store. */
export function createSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  return Promise.reject(new Error(`not implemented: ${options.filename}`));
}
