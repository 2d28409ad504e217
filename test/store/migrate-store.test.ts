// migrateStore between real databases (SQLite in memory, PostgreSQL in a fresh schema): paging through composite keys,
// JSON documents converted between text and jsonb, and every refusal leaving the target as it was.
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  migrateStore,
  MigrateStoreError,
  type MigrateStoreOptions,
  type StoreDatabase,
} from '../../src/store/migrate-store.js';
import { openPostgresStoreDatabase } from '../../src/store/postgres/create-postgres-store.js';
import { postgresSqlDialect } from '../../src/store/postgres/postgres-sql-dialect.js';
import type { Database } from '../../src/store/schema.js';
import { openSqliteStoreDatabase } from '../../src/store/sqlite/create-sqlite-store.js';
import { sqliteSqlDialect } from '../../src/store/sqlite/sqlite-sql-dialect.js';
import { STORE_TABLE_NAMES } from '../../src/store/store-tables.js';
import { canonicalJson, TableChecksum } from '../../src/store/table-checksum.js';
import { createPostgresTestSchema } from '../support/postgres-test-database.js';

const OPTIONS: MigrateStoreOptions = { batchSize: 2, replace: false };
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const T0 = '2026-01-01T00:00:00.000Z';

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

async function openSqlite(): Promise<StoreDatabase> {
  const db = await openSqliteStoreDatabase({ filename: ':memory:' });
  opened.push(() => db.destroy());
  return { db, dialect: sqliteSqlDialect };
}

async function openPostgres(): Promise<StoreDatabase> {
  const schema = await createPostgresTestSchema();
  opened.push(() => schema.drop());
  const db = await openPostgresStoreDatabase({
    connectionString: schema.databaseUrl,
    poolSize: 2,
    statementTimeoutMs: 0,
    ssl: { mode: 'disable' },
  });
  opened.push(() => db.destroy());
  return { db, dialect: postgresSqlDialect };
}

/** Two organizations with three users each (so a page boundary falls inside an organization), a group, members. */
async function seed(db: Kysely<Database>, displayName = 'Zoë'): Promise<void> {
  for (const org of ['org-a', 'org-b']) {
    await db.insertInto('organizations').values({ id: org, slug: org, name: org, created_at: T0 }).execute();
    for (const n of [1, 2, 3]) {
      // Keys in an order jsonb does not keep (it sorts shorter keys first).
      const data = { userName: `u${n}`, [ENTERPRISE]: { department: 'R&D' }, active: true, displayName };
      await db
        .insertInto('users')
        .values({
          org_id: org,
          id: `user-${n}`,
          user_name: `u${n}`,
          user_name_key: `u${n}`,
          external_id: null,
          display_name: displayName,
          active: 1,
          data: JSON.stringify(data),
          version: n,
          created_at: T0,
          updated_at: T0,
          managed_by: n === 3 ? 'admin' : 'scim',
        })
        .execute();
    }
    await db
      .insertInto('groups')
      .values({
        org_id: org,
        id: 'group-1',
        display_name: 'Eng',
        display_name_key: 'eng',
        external_id: 'g',
        data: JSON.stringify({ displayName: 'Eng' }),
        version: 1,
        created_at: T0,
        updated_at: T0,
      })
      .execute();
    await db
      .insertInto('group_members')
      .values(
        [1, 2, 3].map((n) => ({
          org_id: org,
          group_id: 'group-1',
          member_id: `user-${n}`,
          member_type: 'User' as const,
          created_at: T0,
        })),
      )
      .execute();
    await db.insertInto('event_sequences').values({ org_id: org, last_seq: 41 }).execute();
  }
}

async function counts(db: Kysely<Database>): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of STORE_TABLE_NAMES) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      db,
    );
    result[table] = Number(rows[0]?.n);
  }
  return result;
}

async function users(db: Kysely<Database>) {
  const rows = await db.selectFrom('users').selectAll().orderBy('org_id').orderBy('id').execute();
  return rows.map((row) => ({
    ...row,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
  }));
}

describe('migrateStore', () => {
  it('copies SQLite → PostgreSQL → SQLite page by page, every column kept and JSON documents equal by value', async () => {
    const sqlite = await openSqlite();
    await seed(sqlite.db);
    const postgres = await openPostgres();
    const back = await openSqlite();

    const first = await migrateStore(sqlite, postgres, OPTIONS);
    expect(first.deleted).toBe(0);
    expect(Object.fromEntries(first.tables.map((t) => [t.table, t.rows]))).toEqual(await counts(sqlite.db));
    const second = await migrateStore(postgres, back, OPTIONS);
    // The checksum compares rows by value: the same on all three databases.
    expect(second.tables).toEqual(first.tables);

    expect(await users(postgres.db)).toEqual(await users(sqlite.db));
    expect(await users(back.db)).toEqual(await users(sqlite.db));
    const { data } = await back.db
      .selectFrom('users')
      .select('data')
      .where('id', '=', 'user-1')
      .executeTakeFirstOrThrow();
    // Written back as JSON text, as the SQLite store writes it.
    expect(JSON.parse(data)).toMatchObject({ [ENTERPRISE]: { department: 'R&D' } });
    const sequences = await back.db.selectFrom('event_sequences').selectAll().orderBy('org_id').execute();
    expect(sequences).toEqual([
      { org_id: 'org-a', last_seq: 41 },
      { org_id: 'org-b', last_seq: 41 },
    ]);
  });

  it('copies the console admins, their sessions and setup tokens', async () => {
    const sqlite = await openSqlite();
    await seed(sqlite.db);
    await sqlite.db
      .insertInto('admin_users')
      .values([
        {
          id: 'admin-1',
          org_id: null,
          email: 'Root@example.com',
          email_key: 'root@example.com',
          password_hash: 'scrypt$32768$8$1$c2FsdA==$a2V5',
          created_at: T0,
          updated_at: T0,
          last_login_at: T0,
        },
        {
          id: 'admin-2',
          org_id: 'org-a',
          email: 'ann@a.example',
          email_key: 'ann@a.example',
          password_hash: null,
          created_at: T0,
          updated_at: T0,
          last_login_at: null,
        },
      ])
      .execute();
    await sqlite.db
      .insertInto('admin_sessions')
      .values({
        id: 'session-1',
        admin_user_id: 'admin-1',
        token_hash: 'ab12',
        created_at: T0,
        expires_at: T0,
        last_seen_at: T0,
        revoked_at: null,
      })
      .execute();
    await sqlite.db
      .insertInto('admin_setup_tokens')
      .values({
        id: 'setup-1',
        token_hash: 'cd34',
        email: 'ann@a.example',
        created_at: T0,
        expires_at: T0,
        used_at: null,
      })
      .execute();
    const postgres = await openPostgres();
    const back = await openSqlite();

    await migrateStore(sqlite, postgres, OPTIONS);
    await migrateStore(postgres, back, OPTIONS);
    for (const table of ['admin_users', 'admin_sessions', 'admin_setup_tokens'] as const) {
      const rows = (db: Kysely<Database>) => db.selectFrom(table).selectAll().orderBy('id').execute();
      const original = await rows(sqlite.db);
      expect(original.length, table).toBeGreaterThan(0);
      expect(await rows(postgres.db), table).toEqual(original);
      expect(await rows(back.db), table).toEqual(original);
    }
  });

  it('refuses a target that holds rows and leaves it as it was', async () => {
    const source = await openSqlite();
    await seed(source.db);
    const target = await openPostgres();
    await target.db
      .insertInto('organizations')
      .values({ id: 'x', slug: 'x', name: 'X', created_at: T0 })
      .execute();

    const refused = migrateStore(source, target, OPTIONS);
    await expect(refused).rejects.toThrow(MigrateStoreError);
    await expect(refused).rejects.toThrow(/target database is not empty \(organizations: 1\).*--replace/);
    expect(await target.db.selectFrom('organizations').select('id').execute()).toEqual([{ id: 'x' }]);
  });

  it('with replace, deletes the rows the target held and copies', async () => {
    const source = await openSqlite();
    await seed(source.db);
    const target = await openSqlite();
    await seed(target.db, 'Someone else');

    const result = await migrateStore(source, target, { ...OPTIONS, replace: true });
    expect(result.deleted).toBe(18);
    expect(await users(target.db)).toEqual(await users(source.db));
  });

  it('refuses an empty source', async () => {
    await expect(migrateStore(await openSqlite(), await openSqlite(), OPTIONS)).rejects.toThrow(
      /source database holds no rows/,
    );
  });

  it('refuses to start when the source has a table or column it would not copy', async () => {
    const source = await openSqlite();
    await seed(source.db);
    await sql`create table audit_trail (id text primary key)`.execute(source.db);
    await sql`alter table users add column nickname text`.execute(source.db);
    const target = await openSqlite();

    const refused = migrateStore(source, target, OPTIONS);
    await expect(refused).rejects.toThrow(/source database's tables do not match/);
    await expect(refused).rejects.toThrow(/table audit_trail is not covered by migrate-store/);
    await expect(refused).rejects.toThrow(/column users\.nickname is not covered by migrate-store/);
    expect(Object.values(await counts(target.db)).every((n) => n === 0)).toBe(true);
  });

  it('a value PostgreSQL cannot store fails the copy, names the table and row, and writes nothing', async () => {
    const source = await openSqlite();
    // SQLite keeps U+0000; PostgreSQL text and jsonb cannot.
    await seed(source.db, 'nul\u0000here');
    const target = await openPostgres();

    const failed = migrateStore(source, target, OPTIONS);
    await expect(failed).rejects.toThrow(MigrateStoreError);
    await expect(failed).rejects.toThrow(/copying users, batch from org_id=org-a, id=user-1: .*U\+0000/);
    // The organizations copied before the users were rolled back with them.
    expect(Object.values(await counts(target.db)).every((n) => n === 0)).toBe(true);
  });

  it('a copy that does not read back the same fails verification and writes nothing', async () => {
    const source = await openSqlite();
    await seed(source.db);
    const target = await openSqlite();
    // Something in the target database changes what is written: the checksums must catch it.
    await sql`create trigger rewrite after insert on users when new.id = 'user-2' begin
      update users set display_name = 'changed' where org_id = new.org_id and id = new.id; end`.execute(
      target.db,
    );

    await expect(migrateStore(source, target, OPTIONS)).rejects.toThrow(
      /verification failed for users: the source has 6 rows \(checksum [0-9a-f]{32}\), the copy 6 \(checksum [0-9a-f]{32}\)/,
    );
    expect(Object.values(await counts(target.db)).every((n) => n === 0)).toBe(true);
  });

  it('reports each batch copied, with the table total', async () => {
    const source = await openSqlite();
    await seed(source.db);
    const progress: string[] = [];
    await migrateStore(source, await openSqlite(), {
      ...OPTIONS,
      onProgress: ({ table, copied, total }) => progress.push(`${table} ${copied}/${total}`),
    });
    expect(progress.filter((line) => line.startsWith('users '))).toEqual([
      'users 2/6',
      'users 4/6',
      'users 6/6',
    ]);
  });
});

describe('TableChecksum', () => {
  it('does not depend on the order rows are added in, but on every value of every row', () => {
    const rows = [
      ['a', 1, null],
      ['b', 2, 'x'],
      ['c', 3, 'y'],
    ];
    const sum = (list: readonly (readonly unknown[])[]): string => {
      const checksum = new TableChecksum();
      for (const row of list) checksum.add(row);
      return checksum.hex;
    };
    expect(sum([...rows].reverse())).toBe(sum(rows));
    expect(sum([rows[0]!, rows[1]!, ['c', 3, 'z']])).not.toBe(sum(rows));
    expect(sum(rows.slice(1))).not.toBe(sum(rows));
    expect(sum(rows)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('compares JSON documents by value: key order at any depth does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [{ x: 2, y: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
