// `muster migrate-store --from <url> --to <url>`: copies a Muster database into a new one (SQLite → PostgreSQL or back)
// with src/store/migrate-store.ts. A PostgreSQL URL may hold a password: nothing this command prints shows it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDatabaseConfig, type DatabaseConfig } from '../config/parse-database-config.js';
import {
  MAX_BATCH_SIZE,
  migrateStore,
  type MigrateStoreProgress,
  type MigrateStoreResult,
  type StoreDatabase,
} from '../store/migrate-store.js';
import { openSqliteStoreDatabase } from '../store/sqlite/create-sqlite-store.js';
import { sqliteSqlDialect } from '../store/sqlite/sqlite-sql-dialect.js';
import type { CliIo } from './cli-io.js';
import { MIGRATE_STORE_USAGE, UsageError } from './cli-usage.js';
import { redactDatabaseUrl, secretMasker, withoutSecrets } from './redact-database-url.js';

type Env = Readonly<Record<string, string | undefined>>;

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  'batch-size': { type: 'string' },
  replace: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const DEFAULT_BATCH_SIZE = 500;
/** Progress lines for a large table: one per this many rows, plus one when it is done. */
const PROGRESS_EVERY_ROWS = 10_000;

function usage(message: string): UsageError {
  return new UsageError(message, MIGRATE_STORE_USAGE);
}

function parseBatchSize(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_BATCH_SIZE;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_BATCH_SIZE) {
    throw usage(`--batch-size must be an integer from 1 to ${MAX_BATCH_SIZE} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

/** DATABASE_URL's rules for `--from`/`--to` (its problems never echo a PostgreSQL URL). */
function parseDatabaseUrl(option: '--from' | '--to', raw: string, env: Env): DatabaseConfig {
  // Only the TLS setting applies: the pool size and statement timeout are this command's own.
  const parsed = parseDatabaseConfig({ DATABASE_SSL_CA: env['DATABASE_SSL_CA'] }, raw);
  if (parsed.value === undefined) {
    throw usage(parsed.problems.map((problem) => problem.replaceAll('DATABASE_URL', option)).join('; '));
  }
  if (parsed.value.kind === 'sqlite' && [':memory:', ''].includes(parsed.value.filename)) {
    throw usage(`${option} cannot be an in-memory database`);
  }
  return parsed.value;
}

function sameDatabase(a: DatabaseConfig, b: DatabaseConfig): boolean {
  if (a.kind === 'sqlite' && b.kind === 'sqlite') return resolve(a.filename) === resolve(b.filename);
  if (a.kind === 'postgres' && b.kind === 'postgres') return a.url === b.url;
  return false;
}

/** Opens (and migrates) one side of the copy. */
async function openDatabase(config: DatabaseConfig): Promise<StoreDatabase> {
  switch (config.kind) {
    case 'sqlite':
      return { db: await openSqliteStoreDatabase({ filename: config.filename }), dialect: sqliteSqlDialect };
    case 'postgres': {
      // Loaded on demand, as in compose.ts: a copy between SQLite files never loads the PostgreSQL driver.
      const { openPostgresStoreDatabase } = await import('../store/postgres/create-postgres-store.js');
      const { postgresSqlDialect } = await import('../store/postgres/postgres-sql-dialect.js');
      const db = await openPostgresStoreDatabase({
        connectionString: config.url,
        // The copy runs on one connection per side (one transaction each).
        poolSize: 1,
        // A copy is a batch job: counting or reading a large table may take longer than a request may.
        statementTimeoutMs: 0,
        ssl: config.ssl,
      });
      return { db, dialect: postgresSqlDialect };
    }
  }
}

async function withDatabases<T>(
  from: DatabaseConfig,
  to: DatabaseConfig,
  fn: (source: StoreDatabase, target: StoreDatabase) => Promise<T>,
): Promise<T> {
  const source = await openDatabase(from);
  try {
    const target = await openDatabase(to);
    try {
      return await fn(source, target);
    } finally {
      await target.db.destroy();
    }
  } finally {
    await source.db.destroy();
  }
}

function progressPrinter(io: CliIo): (progress: MigrateStoreProgress) => void {
  const printed = new Map<string, number>();
  return ({ table, copied, total }) => {
    const last = printed.get(table) ?? 0;
    if (copied < total && copied - last < PROGRESS_EVERY_ROWS) return;
    printed.set(table, copied);
    io.err(`muster: ${table}: ${copied}/${total} rows copied`);
  };
}

function printSummary(result: MigrateStoreResult, from: string, to: string, io: CliIo): void {
  io.out(`Copied ${from} to ${to}.`);
  if (result.deleted > 0) io.out(`Deleted first: ${result.deleted} rows the target held (--replace).`);
  const rows = [
    ['TABLE', 'ROWS', 'CHECKSUM'],
    ...result.tables.map((t) => [t.table, String(t.rows), t.checksum]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  for (const [table = '', count = '', checksum = ''] of rows) {
    io.out(`${table.padEnd(widths[0] ?? 0)}  ${count.padStart(widths[1] ?? 0)}  ${checksum}`);
  }
  io.out('Every table has the same rows (count and checksum) in both databases.');
}

async function run(values: Values, env: Env, io: CliIo): Promise<number> {
  if (values.from === undefined) throw usage('--from <database-url> is required');
  if (values.to === undefined) throw usage('--to <database-url> is required');
  const batchSize = parseBatchSize(values['batch-size']);
  const from = parseDatabaseUrl('--from', values.from, env);
  const to = parseDatabaseUrl('--to', values.to, env);
  if (sameDatabase(from, to)) throw usage('--from and --to name the same database');
  // Opening a missing file would create an empty database and copy nothing from it.
  if (from.kind === 'sqlite' && !from.filename.startsWith('file:') && !existsSync(from.filename)) {
    throw new Error(`--from: there is no SQLite database at ${JSON.stringify(from.filename)}`);
  }
  const shownFrom = redactDatabaseUrl(values.from);
  const shownTo = redactDatabaseUrl(values.to);
  io.err(`muster: copying ${shownFrom} to ${shownTo}`);
  const result = await withDatabases(from, to, (source, target) =>
    migrateStore(source, target, {
      batchSize,
      replace: values.replace === true,
      onProgress: progressPrinter(io),
    }),
  );
  printSummary(result, shownFrom, shownTo, io);
  return 0;
}

/** `args` are the arguments after `migrate-store`. */
export async function runMigrateStoreCommand(args: readonly string[], env: Env, io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util parseArgs throws TypeError with an ERR_PARSE_ARGS_* code on unknown or malformed options.
    throw usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(MIGRATE_STORE_USAGE);
    return 0;
  }
  const [extra] = positionals;
  if (extra !== undefined) throw usage(`unexpected argument ${JSON.stringify(extra)}`);
  // Every message from here on may quote a URL (a usage error) or come from a driver: none may show a password.
  const mask = secretMasker([values.from, values.to].filter((url) => url !== undefined));
  try {
    return await run(values, env, io);
  } catch (error) {
    throw withoutSecrets(error, mask);
  }
}
