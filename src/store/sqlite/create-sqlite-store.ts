// SQLite implementation of the domain ports (Kysely over better-sqlite3 or node:sqlite, see open-sqlite-database.ts).
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type TransactionSettings,
} from 'kysely';
import type { Store } from '../../domain/ports.js';
import { createKyselyStore } from '../create-kysely-store.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import type { Database } from '../schema.js';
import { translateUnavailableErrors } from '../translate-unavailable-errors.js';
import { openSqliteDatabase, type SqliteDriverName } from './open-sqlite-database.js';
import { sqliteSqlDialect } from './sqlite-sql-dialect.js';
import { withStatementCache } from './statement-cache.js';

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. The parent directory is created when missing. */
  readonly filename: string;
  /** Defaults to the driver for the running Node.js (defaultSqliteDriver). */
  readonly driver?: SqliteDriverName;
}

/**
 * BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes can fail with
 * SQLITE_BUSY (no busy wait) when another process (the CLI) committed in between. A read-only transaction (Store.read)
 * is deferred: it takes only the read lock, at its first statement, and never blocks a writer (WAL).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings?: TransactionSettings,
  ): Promise<void> {
    const begin = settings?.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: ConstructorParameters<typeof SqliteDriver>[0]['database'];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#database = config.database;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

/** Opens the database (WAL, foreign keys on), runs pending migrations and returns the Store. */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  return createKyselyStore(await openSqliteStoreDatabase(options), sqliteSqlDialect);
}

/** The migrated database the Store runs on (also what `muster migrate-store` copies from or to). */
export async function openSqliteStoreDatabase(options: SqliteStoreOptions): Promise<Kysely<Database>> {
  const database = openSqliteDatabase(options.filename, options.driver);
  const db = new Kysely<Database>({
    // SQLITE_BUSY beyond the busy timeout, I/O errors, a full disk become StoreUnavailableError (a 503).
    dialect: translateUnavailableErrors(
      new ImmediateSqliteDialect({ database: withStatementCache(database) }),
      sqliteSqlDialect,
    ),
  });
  try {
    await migrateToLatest(db, { jsonType: sqliteSqlDialect.jsonType });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
