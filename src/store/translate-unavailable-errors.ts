// A Kysely dialect whose driver turns the database's "cannot serve now" errors (SqlDialect.isUnavailable) into the
// domain's StoreUnavailableError, wherever they arise: acquiring a connection (pool connect, its timeout), BEGIN,
// every statement, COMMIT and ROLLBACK. Wrapping the driver once covers every repository and transaction, so no
// use case needs to know what a lost connection looks like in either driver.
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { StoreUnavailableError, isStoreUnavailableError } from '../domain/store-unavailable-error.js';
import type { SqlDialect } from './sql-dialect.js';

type IsUnavailable = SqlDialect['isUnavailable'];

function translate(error: unknown, isUnavailable: IsUnavailable): unknown {
  return !isStoreUnavailableError(error) && isUnavailable(error) ? new StoreUnavailableError(error) : error;
}

async function guard<T>(isUnavailable: IsUnavailable, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translate(error, isUnavailable);
  }
}

/** What Kysely holds: the driver's connection behind a translating front (one per connection, kept). */
class TranslatingConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  readonly #isUnavailable: IsUnavailable;

  constructor(inner: DatabaseConnection, isUnavailable: IsUnavailable) {
    this.inner = inner;
    this.#isUnavailable = isUnavailable;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return guard(this.#isUnavailable, () => this.inner.executeQuery<R>(compiledQuery));
  }

  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(compiledQuery, chunkSize);
    } catch (error) {
      throw translate(error, this.#isUnavailable);
    }
  }
}

function unwrap(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof TranslatingConnection ? connection.inner : connection;
}

function translatingDriver(inner: Driver, isUnavailable: IsUnavailable): Driver {
  // Kysely keys its own per-connection state by the object it gets: hand out the same front for a connection.
  const fronts = new WeakMap<DatabaseConnection, TranslatingConnection>();
  const run = <T>(work: () => Promise<T>): Promise<T> => guard(isUnavailable, work);
  const driver: Driver = {
    init: () => run(() => inner.init()),
    async acquireConnection() {
      const connection = await run(() => inner.acquireConnection());
      let front = fronts.get(connection);
      if (front === undefined) {
        front = new TranslatingConnection(connection, isUnavailable);
        fronts.set(connection, front);
      }
      return front;
    },
    beginTransaction: (connection: DatabaseConnection, settings: TransactionSettings) =>
      run(() => inner.beginTransaction(unwrap(connection), settings)),
    commitTransaction: (connection) => run(() => inner.commitTransaction(unwrap(connection))),
    rollbackTransaction: (connection) => run(() => inner.rollbackTransaction(unwrap(connection))),
    releaseConnection: (connection) => inner.releaseConnection(unwrap(connection)),
    destroy: () => inner.destroy(),
  };
  // Savepoints only where the driver has them: Kysely reads their presence as support.
  if (inner.savepoint !== undefined) {
    driver.savepoint = (connection, name, compile) =>
      run(async () => {
        await inner.savepoint?.(unwrap(connection), name, compile);
      });
  }
  if (inner.rollbackToSavepoint !== undefined) {
    driver.rollbackToSavepoint = (connection, name, compile) =>
      run(async () => {
        await inner.rollbackToSavepoint?.(unwrap(connection), name, compile);
      });
  }
  if (inner.releaseSavepoint !== undefined) {
    driver.releaseSavepoint = (connection, name, compile) =>
      run(async () => {
        await inner.releaseSavepoint?.(unwrap(connection), name, compile);
      });
  }
  return driver;
}

/** `dialect` with a driver that raises StoreUnavailableError for the errors `sqlDialect.isUnavailable` names. */
export function translateUnavailableErrors(dialect: Dialect, sqlDialect: SqlDialect): Dialect {
  const isUnavailable: IsUnavailable = (error) => sqlDialect.isUnavailable(error);
  return {
    createDriver: () => translatingDriver(dialect.createDriver(), isUnavailable),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
