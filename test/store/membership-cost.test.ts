// Membership writes cost the same whatever the group size: the statements a Group PATCH runs are the same for a group of
// 10 and of 5,000 members, each is an indexed lookup (no scan of group_members), and replacing every member is one
// delete plus batched inserts, never one round trip per member. On SQLite and on PostgreSQL.
import { Kysely, SqliteDialect, type CompiledQuery, type LogEvent } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupsService } from '../../src/domain/groups.js';
import type { Store } from '../../src/domain/ports.js';
import type { ResourceService, ScimContext } from '../../src/domain/scim-service.js';
import { createKyselyStore } from '../../src/store/create-kysely-store.js';
import { migrateToLatest } from '../../src/store/migrations/migrate-to-latest.js';
import type { Database } from '../../src/store/schema.js';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { sqliteSqlDialect } from '../../src/store/sqlite/sqlite-sql-dialect.js';
import {
  freshSchemaName,
  openPostgresTestStore,
  postgresTestDatabaseUrl,
} from '../support/postgres-test-database.js';
import { org, user } from './store-fixtures.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ctx: ScimContext = { orgId: 'o1', baseUrl: 'http://muster.test/scim/v2' };
const NO_PROJECTION = { attributes: [], excludedAttributes: [] };

interface Measured {
  /** close() also ends what plan() uses. */
  readonly store: Store;
  /** The query plan of one logged statement, as text. */
  plan(query: CompiledQuery): Promise<string>;
  /** A plan line that reads every row of group_members. */
  readonly fullScan: RegExp;
}

type Open = (log: (event: LogEvent) => void) => Promise<Measured>;

const openSqlite: Open = async (log) => {
  const database = openSqliteDatabase(':memory:');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), log });
  await migrateToLatest(db, { jsonType: 'text' });
  return {
    store: createKyselyStore(db, sqliteSqlDialect),
    plan: (q) =>
      Promise.resolve(
        (database.prepare(`explain query plan ${q.sql}`).all(q.parameters) as { detail: string }[])
          .map((r) => r.detail)
          .join('\n'),
      ),
    fullScan: /SCAN (gm|group_members)\b/,
  };
};

const openPostgres: Open = async (log) => {
  const schema = freshSchemaName();
  const store = await openPostgresTestStore({ schema, log });
  // EXPLAIN on a connection of its own to the store's schema (with the statement's own parameters).
  const client = new pg.Client({
    connectionString: await postgresTestDatabaseUrl(),
    options: `-c search_path=${schema}`,
  });
  await client.connect();
  return {
    store: {
      ...store,
      async close() {
        await client.end();
        await store.close();
      },
    },
    plan: async (q) =>
      (await client.query<{ 'QUERY PLAN': string }>(`explain ${q.sql}`, [...q.parameters])).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n'),
    fullScan: /Seq Scan on group_members\b/,
  };
};

describe.each<[string, Open]>([
  ['sqlite', openSqlite],
  ['postgres', openPostgres],
])('membership cost (%s)', (_name, open) => {
  let measured: Measured;
  let store: Store;
  let groups: ResourceService;
  let queries: CompiledQuery[];
  let userIds: string[];

  beforeEach(async () => {
    queries = [];
    measured = await open((event) => {
      if (event.level === 'query') queries.push(event.query);
    });
    store = measured.store;
    let seq = 0;
    groups = createGroupsService({
      store,
      clock: { now: () => new Date('2026-01-01T00:00:00.000Z') },
      ids: { newId: () => `g-${String(++seq)}` },
    });
    await store.organizations.insert(org('o1'));
    userIds = [];
    await store.transaction(async (tx) => {
      for (let i = 0; i < 5_020; i++) {
        const u = user('o1', { userName: `user${String(i)}@example.com` });
        await tx.users.insert(u);
        userIds.push(u.id);
      }
    });
  });

  afterEach(async () => {
    await store.close();
  });

  async function groupWith(memberIds: readonly string[]): Promise<string> {
    const created = await groups.create(
      ctx,
      {
        schemas: [GROUP_SCHEMA],
        displayName: `g${String(memberIds.length)}`,
        members: memberIds.map((value) => ({ value })),
      },
      NO_PROJECTION,
    );
    return created.resource['id'] as string;
  }

  /** The SQL texts and query plans of one PATCH, with the group id and member ids left out (they are parameters). */
  async function statementsOf(
    groupId: string,
    operation: Record<string, unknown>,
  ): Promise<{ sql: string[]; plans: string[] }> {
    queries.length = 0;
    await groups.patch(ctx, groupId, { schemas: [PATCH_OP], Operations: [operation] }, NO_PROJECTION, {
      wantResource: false,
    });
    const sql = queries.map((q) => q.sql);
    const plans: string[] = [];
    for (const q of queries.filter((q) => /^\s*(select|update|delete|insert)/i.test(q.sql))) {
      plans.push(await measured.plan(q));
    }
    return { sql, plans };
  }

  it.each([
    ['add', (id: string) => ({ op: 'Add', path: 'members', value: [{ value: id }] })],
    ['remove by value', (id: string) => ({ op: 'Remove', path: 'members', value: [{ value: id }] })],
    ['remove by filter', (id: string) => ({ op: 'remove', path: `members[value eq "${id}"]` })],
  ])('%s runs the same indexed statements on a group of 10 and of 5,000', async (_label, operation) => {
    const small = await groupWith(userIds.slice(0, 10));
    const big = await groupWith(userIds.slice(0, 5_000));
    // add: a user in neither group; remove: a user in both.
    const target = operation('x').op === 'Add' ? userIds[5_010]! : userIds[3]!;
    const onSmall = await statementsOf(small, operation(target));
    const onBig = await statementsOf(big, operation(target));
    expect(onBig.sql).toEqual(onSmall.sql);
    expect(onBig.sql.length).toBeLessThanOrEqual(12);
    expect(onBig.plans.length).toBeGreaterThan(0);
    for (const plan of onBig.plans) expect(plan).not.toMatch(measured.fullScan);
  });

  it('replaces 1,000 members with one delete and batched inserts, not a statement per member', async () => {
    const groupId = await groupWith(userIds.slice(0, 1_000));
    const replacement = userIds.slice(1_000, 2_000).map((value) => ({ value }));
    const { sql } = await statementsOf(groupId, { op: 'replace', path: 'members', value: replacement });
    expect(sql.length).toBeLessThan(60);
    const members = await store.groups.members('o1', [groupId]);
    expect(
      members
        .get(groupId)
        ?.map((m) => m.value)
        .sort(),
    ).toEqual(userIds.slice(1_000, 2_000).sort());
  });
});
