// The dialect-specific SQL the store needs beyond what Kysely abstracts: JSON access for filters and sorting,
// Unicode case folding, substring tests and the driver errors the store translates. One implementation per database.
import type { Expression, RawBuilder, SqlBool } from 'kysely';
import type { AttrType } from '../scim/schema/schema-types.js';

export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column type of the JSON `data` documents. */
  readonly jsonType: 'text' | 'jsonb';
  /**
   * The scalar at `path` (object keys) inside the JSON document `doc`, as a SQL value that compares with a bound
   * parameter of `type` (see `jsonBoolean`); SQL NULL when absent or JSON null. `path` [] is the document itself.
   */
  jsonScalar(doc: Expression<unknown>, path: readonly string[], type: AttrType): RawBuilder<unknown>;
  /** RFC 7644 §3.4.2.2 `pr`: the value at `path` exists and is not null, "", [] or {}. */
  jsonPresent(doc: Expression<unknown>, path: readonly string[]): RawBuilder<SqlBool>;
  /**
   * EXISTS: some element of the JSON array at `path` satisfies `where`. `where` receives the element as a JSON
   * document (use jsonScalar/jsonPresent on it) when `elements` is 'complex', else as the element's scalar value.
   * `alias` must be unique within the statement.
   */
  jsonSome(
    doc: Expression<unknown>,
    path: readonly string[],
    elements: { readonly kind: 'complex' } | { readonly kind: 'scalar'; readonly type: AttrType },
    alias: string,
    where: (element: RawBuilder<unknown>) => Expression<SqlBool>,
  ): RawBuilder<SqlBool>;
  /** How a boolean filter value binds against jsonScalar(…, 'boolean'). */
  jsonBoolean(value: boolean): unknown;
  /**
   * Lower-cases text exactly like String.prototype.toLowerCase, which the store applies to bound values and to
   * the `*_key` columns, so caseExact=false comparisons agree on both sides.
   */
  lower(expr: Expression<unknown>): RawBuilder<unknown>;
  /** `co`, `sw`, `ew` on text, case-sensitively (callers lower both sides for caseExact=false). Never LIKE. */
  contains(expr: Expression<unknown>, value: string): RawBuilder<SqlBool>;
  startsWith(expr: Expression<unknown>, value: string): RawBuilder<SqlBool>;
  endsWith(expr: Expression<unknown>, value: string): RawBuilder<SqlBool>;
  /**
   * Aggregate: a JSON array (as JSON text) of one object per row with `fields` as keys, in `orderBy` order; '[]' when
   * there are no rows.
   */
  jsonObjectArray(
    fields: readonly (readonly [string, Expression<unknown>])[],
    orderBy: readonly Expression<unknown>[],
  ): RawBuilder<string>;
  /**
   * RFC 7643 §2.4: the string `value` of the multi-valued attribute at `path` (e.g. emails): the primary element's,
   * else the first element's; SQL NULL when there is none. `alias` must be unique within the statement.
   */
  jsonPrimaryValue(
    doc: Expression<unknown>,
    path: readonly string[],
    alias: string,
  ): RawBuilder<string | null>;
  /** The driver error of a UNIQUE constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * The driver error of a text value the database cannot store or compare: PostgreSQL's text and jsonb hold no U+0000.
   * SQLite holds any string (never true there).
   */
  isUnsupportedText(error: unknown): boolean;
  /**
   * The driver error of a database that cannot be reached or cannot serve now (connection refused or lost, server
   * shutting down or overloaded, SQLite busy beyond its timeout, I/O error, disk full): a 503, never the request's
   * fault. The store turns it into StoreUnavailableError (translate-unavailable-errors.ts).
   */
  isUnavailable(error: unknown): boolean;
}
