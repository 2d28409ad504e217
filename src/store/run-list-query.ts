// RFC 7644 §3.4.2: filter, sort and page in SQL. totalResults is exact: COUNT(*) with the same WHERE, or the rows of
// a last page plus its offset; pages
// are LIMIT/OFFSET (index paging) or keyset on (sort key, id) (RFC 9865 cursor paging). The id is always the last
// sort key, so the order is total and stable across pages.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ListQuery } from '../domain/ports.js';
import { invalidFilter, invalidValue, isScimError } from '../scim/errors.js';
import { compileFilter, createTargetContext } from './compile-filter.js';
import { decodeListCursor, encodeListCursor, type SortValue } from './list-cursor.js';
import { rejectUnsupportedText } from './reject-unsupported-text.js';
import type { ResourceMapping } from './resource-mapping.js';
import { formatPath, resolveTarget, type TargetContext } from './resolve-target.js';
import type { Database } from './schema.js';
import type { SqlDialect } from './sql-dialect.js';

interface SortPlan {
  readonly expr: Expression<unknown>;
  readonly descending: boolean;
  readonly nullable: boolean;
  /** Identifies the sort inside cursors. */
  readonly signature: string;
}

export interface ListRows<Row> {
  readonly totalResults: number;
  readonly rows: readonly Row[];
  readonly nextCursor?: string;
}

function planSort(ctx: TargetContext, query: ListQuery): SortPlan {
  const { sortBy } = query;
  // Default order: creation, then id (UUID v7, so also creation order). sortOrder only applies with sortBy.
  if (sortBy === undefined) {
    return {
      expr: sql.ref(`${ctx.mapping.table}.created_at`),
      descending: false,
      nullable: false,
      signature: '',
    };
  }
  let target;
  try {
    target = resolveTarget(ctx, sortBy);
  } catch (error) {
    if (isScimError(error)) throw invalidValue(`sortBy: ${error.message}`);
    throw error;
  }
  if (target.kind !== 'scalar' || target.operand.attr.type === 'complex') {
    throw invalidValue(`sortBy '${formatPath(sortBy)}' must name a single-valued simple attribute`);
  }
  const { operand } = target;
  const attr = operand.attr;
  // RFC 7644 §3.4.2.3: caseExact=false attributes sort case-insensitively.
  const folding = !attr.caseExact && (attr.type === 'string' || attr.type === 'reference');
  const descending = query.sortOrder === 'descending';
  return {
    expr: folding && !operand.folded ? ctx.dialect.lower(operand.expr) : operand.expr,
    descending,
    nullable: operand.nullable,
    signature: `${formatPath(sortBy).toLowerCase()} ${query.sortOrder}`,
  };
}

/** Rows strictly after (key, id) in the plan's order; absent values sort last in either direction. */
function after(plan: SortPlan, idRef: Expression<unknown>, key: SortValue, id: string): Expression<SqlBool> {
  const cmp = sql.raw(plan.descending ? '<' : '>');
  const { expr } = plan;
  if (key === null) return sql<SqlBool>`(${expr} is null and ${idRef} ${cmp} ${id})`;
  const nonNull = sql<SqlBool>`(${expr} ${cmp} ${key} or (${expr} = ${key} and ${idRef} ${cmp} ${id}))`;
  return plan.nullable ? sql<SqlBool>`(${expr} is null or ${nonNull})` : nonNull;
}

function orderBy(plan: SortPlan, idRef: Expression<unknown>): Expression<unknown> {
  const dir = sql.raw(plan.descending ? 'desc' : 'asc');
  const terms = [sql`${plan.expr} ${dir}`, sql`${idRef} ${dir}`];
  return sql.join(plan.nullable ? [sql`(${plan.expr} is null) asc`, ...terms] : terms);
}

function toSortValue(value: unknown): SortValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new Error(`unexpected sort key type ${typeof value}`);
}

/**
 * Runs `query` for one organization over the mapping's table and returns the matching rows of the page.
 * `extraColumns` are selected next to each page row (correlated subqueries over the table's own name);
 * `condition` is ANDed with the organization and the filter (a column no SCIM filter can name, like managed_by).
 */
export function runListQuery<Row extends { id: string }>(
  db: Kysely<Database>,
  dialect: SqlDialect,
  mapping: ResourceMapping,
  orgId: string,
  query: ListQuery,
  extraColumns: readonly Expression<unknown>[] = [],
  condition?: Expression<SqlBool>,
): Promise<ListRows<Row>> {
  // A filter value is the only text a list binds that the database did not hand out itself.
  return rejectUnsupportedText(
    dialect,
    () => runChecked<Row>(db, dialect, mapping, orgId, query, extraColumns, condition),
    invalidFilter,
  );
}

async function runChecked<Row extends { id: string }>(
  db: Kysely<Database>,
  dialect: SqlDialect,
  mapping: ResourceMapping,
  orgId: string,
  query: ListQuery,
  extraColumns: readonly Expression<unknown>[],
  condition: Expression<SqlBool> | undefined,
): Promise<ListRows<Row>> {
  const ctx = createTargetContext(mapping, dialect);
  const table = sql.table(mapping.table);
  const idRef = sql.ref(`${mapping.table}.id`);
  const orgOnly = sql<SqlBool>`${sql.ref(`${mapping.table}.org_id`)} = ${orgId}`;
  const orgFilter = condition === undefined ? orgOnly : sql<SqlBool>`${orgOnly} and ${condition}`;
  const where =
    query.filter === undefined
      ? orgFilter
      : sql<SqlBool>`${orgFilter} and (${compileFilter(ctx, query.filter)})`;
  const plan = planSort(ctx, query);
  const cursorPaging = query.cursor !== undefined;
  const keyset =
    query.cursor === undefined || query.cursor === ''
      ? undefined
      : decodeListCursor(query.cursor, plan.signature);

  const countAll = async (): Promise<number> => {
    const counted = await sql<{
      n: number | bigint | string;
    }>`select count(*) as n from ${table} where ${where}`.execute(db);
    return Number(counted.rows[0]?.n ?? 0);
  };
  const count = Math.max(0, query.count);
  if (count === 0) return { totalResults: await countAll(), rows: [] };

  const pageWhere =
    keyset === undefined ? where : sql<SqlBool>`${where} and ${after(plan, idRef, keyset.key, keyset.id)}`;
  // Cursor paging fetches one extra row to learn whether a next page exists.
  const limit = cursorPaging ? count + 1 : count;
  // LIMIT is written into the SQL, not bound: SQLite runs a bound LIMIT far slower (~3× on a one-row page). It is an
  // integer this function computed, and count is bounded by maxResults, so the statement texts stay few.
  if (!Number.isSafeInteger(limit)) throw new Error(`page size ${String(limit)} is not an integer`);
  const offset = cursorPaging ? 0 : Math.max(1, query.startIndex) - 1;
  const result = await sql<
    Row & { muster_sort_key: unknown }
  >`select ${sql.join([sql`${table}.*`, sql`${plan.expr} as muster_sort_key`, ...extraColumns])}
    from ${table} where ${pageWhere} order by ${orderBy(plan, idRef)} limit ${sql.lit(limit)} offset ${offset}`.execute(
    db,
  );
  // A page that ends before its limit is the last one: when it starts at the first match (or holds rows), the
  // total is exact without counting. That is every `userName eq` lookup an IdP makes. Otherwise: COUNT(*).
  const startsAtFirst = keyset === undefined && offset === 0;
  const short = result.rows.length < limit;
  const totalResults =
    short && (startsAtFirst || (keyset === undefined && result.rows.length > 0))
      ? offset + result.rows.length
      : await countAll();
  const rows = result.rows.slice(0, count);
  const last = rows.at(-1);
  if (!cursorPaging || result.rows.length <= count || last === undefined) {
    return { totalResults, rows: rows };
  }
  const nextCursor = encodeListCursor({
    sort: plan.signature,
    key: toSortValue(last.muster_sort_key),
    id: last.id,
  });
  return { totalResults, rows: rows, nextCursor };
}
