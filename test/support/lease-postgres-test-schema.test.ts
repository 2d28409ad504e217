// The reuse of PostgreSQL test schemas keeps tests apart: a freed schema comes back empty under a new name, two leases
// at once never share a schema, and a schema a test altered is dropped instead of reused.
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/domain/ports.js';
import { createPostgresStore } from '../../src/store/postgres/create-postgres-store.js';
import { leasePostgresTestSchema, type PostgresSchemaLease } from './lease-postgres-test-schema.js';
import { postgresTestDatabaseUrl } from './postgres-test-database.js';
import { withClient } from './postgres-test-target.js';

const held: PostgresSchemaLease[] = [];

afterEach(async () => {
  for (const lease of held.splice(0)) await lease.release();
});

async function lease(): Promise<PostgresSchemaLease> {
  const leased = await leasePostgresTestSchema();
  held.push(leased);
  return leased;
}

function openStore(leased: PostgresSchemaLease): Promise<Store> {
  return createPostgresStore({
    connectionString: leased.databaseUrl,
    poolSize: 2,
    statementTimeoutMs: 30_000,
    ssl: { mode: 'disable' },
  });
}

async function query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  return withClient(
    await postgresTestDatabaseUrl(),
    async (client) => (await client.query<R>(text, values)).rows,
  );
}

/** The schema's identity across renames. */
async function oidOf(schema: string): Promise<number | undefined> {
  const rows = await query<{ oid: number }>('select oid::int as oid from pg_namespace where nspname = $1', [
    schema,
  ]);
  return rows[0]?.oid;
}

async function freeSchemas(): Promise<string[]> {
  return (await query<{ name: string }>('select name from muster_test.free_schemas')).map((r) => r.name);
}

/** Leases every free schema (so the next lease is a new one), returning the leases. */
async function leaseAllFree(): Promise<PostgresSchemaLease[]> {
  // The first lease also creates the free list of this worker's database.
  const taken = [await lease()];
  while ((await freeSchemas()).length > 0) taken.push(await lease());
  return taken;
}

const org = (id: string) => ({ id, slug: id, name: id, createdAt: '2026-01-01T00:00:00.000Z' });

describe('leasePostgresTestSchema', () => {
  it('gives a freed schema back empty, still migrated, under a name never used before', async () => {
    await leaseAllFree();
    const first = await leasePostgresTestSchema();
    const store = await openStore(first);
    await store.organizations.insert(org('o1'));
    await store.close();
    const oid = await oidOf(first.schema);
    await first.release();
    expect(await freeSchemas()).toEqual([first.schema]);

    const second = await lease();
    expect(second.schema).not.toBe(first.schema);
    expect(await oidOf(second.schema)).toBe(oid);
    expect(await oidOf(first.schema)).toBeUndefined();
    const { rows } = await withClient(second.databaseUrl, (client) =>
      client.query<{ organizations: number; migrations: number }>(
        'select (select count(*)::int from organizations) as organizations, ' +
          '(select count(*)::int from kysely_migration) as migrations',
      ),
    );
    expect(rows[0]?.organizations).toBe(0);
    expect(rows[0]?.migrations).toBeGreaterThan(0);
    const reopened = await openStore(second);
    try {
      expect(await reopened.organizations.findById('o1')).toBeUndefined();
      await reopened.organizations.insert(org('o1'));
    } finally {
      await reopened.close();
    }
  });

  it('never gives one schema to two leases at once', async () => {
    const leases = await Promise.all(Array.from({ length: 4 }, () => lease()));
    const oids = await Promise.all(leases.map((l) => oidOf(l.schema)));
    expect(new Set(oids).size).toBe(4);
    expect(oids).not.toContain(undefined);
  });

  it('drops a schema whose tables a test altered instead of reusing it', async () => {
    await leaseAllFree();
    const leased = await leasePostgresTestSchema();
    const store = await openStore(leased);
    await store.close();
    await withClient(leased.databaseUrl, (client) => client.query('alter table users add column extra text'));
    const oid = await oidOf(leased.schema);
    await leased.release();
    expect(await freeSchemas()).toEqual([]);
    expect(await query('select 1 from pg_namespace where oid = $1', [oid])).toEqual([]);
  });

  it('drops a schema no app ever migrated', async () => {
    await leaseAllFree();
    const leased = await leasePostgresTestSchema();
    await leased.release();
    expect(await freeSchemas()).toEqual([]);
    expect(await oidOf(leased.schema)).toBeUndefined();
  });
});
