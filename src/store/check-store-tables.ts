// The tables and columns the migrations created, against STORE_TABLES: anything `muster migrate-store` would not copy is
// reported before a single row is copied, so a table or column added later can never be left behind silently.
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { SqlDialect } from './sql-dialect.js';
import { STORE_TABLE_NAMES, storeTable } from './store-tables.js';

interface ColumnRow {
  readonly table_name: string;
  readonly column_name: string;
  readonly data_type: string;
}

/** Kysely's own bookkeeping tables: the target's migrations write their own. */
const MIGRATOR_TABLES = [DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE];

async function readColumns(db: Kysely<Database>, dialect: SqlDialect): Promise<readonly ColumnRow[]> {
  const skipped = sql.join(MIGRATOR_TABLES);
  if (dialect.name === 'postgres') {
    // The schema the store works in (the search_path's first), not every schema of the database.
    const { rows } = await sql<ColumnRow>`select table_name, column_name, data_type
      from information_schema.columns
      where table_schema = current_schema() and table_name not in (${skipped})`.execute(db);
    return rows;
  }
  const { rows } = await sql<ColumnRow>`select m.name as table_name, p.name as column_name,
      lower(p.type) as data_type
    from sqlite_master as m join pragma_table_info(m.name) as p
    where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\' and m.name not in (${skipped})`.execute(
    db,
  );
  return rows;
}

/** Every difference between the database's tables and STORE_TABLES, as sentences; [] when they agree. */
export async function checkStoreTables(db: Kysely<Database>, dialect: SqlDialect): Promise<string[]> {
  const found = new Map<string, Map<string, string>>();
  for (const row of await readColumns(db, dialect)) {
    const columns = found.get(row.table_name) ?? new Map<string, string>();
    columns.set(row.column_name, row.data_type);
    found.set(row.table_name, columns);
  }
  const problems: string[] = [];
  const known = new Set<string>(STORE_TABLE_NAMES);
  for (const table of found.keys()) {
    if (!known.has(table)) problems.push(`table ${table} is not covered by migrate-store`);
  }
  for (const name of STORE_TABLE_NAMES) {
    const columns = found.get(name);
    if (columns === undefined) {
      problems.push(`table ${name} is missing`);
      continue;
    }
    const spec = storeTable(name);
    for (const [column, type] of columns) {
      if (!spec.columns.includes(column)) {
        problems.push(`column ${name}.${column} is not covered by migrate-store`);
      } else if (dialect.jsonType !== 'text' && spec.json.includes(column) !== (type === dialect.jsonType)) {
        // A JSON column is converted between text and jsonb, any other column copied as it is; on SQLite both are text.
        problems.push(`column ${name}.${column} has type ${type}, not what migrate-store expects`);
      }
    }
    for (const column of spec.columns) {
      if (!columns.has(column)) problems.push(`column ${name}.${column} is missing`);
    }
  }
  return problems;
}
