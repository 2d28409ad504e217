// Copies every row of one Muster database into another (SQLite → PostgreSQL or back, or between two of a kind), the
// engine of `muster migrate-store`. Rows keep their ids, hashes, timestamps and counters exactly; only the JSON documents
// change type (text ↔ jsonb). The source is read in one read-only transaction (one snapshot of every table) and the
// target written in one transaction, so a copy that fails or does not verify leaves the target as it was.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { checkStoreTables } from './check-store-tables.js';
import type { Database } from './schema.js';
import type { SqlDialect } from './sql-dialect.js';
import { STORE_TABLE_NAMES, storeTable, type StoreTable, type StoreTableName } from './store-tables.js';
import { canonicalJson, TableChecksum } from './table-checksum.js';

/** A migrated database and the dialect it speaks. */
export interface StoreDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
}

export interface MigrateStoreOptions {
  /** Rows per SELECT and per INSERT. */
  readonly batchSize: number;
  /** Delete the target's rows first (in the copy's transaction) instead of refusing a target that holds any. */
  readonly replace: boolean;
  /** After every batch copied. */
  readonly onProgress?: (progress: MigrateStoreProgress) => void;
}

export interface MigrateStoreProgress {
  readonly table: StoreTableName;
  readonly copied: number;
  /** Rows of the table in the source's snapshot. */
  readonly total: number;
}

export interface CopiedTable {
  readonly table: StoreTableName;
  readonly rows: number;
  /** The order-independent checksum (table-checksum.ts) both databases agreed on. */
  readonly checksum: string;
}

export interface MigrateStoreResult {
  readonly tables: readonly CopiedTable[];
  /** Rows of the target deleted first (replace). */
  readonly deleted: number;
}

/** A refusal or a failed copy, explained; the target is unchanged. */
export class MigrateStoreError extends Error {
  override readonly name = 'MigrateStoreError';
}

/** Above this, rows × columns would pass SQLite's 32,766 bound parameters in one INSERT. */
export const MAX_BATCH_SIZE = 1000;

type Row = Readonly<Record<string, unknown>>;

function columnList(columns: readonly string[]): RawBuilder<unknown> {
  return sql.join(columns.map((column) => sql.ref(column)));
}

async function countRows(db: Kysely<Database>, table: StoreTableName): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The next `limit` rows after `after` (a primary key), in primary key order. */
async function readPage(
  db: Kysely<Database>,
  name: StoreTableName,
  table: StoreTable,
  after: readonly unknown[] | undefined,
  limit: number,
): Promise<readonly Row[]> {
  const key = columnList(table.key);
  const where = after === undefined ? sql`` : sql`where (${key}) > (${sql.join([...after])})`;
  const { rows } = await sql<Row>`select ${columnList(table.columns)} from ${sql.table(name)} ${where}
    order by ${key} limit ${limit}`.execute(db);
  return rows;
}

/** Every row of the table, page by page. */
async function* readTable(
  db: Kysely<Database>,
  name: StoreTableName,
  batchSize: number,
): AsyncGenerator<readonly Row[]> {
  const table = storeTable(name);
  let after: readonly unknown[] | undefined;
  for (;;) {
    const rows = await readPage(db, name, table, after, batchSize);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (last === undefined || rows.length < batchSize) return;
    after = table.key.map((column) => last[column]);
  }
}

/** A JSON document as text, however the dialect returned it (SQLite: text; PostgreSQL: jsonb, parsed by the driver). */
function jsonText(value: unknown, dialect: SqlDialect): unknown {
  if (value === null || dialect.jsonType === 'text') return value;
  return JSON.stringify(value);
}

/** The row's values as written to the target: JSON documents as text, which PostgreSQL casts to jsonb on insert. */
function valuesOf(row: Row, table: StoreTable, dialect: SqlDialect): unknown[] {
  return table.columns.map((column) =>
    table.json.includes(column) ? jsonText(row[column], dialect) : row[column],
  );
}

/** What the checksum sees of a row: JSON documents by value, since jsonb rewrites their text. */
function checksummed(values: readonly unknown[], table: StoreTable): unknown[] {
  return values.map((value, i) =>
    typeof value === 'string' && table.json.includes(table.columns[i] ?? '')
      ? canonicalJson(JSON.parse(value))
      : value,
  );
}

function describeFailure(
  error: unknown,
  name: StoreTableName,
  table: StoreTable,
  first: Row,
  target: SqlDialect,
): MigrateStoreError {
  const key = table.key.map((column) => `${column}=${String(first[column])}`).join(', ');
  const reason = error instanceof Error ? error.message : String(error);
  const hint = target.isUnsupportedText(error)
    ? ' (PostgreSQL cannot store the character U+0000: change that value in the source first)'
    : '';
  return new MigrateStoreError(`copying ${name}, batch from ${key}: ${reason}${hint}`, { cause: error });
}

async function copyTable(
  source: Kysely<Database>,
  from: SqlDialect,
  target: Kysely<Database>,
  to: SqlDialect,
  name: StoreTableName,
  total: number,
  options: MigrateStoreOptions,
): Promise<TableChecksum> {
  const table = storeTable(name);
  const checksum = new TableChecksum();
  for await (const rows of readTable(source, name, options.batchSize)) {
    try {
      const values = rows.map((row) => valuesOf(row, table, from));
      await sql`insert into ${sql.table(name)} (${columnList(table.columns)})
        values ${sql.join(values.map((row) => sql`(${sql.join(row)})`))}`.execute(target);
      for (const row of values) checksum.add(checksummed(row, table));
    } catch (error) {
      throw describeFailure(error, name, table, rows[0] ?? {}, to);
    }
    options.onProgress?.({ table: name, copied: checksum.rows, total });
  }
  return checksum;
}

/** Reads the copy back (inside the copy's transaction) and checksums it like the source. */
async function checksumOf(
  db: Kysely<Database>,
  dialect: SqlDialect,
  name: StoreTableName,
  batchSize: number,
): Promise<TableChecksum> {
  const table = storeTable(name);
  const checksum = new TableChecksum();
  for await (const rows of readTable(db, name, batchSize)) {
    for (const row of rows) checksum.add(checksummed(valuesOf(row, table, dialect), table));
  }
  return checksum;
}

async function checkTables(database: StoreDatabase, role: 'source' | 'target'): Promise<void> {
  const problems = await checkStoreTables(database.db, database.dialect);
  if (problems.length > 0) {
    throw new MigrateStoreError(
      `the ${role} database's tables do not match what migrate-store copies:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** Rows per table of the target; refuses any unless `replace`, which deletes them (children first). */
async function emptyTarget(target: Kysely<Database>, replace: boolean): Promise<number> {
  const held: string[] = [];
  let deleted = 0;
  for (const name of STORE_TABLE_NAMES) {
    const rows = await countRows(target, name);
    if (rows > 0) held.push(`${name}: ${rows}`);
    deleted += rows;
  }
  if (deleted === 0) return 0;
  if (!replace) {
    throw new MigrateStoreError(
      `the target database is not empty (${held.join(', ')}); copy into a new database, or pass --replace to delete its rows first`,
    );
  }
  for (const name of [...STORE_TABLE_NAMES].reverse())
    await sql`delete from ${sql.table(name)}`.execute(target);
  return deleted;
}

/** Copies every table of `source` into `target` and verifies the copy; both must be migrated to the latest schema. */
export async function migrateStore(
  source: StoreDatabase,
  target: StoreDatabase,
  options: MigrateStoreOptions,
): Promise<MigrateStoreResult> {
  if (
    !Number.isSafeInteger(options.batchSize) ||
    options.batchSize < 1 ||
    options.batchSize > MAX_BATCH_SIZE
  ) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}`);
  }
  await checkTables(source, 'source');
  await checkTables(target, 'target');
  return source.db
    .transaction()
    .setAccessMode('read only')
    .execute(async (src) => {
      const totals = new Map<StoreTableName, number>();
      for (const name of STORE_TABLE_NAMES) totals.set(name, await countRows(src, name));
      if ([...totals.values()].every((rows) => rows === 0)) {
        throw new MigrateStoreError('the source database holds no rows: is it the right one?');
      }
      return target.db.transaction().execute(async (dst) => {
        const deleted = await emptyTarget(dst, options.replace);
        const copied = new Map<StoreTableName, TableChecksum>();
        for (const name of STORE_TABLE_NAMES) {
          const total = totals.get(name) ?? 0;
          copied.set(name, await copyTable(src, source.dialect, dst, target.dialect, name, total, options));
        }
        const tables: CopiedTable[] = [];
        for (const name of STORE_TABLE_NAMES) {
          const expected = copied.get(name) ?? new TableChecksum();
          const actual = await checksumOf(dst, target.dialect, name, options.batchSize);
          const total = totals.get(name) ?? 0;
          if (expected.rows !== total || actual.rows !== total || actual.hex !== expected.hex) {
            throw new MigrateStoreError(
              `verification failed for ${name}: the source has ${total} rows (checksum ${expected.hex}), ` +
                `the copy ${actual.rows} (checksum ${actual.hex}); nothing was written`,
            );
          }
          tables.push({ table: name, rows: total, checksum: actual.hex });
        }
        return { tables, deleted };
      });
    });
}
