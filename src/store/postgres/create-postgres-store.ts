// PostgreSQL implementation of the domain ports: Kysely over a node-postgres Pool.
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type LogConfig,
  type PostgresDialectConfig,
  type TransactionSettings,
} from 'kysely';
import type { Store } from '../../domain/ports.js';
import { createKyselyStore } from '../create-kysely-store.js';
import { translateUnavailableErrors } from '../translate-unavailable-errors.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import type { Database } from '../schema.js';
import { discardBrokenClients } from './discard-broken-clients.js';
import { postgresCoordination } from './postgres-coordination.js';
import { ICU_ROOT_COLLATION, postgresSqlDialect } from './postgres-sql-dialect.js';
import { postgresTlsOptions, type PostgresSsl } from './postgres-tls.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database?…`, without TLS parameters (`ssl` says how to connect). */
  readonly connectionString: string;
  /** Most connections the pool opens. */
  readonly poolSize: number;
  /** Longest a statement may run before the server cancels it; 0 = no limit. Migrations are never limited. */
  readonly statementTimeoutMs: number;
  readonly ssl: PostgresSsl;
  /**
   * The schema that holds Muster's tables (created when missing), set as the search_path of every connection.
   * Default: the first existing schema of the server's search_path (normally `public`).
   */
  readonly schema?: string;
  /** Kysely's query log of the store's statements (not the migrations'), for diagnostics and tests. */
  readonly log?: LogConfig;
}

/** Unquoted identifiers only: the name goes into the search_path connection option as is. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** First key of the write lock ("must"); the second is the schema's hash, so schemas never wait for each other. */
const WRITE_LOCK_CLASS = 0x6d757374;

/**
 * A first connection that takes longer than this fails start-up instead of hanging it; later, a request that waits
 * longer for a connection (pool exhausted, server unreachable) fails with StoreUnavailableError.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/** How long after the statement timeout the client stops waiting for the server's answer. */
const QUERY_TIMEOUT_GRACE_MS = 5_000;

/**
 * node-postgres returns int8 (count(*), bigint columns) as text, since it may exceed 2^53; the repositories count
 * rows and sequence numbers, far below that, and expect numbers as on SQLite. Set on this pool only, never globally.
 */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

/**
 * Read-only transactions (Store.read, a page with its count) read one snapshot: REPEATABLE READ, never blocked by
 * writers. Write transactions run one at a time per schema, as on SQLite (BEGIN IMMEDIATE): the domain reads a row
 * and writes it back in one transaction (versions, ETags, membership changes), and READ COMMITTED alone would let
 * two such transactions interleave and lose an update. The lock is transaction-scoped, released by COMMIT/ROLLBACK.
 */
class MusterPostgresDriver extends PostgresDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    if (settings.accessMode === 'read only') {
      const isolation = settings.isolationLevel ?? 'repeatable read';
      await connection.executeQuery(
        CompiledQuery.raw(`start transaction isolation level ${isolation} read only`),
      );
      return;
    }
    // One round trip: a write transaction's latency is what bounds an organization's write rate.
    const isolation =
      settings.isolationLevel === undefined ? '' : ` isolation level ${settings.isolationLevel}`;
    await connection.executeQuery(
      CompiledQuery.raw(
        `start transaction${isolation}; select pg_advisory_xact_lock(${String(WRITE_LOCK_CLASS)}, hashtext(coalesce(current_schema(), '')))`,
      ),
    );
  }
}

class MusterPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new MusterPostgresDriver(this.#config);
  }
}

function openPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  // A pooled connection that dies while idle (server restart, network) is dropped and replaced on next use. Without a
  // listener, its 'error' event would end the process.
  pool.on('error', () => undefined);
  return pool;
}

/** The schema the tables live in, after checking the server has what the dialect needs. */
async function checkServer(db: Kysely<Database>, schema: string | undefined): Promise<string> {
  let current: string | null;
  try {
    const { rows } = await sql<{ schema: string | null; probe: string }>`select current_schema() as schema,
      lower(${'İ'} collate ${sql.id(ICU_ROOT_COLLATION)}) as probe`.execute(db);
    current = rows[0]?.schema ?? null;
  } catch (error) {
    // SQLSTATE 42704 undefined_object: this server was built without ICU.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === '42704') {
      throw new Error(
        `PostgreSQL has no ICU collation "${ICU_ROOT_COLLATION}": Muster needs a server built with ICU support`,
        { cause: error },
      );
    }
    throw error;
  }
  const found = schema ?? current;
  if (found === null) throw new Error('PostgreSQL: no schema of the search_path exists to create tables in');
  return found;
}

/** Opens the pool, runs pending migrations (under Kysely's advisory lock) and returns the Store. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { db, schema } = await openMigratedDatabase(options);
  try {
    // The other processes on this schema hear of credential changes through a LISTEN connection of each one's own.
    const coordination = postgresCoordination({
      schema,
      client: {
        connectionString: options.connectionString,
        ssl: postgresTlsOptions(options.ssl),
        application_name: 'muster',
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      },
    });
    return createKyselyStore(db, postgresSqlDialect, coordination);
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** The migrated database the Store runs on (also what `muster migrate-store` copies from or to). */
export async function openPostgresStoreDatabase(options: PostgresStoreOptions): Promise<Kysely<Database>> {
  return (await openMigratedDatabase(options)).db;
}

/** The migrated database and the schema its tables are in (read on the migration connection, without a timeout). */
async function openMigratedDatabase(
  options: PostgresStoreOptions,
): Promise<{ readonly db: Kysely<Database>; readonly schema: string }> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`PostgreSQL schema name ${JSON.stringify(schema)} must match ${String(SCHEMA_NAME)}`);
  }
  const base: pg.PoolConfig = {
    connectionString: options.connectionString,
    ssl: postgresTlsOptions(options.ssl),
    application_name: 'muster',
    types,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  };

  // Migrations on a connection of their own without the statement timeout: a migration may take longer, and waiting
  // for another process's migration (the advisory lock) must not time out either.
  const migrationDb = new Kysely<Database>({
    dialect: new MusterPostgresDialect({
      pool: openPool({ ...base, max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }),
    }),
  });
  let tablesSchema: string;
  try {
    tablesSchema = await checkServer(migrationDb, schema);
    await migrateToLatest(migrationDb, {
      jsonType: postgresSqlDialect.jsonType,
      migrationTableSchema: tablesSchema,
    });
  } finally {
    await migrationDb.destroy();
  }

  const db = new Kysely<Database>({
    // Connection errors, timeouts and an overloaded server become StoreUnavailableError (a 503, docs/architecture.md).
    dialect: translateUnavailableErrors(
      new MusterPostgresDialect({
        pool: discardBrokenClients(
          openPool({
            ...base,
            max: options.poolSize,
            // A request never waits longer than this for a connection: the pool is busy or the server unreachable.
            connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
            ...(options.statementTimeoutMs > 0
              ? {
                  statement_timeout: options.statementTimeoutMs,
                  // The server cancels a statement at statement_timeout; a server that cannot answer at all (network
                  // partition) is given up on by the client a little later.
                  query_timeout: options.statementTimeoutMs + QUERY_TIMEOUT_GRACE_MS,
                }
              : {}),
          }),
        ),
      }),
      postgresSqlDialect,
    ),
    ...(options.log === undefined ? {} : { log: options.log }),
  });
  return { db, schema: tablesSchema };
}
