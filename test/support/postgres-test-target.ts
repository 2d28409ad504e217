// The PostgreSQL databases of one test run: their server (MUSTER_TEST_POSTGRES_URL), their names, creating and dropping
// them. Each vitest worker slot has a database of its own: a schema dropped in one (DROP SCHEMA) can then never race with
// Kysely's Migrator reading the catalog in another (has_schema_privilege() fails on a schema dropped meanwhile).
import pg from 'pg';

export interface PostgresTestTarget {
  /** A database on the server to connect to for CREATE/DROP DATABASE (normally `postgres`). */
  readonly baseUrl: string;
  /** Prefix of this run's database names (random, so runs never collide). */
  readonly databasePrefix: string;
}

/** The database of worker slot `slot` in this run. */
export function testDatabaseName(target: PostgresTestTarget, slot: string): string {
  return `${target.databasePrefix}_${slot}`;
}

const CONNECT_TIMEOUT_MS = 5000;
/** SQLSTATE duplicate_database; unique_violation when two workers create it at the same moment. */
const ALREADY_EXISTS = new Set(['42P04', '23505']);

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** `url` without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL is not reachable at ${redactUrl(url)} (${reason}). The PostgreSQL store tests need a server: ` +
        'start one, or point MUSTER_TEST_POSTGRES_URL at one (default postgres://postgres@127.0.0.1:5432/postgres).',
      { cause: error },
    );
  }
  return client;
}

/** Runs `fn` on a fresh connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs `statement` on a fresh connection to `url` (identifiers in it must already be quoted). */
export async function runStatement(url: string, statement: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(statement);
  });
}

/** Creates `database` unless an earlier test file of the same worker slot did. */
export async function createTestDatabase(target: PostgresTestTarget, database: string): Promise<void> {
  try {
    await runStatement(target.baseUrl, `create database ${pg.escapeIdentifier(database)}`);
  } catch (error) {
    if (!ALREADY_EXISTS.has(codeOf(error) ?? '')) throw error;
  }
}

/** Drops the run's databases; nothing to do (and no error) when the server cannot be reached, since none was made. */
export async function dropTestDatabases(target: PostgresTestTarget): Promise<void> {
  let client: pg.Client;
  try {
    client = await connect(target.baseUrl);
  } catch {
    return;
  }
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [`${target.databasePrefix}_`],
    );
    for (const { datname } of rows) {
      // FORCE ends connections a failed test may have left open.
      await client.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
    }
  } finally {
    await client.end();
  }
}
