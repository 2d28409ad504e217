// The store's cache invalidation channel between processes (Store.cacheInvalidation): on PostgreSQL a NOTIFY sent in
// a transaction reaches the other processes of the same schema when it commits, never when it rolls back, and never
// the process that sent it; on SQLite there is nothing to hear.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/domain/ports.js';
import { createPostgresStore } from '../../src/store/postgres/create-postgres-store.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { createPostgresTestSchema, type PostgresTestSchema } from '../support/postgres-test-database.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function schema(): Promise<PostgresTestSchema> {
  const created = await createPostgresTestSchema();
  cleanup.push(() => created.drop());
  return created;
}

/** A store with a pool of its own on `on`, as another process would have. */
async function storeOn(on: PostgresTestSchema): Promise<Store> {
  const store = await createPostgresStore({
    connectionString: on.databaseUrl,
    poolSize: 2,
    statementTimeoutMs: 30_000,
    ssl: { mode: 'disable' },
  });
  cleanup.push(() => store.close());
  return store;
}

/** Subscribes and counts the calls after the one that says the channel is listening. */
async function listenTo(store: Store): Promise<{ count(): number }> {
  let calls = 0;
  await store.cacheInvalidation.subscribe(() => {
    calls += 1;
  });
  const listening = calls;
  return { count: () => calls - listening };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, deadlineMs: number): Promise<void> {
  const start = Date.now();
  while (!condition() && Date.now() - start < deadlineMs) await pause(5);
}

describe('cache invalidation announcements on PostgreSQL', () => {
  it('tells the listener once the channel listens: what was cached before may be stale', async () => {
    const store = await storeOn(await schema());
    let calls = 0;
    await store.cacheInvalidation.subscribe(() => {
      calls += 1;
    });
    expect(calls).toBe(1);
  });

  it('reach the other process when the transaction commits, not before', async () => {
    const on = await schema();
    const [sender, receiver] = [await storeOn(on), await storeOn(on)];
    const heard = await listenTo(receiver);
    await sender.transaction(async (tx) => {
      await tx.cacheInvalidation.announce();
      await pause(200);
      expect(heard.count()).toBe(0);
    });
    await until(() => heard.count() > 0, 1_000);
    expect(heard.count()).toBe(1);
  });

  it('are dropped with a transaction that rolls back', async () => {
    const on = await schema();
    const [sender, receiver] = [await storeOn(on), await storeOn(on)];
    const heard = await listenTo(receiver);
    await expect(
      sender.transaction(async (tx) => {
        await tx.cacheInvalidation.announce();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // A committed announcement after it shows the channel works, and that the first one never came.
    await sender.cacheInvalidation.announce();
    await until(() => heard.count() > 0, 1_000);
    await pause(100);
    expect(heard.count()).toBe(1);
  });

  it('are not passed back to the process that sent them, nor to another schema’s processes', async () => {
    const on = await schema();
    const [sender, receiver] = [await storeOn(on), await storeOn(on)];
    const elsewhere = await storeOn(await schema());
    const [own, other, foreign] = [
      await listenTo(sender),
      await listenTo(receiver),
      await listenTo(elsewhere),
    ];
    await sender.transaction((tx) => tx.cacheInvalidation.announce());
    await until(() => other.count() > 0, 1_000);
    await pause(100);
    expect({ own: own.count(), other: other.count(), foreign: foreign.count() }).toEqual({
      own: 0,
      other: 1,
      foreign: 0,
    });
  });
});

describe('cache invalidation on SQLite', () => {
  it('has nothing to hear: subscribing resolves, announcing does nothing', async () => {
    const store = await createSqliteStore({ filename: ':memory:' });
    cleanup.push(() => store.close());
    let calls = 0;
    await store.cacheInvalidation.subscribe(() => {
      calls += 1;
    });
    await store.transaction((tx) => tx.cacheInvalidation.announce());
    await store.cacheInvalidation.announce();
    await pause(50);
    expect(calls).toBe(0);
  });
});
