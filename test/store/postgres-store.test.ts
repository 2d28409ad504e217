// Runs the Store contract on PostgreSQL (an empty schema of its own per store in this run's database), plus
// PostgreSQL-specific checks: concurrent first start-ups, schemas kept apart, read() snapshots, text PostgreSQL cannot
// store.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/domain/ports.js';
import { migrateToLatest } from '../../src/store/migrations/migrate-to-latest.js';
import type { Database } from '../../src/store/schema.js';
import {
  dropSchema,
  freshSchemaName,
  openPostgresTestStore,
  postgresTestDatabaseUrl,
} from '../support/postgres-test-database.js';
import { openLeasedPostgresStore } from '../support/test-store.js';
import { describeStoreContract } from './store-contract.js';
import { cmp, group, listQuery, org, path, user } from './store-fixtures.js';
import { scimErrorOf } from './store-seed.js';

describeStoreContract('postgres', openLeasedPostgresStore);

const MIGRATIONS = [
  '0001-initial',
  '0002-access-and-events',
  '0003-admin-accounts',
  '0004-console-indexes',
  '0005-admin-session-expiry',
  '0006-sso-sign-in',
];

async function closeAll(stores: readonly Store[]): Promise<void> {
  await Promise.all(stores.map((s) => s.close()));
}

describe('createPostgresStore', () => {
  it('applies each migration exactly once when several processes migrate one empty schema at the same moment', async () => {
    const schema = freshSchemaName();
    const url = await postgresTestDatabaseUrl();
    const dbs = Array.from(
      { length: 4 },
      () =>
        new Kysely<Database>({
          dialect: new PostgresDialect({
            pool: new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` }),
          }),
        }),
    );
    try {
      const applied = await Promise.all(
        dbs.map((db) => migrateToLatest(db, { jsonType: 'jsonb', migrationTableSchema: schema })),
      );
      expect(applied.flat().sort()).toEqual(MIGRATIONS);
      const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        dbs[0]!,
      );
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS);
    } finally {
      await Promise.all(dbs.map((db) => db.destroy()));
      await dropSchema(schema);
    }
  });

  it('opens several stores on one new schema at the same moment, all of them working on the same tables', async () => {
    const schema = freshSchemaName();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresTestStore({ schema })));
    try {
      await stores[0]!.organizations.insert(org('o1'));
      for (const store of stores) expect(await store.organizations.findById('o1')).toEqual(org('o1'));
    } finally {
      // Each close drops the (shared) schema; the first one does it.
      await closeAll(stores);
    }
  });

  it('keeps schemas apart: a store sees only the rows of its own schema', async () => {
    const stores = [await openPostgresTestStore(), await openPostgresTestStore()];
    try {
      const [a, b] = stores as [Store, Store];
      await a.organizations.insert(org('o1'));
      await b.organizations.insert(org('o1'));
      await a.users.insert(user('o1', { userName: 'only-in-a' }));
      expect((await a.users.list('o1', listQuery())).totalResults).toBe(1);
      expect((await b.users.list('o1', listQuery())).totalResults).toBe(0);
    } finally {
      await closeAll(stores);
    }
  });

  it('read() sees one snapshot while another connection commits, and never blocks it', async () => {
    const store = await openPostgresTestStore();
    try {
      await store.organizations.insert(org('o1'));
      await store.users.insert(user('o1', { userName: 'first' }));
      const late = user('o1', { userName: 'late' });
      const seen = await store.read(async (tx) => {
        const before = await tx.users.list('o1', listQuery());
        // Outside the read transaction, on another pooled connection, committed at once.
        await store.users.insert(late);
        const after = await tx.users.list('o1', listQuery());
        return {
          before: before.totalResults,
          after: after.totalResults,
          lateInside: await tx.users.get('o1', late.id),
        };
      });
      expect(seen).toEqual({ before: 1, after: 1, lateInside: undefined });
      expect((await store.users.get('o1', late.id))?.userName).toBe('late');
    } finally {
      await store.close();
    }
  });

  it('answers 400 for text PostgreSQL cannot hold (U+0000) in filters and writes, and keeps working', async () => {
    const store = await openPostgresTestStore();
    try {
      await store.organizations.insert(org('o1'));
      const nul = 'a\u0000b';
      for (const filter of [
        cmp(path('userName'), 'eq', nul),
        cmp(path('title'), 'co', nul),
        cmp(path('emails', 'value'), 'gt', nul),
      ]) {
        expect(await scimErrorOf(store.users.list('o1', listQuery({ filter })))).toEqual({
          status: 400,
          scimType: 'invalidFilter',
        });
      }
      for (const write of [
        () => store.users.insert(user('o1', { userName: nul })),
        () => store.users.insert(user('o1', { userName: 'ok', title: nul })),
        () => store.groups.insert(group('o1', nul)),
        () =>
          store.transaction((tx) =>
            tx.groups.insert(group('o1', 'ok', { data: { displayName: 'ok', x: nul } })),
          ),
      ]) {
        expect(await scimErrorOf(write())).toEqual({ status: 400, scimType: 'invalidValue' });
      }
      expect((await store.users.list('o1', listQuery())).totalResults).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('cancels a statement that runs longer than statementTimeoutMs', async () => {
    const schema = freshSchemaName();
    const store = await openPostgresTestStore({ schema, statementTimeoutMs: 200 });
    const blocker = new pg.Client({
      connectionString: await postgresTestDatabaseUrl(),
      options: `-c search_path=${schema}`,
    });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table organizations in access exclusive mode');
      const started = Date.now();
      // SQLSTATE 57014 query_canceled: "canceling statement due to statement timeout", which the store reports as
      // the database being unavailable (a 503).
      await expect(store.organizations.list()).rejects.toMatchObject({
        name: 'StoreUnavailableError',
        cause: { code: '57014' },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
      await store.close();
    }
  });

  it('never applies the statement timeout to migrations', async () => {
    // Creating a table takes longer than 1 ms; with the timeout the first migration would be cancelled.
    const store = await openPostgresTestStore({ statementTimeoutMs: 1 });
    await store.close();
  });

  it('fails to open with the server error when the database cannot be reached', async () => {
    const { createPostgresStore } = await import('../../src/store/postgres/create-postgres-store.js');
    await expect(
      createPostgresStore({
        connectionString: 'postgres://postgres@127.0.0.1:1/muster',
        poolSize: 1,
        statementTimeoutMs: 0,
        ssl: { mode: 'disable' },
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
