// SqlDialect for PostgreSQL: the `data` documents are jsonb, read with `#>` / `#>>` and typed by jsonb_typeof, so a
// value of another JSON type than the attribute's never matches (and never makes a cast fail).
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { AttrType } from '../../scim/schema/schema-types.js';
import type { SqlDialect } from '../sql-dialect.js';
import { isPostgresUnavailable } from './is-postgres-unavailable.js';

/** SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const UNIQUE_VIOLATION = '23505';
/** character_not_in_repertoire: a text parameter holding U+0000. */
const CHARACTER_NOT_IN_REPERTOIRE = '22021';
/** untranslatable_character: `\u0000` inside a jsonb document. */
const UNTRANSLATABLE_CHARACTER = '22P05';

function sqlState(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * The root ICU collation initdb creates on every ICU-enabled server. lower() under it applies Unicode's full, context-
 * sensitive case mapping (final sigma, `İ` → `i̇`) like String.prototype.toLowerCase; under a libc locale such as
 * C.UTF-8 lower() maps one character at a time and misses both.
 */
export const ICU_ROOT_COLLATION = 'und-x-icu';

/** The path as a bound text[] parameter: keys may contain `.`, `:` and quotes (extension URNs). */
function jsonPath(path: readonly string[]): RawBuilder<unknown> {
  return sql`cast(${[...path]} as text[])`;
}

/** The jsonb value at `path` (SQL NULL when absent). */
function at(doc: Expression<unknown>, path: readonly string[]): RawBuilder<unknown> {
  return path.length === 0 ? sql`${doc}` : sql`(${doc} #> ${jsonPath(path)})`;
}

const JSON_TYPE_OF: Readonly<Record<AttrType, string>> = {
  string: 'string',
  reference: 'string',
  binary: 'string',
  dateTime: 'string',
  boolean: 'boolean',
  integer: 'number',
  decimal: 'number',
  complex: 'object',
};

/** The jsonb `value` as the SQL type a filter value of `type` binds as (text, boolean, numeric); else NULL. */
function typed(value: RawBuilder<unknown>, type: AttrType): RawBuilder<unknown> {
  const when = sql`jsonb_typeof(${value}) = ${sql.lit(JSON_TYPE_OF[type])}`;
  switch (type) {
    case 'string':
    case 'reference':
    case 'binary':
    case 'dateTime':
      return sql`(case when ${when} then ${value} #>> '{}' end)`;
    case 'boolean':
      return sql`(case when ${when} then cast(${value} as boolean) end)`;
    case 'integer':
    case 'decimal':
      return sql`(case when ${when} then cast(${value} as numeric) end)`;
    case 'complex':
      return value;
  }
}

export const postgresSqlDialect: SqlDialect = {
  name: 'postgres',
  jsonType: 'jsonb',

  jsonScalar: (doc, path, type) => typed(at(doc, path), type),

  // The same cases as SQLite's json_type switch: null and absent → false, "" / [] / {} → false, anything else → true.
  jsonPresent(doc, path) {
    const value = at(doc, path);
    return sql<SqlBool>`(case coalesce(jsonb_typeof(${value}), 'null')
      when 'null' then false
      when 'string' then ${value} #>> '{}' <> ''
      when 'array' then jsonb_array_length(${value}) > 0
      when 'object' then ${value} <> '{}'::jsonb
      else true end)`;
  },

  jsonSome(doc, path, elements, alias, where) {
    const array = at(doc, path);
    const element = sql`${sql.ref(`${alias}.value`)}`;
    // jsonb_array_elements raises on a non-array; such a value has no elements to match.
    return sql<SqlBool>`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${array}) = 'array' then ${array} end) as ${sql.id(
      alias,
    )}(value) where ${where(elements.kind === 'complex' ? element : typed(element, elements.type))})`;
  },

  jsonBoolean: (value) => value,

  // Back to the database's own collation afterwards, so comparing and sorting the result behave as for any column.
  lower: (expr) =>
    sql`(lower(cast(${expr} as text) collate ${sql.id(ICU_ROOT_COLLATION)}) collate "default")`,

  // strpos/left/right count characters, and compare exactly (no pattern characters, unlike LIKE).
  contains: (expr, value) => sql<SqlBool>`(strpos(${expr}, cast(${value} as text)) > 0)`,
  startsWith: (expr, value) =>
    sql<SqlBool>`(left(${expr}, char_length(cast(${value} as text))) = cast(${value} as text))`,
  endsWith: (expr, value) =>
    sql<SqlBool>`(char_length(${expr}) >= char_length(cast(${value} as text)) and right(${expr}, char_length(cast(${value} as text))) = cast(${value} as text))`,

  // json (not jsonb) keeps the keys in the order given; ::text hands the array over as JSON text like SQLite.
  jsonObjectArray: (fields, orderBy) =>
    sql<string>`coalesce(json_agg(json_build_object(${sql.join(
      fields.map(([key, expr]) => sql`cast(${key} as text), ${expr}`),
    )}) order by ${sql.join(orderBy)})::text, '[]')`,

  jsonPrimaryValue(doc, path, alias) {
    const array = at(doc, path);
    const element = sql.ref(`${alias}.value`);
    // `->` gives NULL on a non-object element, so only objects with a string value qualify.
    return sql<
      string | null
    >`(select ${element} ->> 'value' from jsonb_array_elements(case when jsonb_typeof(${array}) = 'array' then ${array} end) with ordinality as ${sql.id(
      alias,
    )}(value, ordinal)
      where jsonb_typeof(${element} -> 'value') = 'string'
      order by (${element} -> 'primary') is not distinct from 'true'::jsonb desc, ${sql.ref(`${alias}.ordinal`)} limit 1)`;
  },

  isUniqueViolation: (error) => sqlState(error) === UNIQUE_VIOLATION,

  isUnsupportedText: (error) => {
    const code = sqlState(error);
    return code === CHARACTER_NOT_IN_REPERTOIRE || code === UNTRANSLATABLE_CHARACTER;
  },

  isUnavailable: isPostgresUnavailable,
};
