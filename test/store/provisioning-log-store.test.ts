// The provisioning log on every store (SQLite with each driver, PostgreSQL): filters and keyset paging in SQL (through
// the query use case), tenant isolation, and retention pruning in bounded chunks against an injected clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProvisioningLogEntry, Store } from '../../src/domain/ports.js';
import {
  getProvisioningLogEntry,
  listProvisioningLog,
  type ProvisioningLogListInput,
} from '../../src/domain/provisioning-log.js';
import { pruneProvisioningLog } from '../../src/domain/provisioning-log-pruner.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { openPostgresTestStore } from '../support/postgres-test-database.js';
import { sqliteDriversOfThisNode } from '../support/sqlite-drivers-of-this-node.js';
import { at, nextId, org } from './store-fixtures.js';

function entry(
  orgId: string,
  minute: number,
  overrides: Partial<ProvisioningLogEntry> = {},
): ProvisioningLogEntry {
  return {
    id: nextId('log'),
    orgId,
    tokenId: 'token-1',
    requestId: nextId('req'),
    at: at(minute),
    method: 'GET',
    path: '/scim/v2/Users',
    status: 200,
    durationMs: 3,
    scimType: null,
    resourceType: 'User',
    resourceId: null,
    requestBody: null,
    responseBody: '{"totalResults":0}',
    ...overrides,
  };
}

const stores: [string, () => Promise<Store>][] = [
  ...sqliteDriversOfThisNode().map((driver): [string, () => Promise<Store>] => [
    `sqlite, ${driver}`,
    () => createSqliteStore({ filename: ':memory:', driver }),
  ]),
  ['postgres', () => openPostgresTestStore()],
];

describe.each(stores)('provisioning log store (%s)', (_name, openStore) => {
  let store: Store;
  const deps = (): { store: Store } => ({ store });

  beforeEach(async () => {
    store = await openStore();
    await store.organizations.insert(org('a'));
    await store.organizations.insert(org('b'));
  });
  afterEach(async () => {
    await store.close();
  });

  const insert = (entries: readonly ProvisioningLogEntry[]) =>
    store.transaction((tx) => tx.provisioningLog.insertMany(entries));

  const listIds = async (orgId: string, input: ProvisioningLogListInput = {}): Promise<string[]> =>
    (await listProvisioningLog(deps(), orgId, { limit: 200, ...input })).items.map((e) => e.id);

  it('stores an entry and reads it back with its bodies', async () => {
    const e = entry('a', 1, { requestBody: '{"userName":"x"}', scimType: 'uniqueness', status: 409 });
    await insert([e]);
    expect(await getProvisioningLogEntry(deps(), 'a', e.id)).toEqual(e);
    const [summary] = (await listProvisioningLog(deps(), 'a')).items;
    expect(summary).not.toHaveProperty('requestBody');
    expect(summary).toMatchObject({ id: e.id, status: 409, scimType: 'uniqueness' });
  });

  it('writes batches larger than one INSERT statement', async () => {
    const many = Array.from({ length: 250 }, (_, i) => entry('a', i));
    await insert(many);
    expect(await listIds('a')).toHaveLength(200);
    expect((await listProvisioningLog(deps(), 'a', { limit: 200 })).nextCursor).toBeDefined();
  });

  it('never lists or returns another organization’s entries', async () => {
    const ofA = entry('a', 1, { resourceId: 'shared-id' });
    const ofB = entry('b', 2, { resourceId: 'shared-id' });
    await insert([ofA, ofB]);
    expect(await listIds('a')).toEqual([ofA.id]);
    expect(await listIds('b', { resourceId: 'shared-id' })).toEqual([ofB.id]);
    await expect(getProvisioningLogEntry(deps(), 'b', ofA.id)).rejects.toMatchObject({ status: 404 });
  });

  it('filters by status, status class, method, path prefix, resource, token and time', async () => {
    const e = {
      created: entry('a', 1, { method: 'POST', status: 201, resourceId: 'u1' }),
      notFound: entry('a', 2, { path: '/scim/v2/Users/u9', status: 404, resourceId: 'u9' }),
      conflict: entry('a', 3, { method: 'POST', status: 409, scimType: 'uniqueness' }),
      group: entry('a', 4, { path: '/scim/v2/Groups/g1', resourceType: 'Group', resourceId: 'g1' }),
      otherToken: entry('a', 5, { tokenId: 'token-2', path: '/scim/v2/Schemas', resourceType: null }),
      literal: entry('a', 6, { path: '/scim/v2/Users?filter=a%_b', status: 500 }),
    };
    await insert(Object.values(e));

    expect(await listIds('a', { status: '404' })).toEqual([e.notFound.id]);
    expect(await listIds('a', { status: '4xx' })).toEqual([e.conflict.id, e.notFound.id]);
    expect(await listIds('a', { status: '2XX', method: 'post' })).toEqual([e.created.id]);
    expect(await listIds('a', { pathPrefix: '/scim/v2/Groups' })).toEqual([e.group.id]);
    expect(await listIds('a', { pathPrefix: '/scim/v2/users' })).toEqual([]);
    // A prefix is literal text: `%` and `_` are no wildcards.
    expect(await listIds('a', { pathPrefix: '/scim/v2/Users?filter=a%_' })).toEqual([e.literal.id]);
    expect(await listIds('a', { pathPrefix: '/scim/v2/Users?filter=ab' })).toEqual([]);
    expect(await listIds('a', { resourceId: 'u9' })).toEqual([e.notFound.id]);
    expect(await listIds('a', { resourceType: 'group' })).toEqual([e.group.id]);
    expect(await listIds('a', { tokenId: 'token-2' })).toEqual([e.otherToken.id]);
    expect(await listIds('a', { since: at(2), until: at(4) })).toEqual([e.conflict.id, e.notFound.id]);
  });

  it('pages newest first by cursor, without skipping or repeating entries that share a time', async () => {
    const entries = [1, 2, 2, 2, 3, 4, 4, 5].map((minute) => entry('a', minute));
    await insert(entries);
    const expected = [...entries]
      .sort((x, y) => y.at.localeCompare(x.at) || y.id.localeCompare(x.id))
      .map((x) => x.id);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listProvisioningLog(deps(), 'a', {
        limit: 3,
        ...(cursor === undefined ? {} : { cursor }),
      });
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it('prunes entries older than the retention in bounded chunks, across organizations', async () => {
    const day = 24 * 60;
    const old = [entry('a', 0), entry('a', 1), entry('b', 2), entry('a', 3), entry('b', 4)];
    const recent = [entry('a', 40 * day), entry('b', 41 * day)];
    await insert([...old, ...recent]);
    const deletes: number[] = [];
    const counting = {
      provisioningLog: {
        deleteOlderThan: async (before: string, limit: number) => {
          const n = await store.provisioningLog.deleteOlderThan(before, limit);
          deletes.push(n);
          return n;
        },
      },
    };
    // Now = day 45: 30 days back is day 15, so the five entries of day 0 go and days 40-41 stay.
    const clock = { now: () => new Date(at(45 * day)) };
    const deleted = await pruneProvisioningLog({ store: counting, clock, retentionDays: 30, chunkSize: 2 });

    expect(deleted).toBe(5);
    expect(deletes).toEqual([2, 2, 1]);
    expect([...(await listIds('a')), ...(await listIds('b'))].sort()).toEqual(recent.map((x) => x.id).sort());
  });
});
