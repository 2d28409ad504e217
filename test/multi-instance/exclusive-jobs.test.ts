// Periodic jobs with several processes on one PostgreSQL schema: Store.runExclusive lets one process run a job while
// the others skip it, and the provisioning log's retention runs once, however many instances start it.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisioningLogEntry, Store } from '../../src/domain/ports.js';
import {
  PROVISIONING_LOG_PRUNE_JOB,
  startProvisioningLogPruner,
} from '../../src/domain/provisioning-log-pruner.js';
import { createPostgresStore } from '../../src/store/postgres/create-postgres-store.js';
import { createPostgresTestSchema, type PostgresTestSchema } from '../support/postgres-test-database.js';
import { startTwoInstances, type TwoInstances } from '../support/start-two-instances.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Rows of `text`, run on a connection of the test's own. */
async function query(schema: PostgresTestSchema, text: string): Promise<{ pid: number }[]> {
  const client = new pg.Client({ connectionString: schema.databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ pid: number }>(text)).rows;
  } finally {
    await client.end();
  }
}

/** A store of its own (own pool, as another process would have) on `schema`. */
async function storeOn(schema: PostgresTestSchema): Promise<Store> {
  const store = await createPostgresStore({
    connectionString: schema.databaseUrl,
    poolSize: 3,
    statementTimeoutMs: 30_000,
    ssl: { mode: 'disable' },
  });
  cleanup.push(() => store.close());
  return store;
}

async function schemaWithTwoStores(): Promise<{ schema: PostgresTestSchema; first: Store; second: Store }> {
  const schema = await createPostgresTestSchema();
  cleanup.push(() => schema.drop());
  return { schema, first: await storeOn(schema), second: await storeOn(schema) };
}

function deferred(): { readonly promise: Promise<void>; release(): void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

describe('Store.runExclusive on PostgreSQL', () => {
  it('runs a job in one process at a time: another caller skips it at once, then runs it once it is free', async () => {
    const { first, second } = await schemaWithTwoStores();
    const held = deferred();
    const running = first.runExclusive('nightly', async () => {
      await held.promise;
      return 'first';
    });
    // The first call has the lock once its statement has run; until then the second might still win it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await second.runExclusive('nightly', () => Promise.resolve('second'))).toEqual({ ran: false });
    // The same process is turned away too: the lock belongs to the connection running the job.
    expect(await first.runExclusive('nightly', () => Promise.resolve('again'))).toEqual({ ran: false });
    // Other jobs are not held up.
    expect(await second.runExclusive('hourly', () => Promise.resolve('other'))).toEqual({
      ran: true,
      value: 'other',
    });
    held.release();
    expect(await running).toEqual({ ran: true, value: 'first' });
    expect(await second.runExclusive('nightly', () => Promise.resolve('second'))).toEqual({
      ran: true,
      value: 'second',
    });
  });

  it('runs the job’s statements on the connection holding the lock, so a pool of one is enough', async () => {
    const schema = await createPostgresTestSchema();
    cleanup.push(() => schema.drop());
    const store = await createPostgresStore({
      connectionString: schema.databaseUrl,
      poolSize: 1,
      statementTimeoutMs: 5_000,
      ssl: { mode: 'disable' },
    });
    cleanup.push(() => store.close());
    const outcome = await store.runExclusive('prune', (repos) =>
      repos.provisioningLog.deleteOlderThan('2000-01-01T00:00:00.000Z', 10),
    );
    expect(outcome).toEqual({ ran: true, value: 0 });
  });

  it('is released when the process holding it loses its connection', async () => {
    const { schema, first, second } = await schemaWithTwoStores();
    const held = deferred();
    const running = first.runExclusive('nightly', async (repos) => {
      await held.promise;
      return repos.provisioningLog.deleteOlderThan('2000-01-01T00:00:00.000Z', 10);
    });
    running.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await second.runExclusive('nightly', () => Promise.resolve(1))).toEqual({ ran: false });
    // 0x6d6a6f62: the job locks' first key (postgres-coordination.ts).
    const holders = await query(
      schema,
      `select pid from pg_locks where locktype = 'advisory' and classid = ${String(0x6d6a6f62)}`,
    );
    expect(holders).toHaveLength(1);
    await query(schema, `select pg_terminate_backend(${String(holders[0]?.pid ?? 0)})`);
    expect(await second.runExclusive('nightly', () => Promise.resolve(2))).toEqual({ ran: true, value: 2 });
    held.release();
    await expect(running).rejects.toThrow();
  });

  it('is per schema: the same job runs in two schemas of one database at once', async () => {
    const { first } = await schemaWithTwoStores();
    const other = await createPostgresTestSchema();
    cleanup.push(() => other.drop());
    const elsewhere = await storeOn(other);
    const held = deferred();
    const running = first.runExclusive('nightly', () => held.promise);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await elsewhere.runExclusive('nightly', () => Promise.resolve('there'))).toEqual({
      ran: true,
      value: 'there',
    });
    held.release();
    await running;
  });
});

const EXPIRED_AT = '2020-01-01T00:00:00.000Z';

function entry(orgId: string, id: string, at: string): ProvisioningLogEntry {
  return {
    id,
    orgId,
    tokenId: null,
    requestId: `req-${id}`,
    at,
    method: 'GET',
    path: '/scim/v2/Users',
    status: 200,
    durationMs: 1,
    scimType: null,
    resourceType: null,
    resourceId: null,
    requestBody: null,
    responseBody: null,
  };
}

async function seedLog(store: Store, expiredCount: number, recentCount: number, now: Date): Promise<string> {
  const orgId = 'org-retention';
  await store.organizations.insert({ id: orgId, slug: 'retention', name: 'R', createdAt: EXPIRED_AT });
  const expired = Array.from({ length: expiredCount }, (_, i) =>
    entry(orgId, `old-${String(i).padStart(5, '0')}`, EXPIRED_AT),
  );
  const recent = Array.from({ length: recentCount }, (_, i) =>
    entry(orgId, `new-${String(i)}`, now.toISOString()),
  );
  await store.transaction((tx) => tx.provisioningLog.insertMany([...expired, ...recent]));
  return orgId;
}

function capturingLog(name: string, lines: { store: string; details: object }[]) {
  return {
    info: (details: object) => lines.push({ store: name, details }),
    warn: (details: object) => lines.push({ store: name, details: { warn: details } }),
    error: (details: object) => lines.push({ store: name, details: { error: details } }),
  };
}

describe('provisioning log retention with two processes', () => {
  it('a pruner skips its run while another process prunes, and runs at its next interval', async () => {
    const { first, second } = await schemaWithTwoStores();
    const now = new Date();
    const orgId = await seedLog(first, 30, 2, now);
    const held = deferred();
    // Another process's run, in progress.
    const elsewhere = first.runExclusive(PROVISIONING_LOG_PRUNE_JOB, () => held.promise);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const lines: { store: string; details: object }[] = [];
    const pruner = startProvisioningLogPruner({
      store: second,
      clock: { now: () => now },
      retentionDays: 30,
      adminSessionIdleMs: 7_200_000,
      intervalMs: 300,
      log: capturingLog('second', lines),
    });
    cleanup.push(() => pruner.stop());
    const remaining = async (): Promise<number> =>
      (await first.provisioningLog.list(orgId, { limit: 100 })).length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await remaining()).toBe(32);
    expect(lines).toEqual([]);

    held.release();
    await elsewhere;
    const started = Date.now();
    // The run logs once all of it is done (the log, then console and SSO sign-in records): wait for that line too.
    while (((await remaining()) > 2 || lines.length === 0) && Date.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await remaining()).toBe(2);
    expect(lines).toEqual([{ store: 'second', details: { deleted: 30, retentionDays: 30 } }]);
  });

  it('two pruners started at once: every expired entry is deleted, all by one run', async () => {
    const { first, second } = await schemaWithTwoStores();
    const now = new Date();
    const orgId = await seedLog(first, 2_000, 10, now);
    const lines: { store: string; details: object }[] = [];
    const pruners = [
      { name: 'first', store: first },
      { name: 'second', store: second },
    ].map(({ name, store }) =>
      startProvisioningLogPruner({
        store,
        clock: { now: () => now },
        retentionDays: 30,
        adminSessionIdleMs: 7_200_000,
        chunkSize: 20,
        intervalMs: 3_600_000,
        log: capturingLog(name, lines),
      }),
    );
    const remaining = async (): Promise<number> =>
      (await first.provisioningLog.list(orgId, { limit: 5_000 })).length;
    const started = Date.now();
    while ((await remaining()) > 10 && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(pruners.map((p) => p.stop()));

    expect(await remaining()).toBe(10);
    expect(lines).toEqual([
      { store: expect.stringMatching(/^(first|second)$/), details: { deleted: 2_000, retentionDays: 30 } },
    ]);
  });
});

describe('two Muster instances with retention on', () => {
  let both: TwoInstances;
  beforeAll(async () => {
    both = await startTwoInstances({
      env: { PROVISIONING_LOG_RETENTION_DAYS: '30' },
      options: () => ({ provisioningLog: { pruner: { intervalMs: 100, chunkSize: 50 } } }),
    });
  });
  afterAll(async () => {
    await both.close();
  });

  it('delete the expired entries and keep the recent ones', async () => {
    await both.query(
      `insert into provisioning_log (id, org_id, request_id, at, method, path, status, duration_ms)
       select 'old-' || g, o.id, 'r-' || g, $1, 'GET', '/scim/v2/Users', 200, 1
         from generate_series(1, 1000) g, organizations o where o.slug = 'default'`,
      [EXPIRED_AT],
    );
    await both.query(
      `insert into provisioning_log (id, org_id, request_id, at, method, path, status, duration_ms)
       select 'new-' || g, o.id, 'r-new-' || g, $1, 'GET', '/scim/v2/Users', 200, 1
         from generate_series(1, 5) g, organizations o where o.slug = 'default'`,
      [new Date().toISOString()],
    );
    const count = async (prefix: string): Promise<number> =>
      (
        await both.query<{ n: number }>('select count(*)::int as n from provisioning_log where id like $1', [
          `${prefix}%`,
        ])
      )[0]?.n ?? -1;
    const started = Date.now();
    while ((await count('old-')) > 0 && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await count('old-')).toBe(0);
    expect(await count('new-')).toBe(5);
  });
});
