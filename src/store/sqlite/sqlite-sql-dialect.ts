// SqlDialect for SQLite (JSON1 functions, built into the SQLite of both drivers).
import { sql, type SqlBool } from 'kysely';
import type { SqlDialect } from '../sql-dialect.js';
import { isSqliteUnavailable } from './is-sqlite-unavailable.js';

/** Registered on every connection by openSqliteDatabase: SQLite's own lower() folds ASCII only. */
export const UNICODE_LOWER_FUNCTION = 'muster_lower';

/** SQLite's extended result codes (https://sqlite.org/rescode.html). */
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;

/** `$."a"."b"`: quoted keys, because extension URNs contain `.` and `:`. */
function jsonPath(path: readonly string[]): string {
  return `$${path.map((key) => `."${key.replaceAll('"', '\\"')}"`).join('')}`;
}

export const sqliteSqlDialect: SqlDialect = {
  name: 'sqlite',
  jsonType: 'text',

  // json_extract already yields SQL text/integer/real, and 1/0 for JSON true/false.
  jsonScalar: (doc, path) => sql`json_extract(${doc}, ${jsonPath(path)})`,

  jsonPresent(doc, path) {
    const p = jsonPath(path);
    return sql<SqlBool>`(case coalesce(json_type(${doc}, ${p}), 'null')
      when 'null' then 0
      when 'text' then json_extract(${doc}, ${p}) <> ''
      when 'array' then json_array_length(${doc}, ${p}) > 0
      when 'object' then json_extract(${doc}, ${p}) <> '{}'
      else 1 end)`;
  },

  jsonSome(doc, path, _elements, alias, where) {
    // json_each yields objects as JSON text (usable as a document) and scalars as SQL values.
    const element = sql.ref(`${alias}.value`);
    return sql<SqlBool>`exists (select 1 from json_each(${doc}, ${jsonPath(path)}) as ${sql.id(alias)} where ${where(
      sql`${element}`,
    )})`;
  },

  jsonBoolean: (value) => (value ? 1 : 0),

  lower: (expr) => sql`${sql.raw(UNICODE_LOWER_FUNCTION)}(${expr})`,

  contains: (expr, value) => sql<SqlBool>`(instr(${expr}, ${value}) > 0)`,
  // substr/length count characters, so a bound value's own length() lines up with it.
  startsWith: (expr, value) => sql<SqlBool>`(substr(${expr}, 1, length(${value})) = ${value})`,
  endsWith: (expr, value) =>
    sql<SqlBool>`(length(${expr}) >= length(${value}) and substr(${expr}, -length(${value})) = ${value})`,

  // ORDER BY inside an aggregate needs SQLite 3.44 (better-sqlite3 12 bundles a later one).
  jsonObjectArray: (fields, orderBy) =>
    sql<string>`coalesce(json_group_array(json_object(${sql.join(
      fields.map(([key, expr]) => sql`${key}, ${expr}`),
    )}) order by ${sql.join(orderBy)}), '[]')`,

  // json_each yields an array's index as `key`; `is` never gives NULL, so a missing `primary` sorts as false.
  jsonPrimaryValue(doc, path, alias) {
    const element = sql.ref(`${alias}.value`);
    return sql<string | null>`(select json_extract(${element}, '$.value') from json_each(${doc}, ${jsonPath(
      path,
    )}) as ${sql.id(alias)}
      where ${sql.ref(`${alias}.type`)} = 'object' and json_type(${element}, '$.value') = 'text'
      order by (json_type(${element}, '$.primary') is 'true') desc, ${sql.ref(`${alias}.key`)} limit 1)`;
  },

  isUniqueViolation: (error) => {
    if (typeof error !== 'object' || error === null) return false;
    // better-sqlite3 names the extended result code; node:sqlite gives its number.
    if (
      'code' in error &&
      (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    ) {
      return true;
    }
    return (
      'errcode' in error &&
      (error.errcode === SQLITE_CONSTRAINT_UNIQUE || error.errcode === SQLITE_CONSTRAINT_PRIMARYKEY)
    );
  },

  isUnsupportedText: () => false,

  isUnavailable: isSqliteUnavailable,
};
