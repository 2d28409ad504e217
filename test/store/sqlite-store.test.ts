// Runs the Store contract on SQLite, in memory and on a file (WAL), plus SQLite-specific checks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { sqliteDriversOfThisNode } from '../support/sqlite-drivers-of-this-node.js';
import { describeStoreContract } from './store-contract.js';
import { listQuery, org, user } from './store-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'muster-store-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const nextFile = (): string => join(dir, `nested-${String(++files)}`, 'muster.db');

for (const driver of sqliteDriversOfThisNode()) {
  describeStoreContract(`sqlite :memory: (${driver})`, () =>
    createSqliteStore({ filename: ':memory:', driver }),
  );
  describeStoreContract(`sqlite file (${driver})`, () => createSqliteStore({ filename: nextFile(), driver }));
}

describe.each(sqliteDriversOfThisNode())('createSqliteStore (%s)', (driver) => {
  it('creates the parent directory, uses WAL with foreign keys, and keeps data across reopen (migrations run once)', async () => {
    const filename = nextFile();
    const store = await createSqliteStore({ filename, driver });
    await store.organizations.insert(org('o1'));
    const u = user('o1', { userName: 'persisted' });
    await store.users.insert(u);
    await store.close();

    const raw = openSqliteDatabase(filename, driver);
    expect(raw.prepare('pragma journal_mode').all([])).toEqual([
      expect.objectContaining({ journal_mode: 'wal' }),
    ]);
    const migrations = raw.prepare('select name from kysely_migration').all([]);
    raw.close();
    expect(migrations).toEqual([
      expect.objectContaining({ name: '0001-initial' }),
      expect.objectContaining({ name: '0002-access-and-events' }),
      expect.objectContaining({ name: '0003-admin-accounts' }),
      expect.objectContaining({ name: '0004-console-indexes' }),
      expect.objectContaining({ name: '0005-admin-session-expiry' }),
      expect.objectContaining({ name: '0006-sso-sign-in' }),
    ]);

    const reopened = await createSqliteStore({ filename, driver });
    expect(await reopened.users.get('o1', u.id)).toEqual(u);
    await reopened.close();
  });

  it('enforces foreign keys: a user of an unknown organization is rejected', async () => {
    const store = await createSqliteStore({ filename: ':memory:', driver });
    await expect(store.users.insert(user('no-such-org', { userName: 'x' }))).rejects.toThrow(/FOREIGN KEY/);
    await store.close();
  });

  it('read() sees one snapshot and never blocks a writer on another connection (WAL)', async () => {
    const filename = nextFile();
    const reader = await createSqliteStore({ filename, driver });
    const writer = await createSqliteStore({ filename, driver });
    await writer.organizations.insert(org('o1'));
    await writer.users.insert(user('o1', { userName: 'first' }));
    const late = user('o1', { userName: 'late' });
    const seen = await reader.read(async (tx) => {
      const before = await tx.users.list('o1', listQuery());
      // A write lock held by the reader would make this wait out the busy timeout and fail.
      await writer.users.insert(late);
      const after = await tx.users.list('o1', listQuery());
      const lateInside = await tx.users.get('o1', late.id);
      return { before: before.totalResults, after: after.totalResults, lateInside };
    });
    expect(seen).toEqual({ before: 1, after: 1, lateInside: undefined });
    expect((await reader.users.get('o1', late.id))?.userName).toBe('late');
    await reader.close();
    await writer.close();
  });
});
