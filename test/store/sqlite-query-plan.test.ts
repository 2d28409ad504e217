// The statements list queries run on SQLite use indexes for what IdPs send all the time (userName/externalId/
// displayName eq, membership lookups) and never sort the whole organization for the default order.
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { FilterNode } from '../../src/scim/filter/filter-node.js';
import { migrateToLatest } from '../../src/store/migrations/migrate-to-latest.js';
import { GROUP_MAPPING, USER_MAPPING, type ResourceMapping } from '../../src/store/resource-mapping.js';
import { runListQuery } from '../../src/store/run-list-query.js';
import type { Database } from '../../src/store/schema.js';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { sqliteSqlDialect } from '../../src/store/sqlite/sqlite-sql-dialect.js';
import { cmp, listQuery, path, vp } from './store-fixtures.js';

const database = openSqliteDatabase(':memory:');
const queries: CompiledQuery[] = [];
const db = new Kysely<Database>({
  dialect: new SqliteDialect({ database }),
  log: (event) => {
    if (event.level === 'query') queries.push(event.query);
  },
});
afterAll(async () => {
  await db.destroy();
});

interface PlanRow {
  readonly detail: string;
}

/**
 * EXPLAIN QUERY PLAN of the count statement (a `count=0` list runs only that) and of the page statement (a first page
 * that is not full needs no count).
 */
async function plansOf(mapping: ResourceMapping, filter?: FilterNode): Promise<string[]> {
  await migrateToLatest(db, { jsonType: 'text' });
  const base = filter === undefined ? {} : { filter };
  const captured: CompiledQuery[] = [];
  for (const query of [listQuery({ ...base, count: 0 }), listQuery(base)]) {
    queries.length = 0;
    await runListQuery(db, sqliteSqlDialect, mapping, 'o1', query);
    expect(queries).toHaveLength(1);
    captured.push(...queries);
  }
  return captured.map((q) =>
    (database.prepare(`explain query plan ${q.sql}`).all(q.parameters) as PlanRow[])
      .map((r) => r.detail)
      .join('\n'),
  );
}

describe('SQLite query plans', () => {
  it.each<[string, ResourceMapping, FilterNode | undefined, RegExp]>([
    ['userName eq', USER_MAPPING, cmp(path('userName'), 'eq', 'A@x'), /\(org_id=\? AND user_name_key=\?\)/],
    [
      'externalId eq',
      USER_MAPPING,
      cmp(path('externalId'), 'eq', 'e'),
      /users_external_id \(org_id=\? AND external_id=\?\)/,
    ],
    // The count may read the narrower (org_id, active) index; the page must walk users_created (no sort, checked below).
    ['default order', USER_MAPPING, undefined, /users_(created|active) \(org_id=\?\)/],
    [
      'group displayName eq',
      GROUP_MAPPING,
      cmp(path('displayName'), 'eq', 'G'),
      /groups_display_name \(org_id=\? AND display_name_key=\?/,
    ],
    [
      'members[value eq …]',
      GROUP_MAPPING,
      vp(path('members'), cmp(path('value'), 'eq', 'm')),
      /gm1 .*\(org_id=\? AND group_id=\? AND member_id=\?\)/,
    ],
    [
      'groups.value eq',
      USER_MAPPING,
      cmp(path('groups', 'value'), 'eq', 'g'),
      /gm1 .*\(org_id=\? AND group_id=\? AND member_id=\?\)/,
    ],
  ])('%s uses an index', async (_name, mapping, filter, expected) => {
    const plans = await plansOf(mapping, filter);
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan).toMatch(expected);
      expect(plan).not.toMatch(/SCAN (users|groups|group_members)\b/);
    }
    expect(plans[1]).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    if (filter === undefined) expect(plans[1]).toMatch(/users_created \(org_id=\?\)/);
  });
});
