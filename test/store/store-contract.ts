// The dialect-independent Store contract: every store implementation (SQLite, PostgreSQL) runs this suite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, UserRecord } from '../../src/domain/ports.js';
import { ScimError } from '../../src/scim/errors.js';
import { describeFilterContract } from './store-contract-filters.js';
import { describePagingContract } from './store-contract-paging.js';
import { describeUnicodeContract } from './store-contract-unicode.js';
import { at, group, listQuery, org, user } from './store-fixtures.js';

async function expectScimError(promise: Promise<unknown>, status: number, scimType: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScimError);
  expect(error).toMatchObject({ status, scimType });
}

export function describeStoreContract(name: string, openStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore();
      await store.organizations.insert(org('o1'));
      await store.organizations.insert(org('o2'));
    });
    afterEach(async () => {
      await store.close();
    });

    describe('organizations and SCIM tokens', () => {
      it('finds organizations by slug and id and rejects a duplicate slug', async () => {
        expect(await store.organizations.findBySlug('slug-o1')).toEqual(org('o1'));
        expect(await store.organizations.findById('o2')).toEqual(org('o2'));
        expect(await store.organizations.findById('nope')).toBeUndefined();
        expect((await store.organizations.list()).map((o) => o.id)).toEqual(['o1', 'o2']);
        await expect(store.organizations.insert({ ...org('o3'), slug: 'slug-o1' })).rejects.toThrow();
      });

      it('stores tokens by hash, lists per org, revokes once and touches at most once per window', async () => {
        const token = {
          id: 't1',
          orgId: 'o1',
          name: 'Entra',
          tokenHash: 'a'.repeat(64),
          displayPrefix: 'msk_ab12',
          createdAt: at(1),
          expiresAt: null,
          lastUsedAt: null,
          revokedAt: null,
        };
        await store.scimTokens.insert(token);
        await store.scimTokens.insert({ ...token, id: 't2', orgId: 'o2', tokenHash: 'b'.repeat(64) });
        expect(await store.scimTokens.findByHash('a'.repeat(64))).toEqual(token);
        expect(await store.scimTokens.findByHash('c'.repeat(64))).toBeUndefined();
        expect((await store.scimTokens.list('o1')).map((t) => t.id)).toEqual(['t1']);
        expect((await store.scimTokens.list(undefined)).map((t) => t.id)).toEqual(['t1', 't2']);

        await store.scimTokens.touch('t1', at(10), at(9));
        expect((await store.scimTokens.findByHash(token.tokenHash))?.lastUsedAt).toBe(at(10));
        // Used again within the window: no write.
        await store.scimTokens.touch('t1', at(10.5), at(9.5));
        expect((await store.scimTokens.findByHash(token.tokenHash))?.lastUsedAt).toBe(at(10));
        await store.scimTokens.touch('t1', at(12), at(11));
        expect((await store.scimTokens.findByHash(token.tokenHash))?.lastUsedAt).toBe(at(12));

        expect(await store.scimTokens.revoke('t1', at(20))).toBe(true);
        expect(await store.scimTokens.revoke('t1', at(21))).toBe(false);
        expect((await store.scimTokens.findByHash(token.tokenHash))?.revokedAt).toBe(at(20));
      });
    });

    describe('users', () => {
      it('round-trips every field', async () => {
        const u = user(
          'o1',
          {
            userName: ' Alice@Example.com',
            displayName: 'Alice',
            externalId: 'ext-1',
            active: false,
            emails: [{ value: 'a@x.test', type: 'work', primary: true }],
            'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'R&D' },
          },
          { version: 7, updatedAt: at(99) },
        );
        await store.users.insert(u);
        expect(await store.users.get('o1', u.id)).toEqual(u);
        expect(await store.users.get('o2', u.id)).toBeUndefined();
      });

      it('rejects a userName taken in the org, case-insensitively, with 409 uniqueness', async () => {
        await store.users.insert(user('o1', { userName: 'Bob@Example.com' }));
        await expectScimError(
          store.users.insert(user('o1', { userName: 'bob@example.COM' })),
          409,
          'uniqueness',
        );
        // Unicode case folding, not only ASCII.
        await store.users.insert(user('o1', { userName: 'ÉLODIE' }));
        await expectScimError(store.users.insert(user('o1', { userName: 'élodie' })), 409, 'uniqueness');
      });

      it('keeps organizations apart: same userName in two orgs, each sees only its own', async () => {
        const a = user('o1', { userName: 'same@example.com' });
        const b = user('o2', { userName: 'SAME@example.com' });
        await store.users.insert(a);
        await store.users.insert(b);
        expect((await store.users.list('o1', listQuery())).items.map((u) => u.id)).toEqual([a.id]);
        expect((await store.users.list('o2', listQuery())).items.map((u) => u.id)).toEqual([b.id]);
        expect(await store.users.delete('o2', a.id)).toBe(false);
        expect(await store.users.get('o1', a.id)).toEqual(a);
      });

      it('updates every column as given and detects a userName clash', async () => {
        const a = user('o1', { userName: 'a' });
        const b = user('o1', { userName: 'b' });
        await store.users.insert(a);
        await store.users.insert(b);
        const next: UserRecord = {
          ...a,
          userName: 'A2',
          displayName: 'Renamed',
          externalId: 'x',
          active: false,
          data: { userName: 'A2', displayName: 'Renamed', externalId: 'x', active: false },
          version: 2,
          updatedAt: at(500),
        };
        await store.users.update(next);
        expect(await store.users.get('o1', a.id)).toEqual(next);
        await expectScimError(
          store.users.update({ ...next, userName: 'B', data: { userName: 'B' } }),
          409,
          'uniqueness',
        );
        expect(await store.users.get('o1', a.id)).toEqual(next);
        // Changing only the case of one's own userName is not a clash.
        await store.users.update({ ...next, userName: 'a2', version: 3 });
        expect((await store.users.get('o1', a.id))?.userName).toBe('a2');
      });

      it('deletes once', async () => {
        const a = user('o1', { userName: 'a' });
        await store.users.insert(a);
        expect(await store.users.delete('o1', a.id)).toBe(true);
        expect(await store.users.delete('o1', a.id)).toBe(false);
        expect(await store.users.get('o1', a.id)).toBeUndefined();
      });
    });

    describe('groups and memberships', () => {
      it('round-trips a group, allows duplicate displayNames and touches version/updatedAt', async () => {
        const g = group('o1', 'Engineering', { externalId: 'eg' });
        await store.groups.insert(g);
        await store.groups.insert(group('o1', 'engineering'));
        expect(await store.groups.get('o1', g.id)).toEqual(g);
        expect(await store.groups.get('o2', g.id)).toBeUndefined();
        await store.groups.touch('o1', g.id, 2, at(900));
        expect(await store.groups.get('o1', g.id)).toEqual({ ...g, version: 2, updatedAt: at(900) });
        const renamed = {
          ...g,
          displayName: 'Eng',
          data: { displayName: 'Eng' },
          version: 3,
          updatedAt: at(901),
        };
        await store.groups.update(renamed);
        expect(await store.groups.get('o1', g.id)).toEqual(renamed);
      });

      it('adds idempotently, reports rows added and removed, and renders member display', async () => {
        const alice = user('o1', { userName: 'alice', displayName: 'Alice A.' });
        const bob = user('o1', { userName: 'bob' });
        const g = group('o1', 'Eng');
        const sub = group('o1', 'Sub');
        for (const u of [alice, bob]) await store.users.insert(u);
        for (const x of [g, sub]) await store.groups.insert(x);

        expect(
          await store.memberships.add(
            'o1',
            g.id,
            [
              { id: bob.id, type: 'User' },
              { id: alice.id, type: 'User' },
              { id: alice.id, type: 'User' },
            ],
            at(1000),
          ),
        ).toEqual(
          expect.arrayContaining([
            { id: bob.id, type: 'User' },
            { id: alice.id, type: 'User' },
          ]),
        );
        // Only the rows a call actually inserted come back.
        expect(await store.memberships.add('o1', g.id, [{ id: alice.id, type: 'User' }], at(1001))).toEqual(
          [],
        );
        expect(await store.memberships.add('o1', g.id, [{ id: sub.id, type: 'Group' }], at(1002))).toEqual([
          { id: sub.id, type: 'Group' },
        ]);
        expect(await store.memberships.has('o1', g.id, alice.id)).toBe(true);
        expect(await store.memberships.has('o2', g.id, alice.id)).toBe(false);

        // Stable order: membership created_at, then member id.
        const members = (await store.groups.members('o1', [g.id, sub.id])).get(g.id);
        expect(members).toEqual([
          { value: alice.id, type: 'User', display: 'Alice A.' },
          { value: bob.id, type: 'User', display: 'bob' },
          { value: sub.id, type: 'Group', display: 'Sub' },
        ]);
        expect((await store.groups.members('o1', [sub.id])).get(sub.id)).toBeUndefined();
        expect((await store.groups.members('o2', [g.id])).size).toBe(0);

        await store.memberships.add('o1', sub.id, [{ id: alice.id, type: 'User' }], at(1003));
        const groupsOf = await store.users.groupsOf('o1', [alice.id, bob.id]);
        expect(groupsOf.get(alice.id)).toEqual([
          { value: g.id, display: 'Eng' },
          { value: sub.id, display: 'Sub' },
        ]);
        expect(groupsOf.get(bob.id)).toEqual([{ value: g.id, display: 'Eng' }]);
        // The one-statement read agrees with groupsOf, and with get for the user itself.
        expect(await store.users.getWithGroups('o1', alice.id)).toEqual({
          user: await store.users.get('o1', alice.id),
          groups: groupsOf.get(alice.id),
        });
        expect(await store.users.getWithGroups('o2', alice.id)).toBeUndefined();
        const listed = await store.users.list('o1', listQuery(), { withGroups: true });
        expect(Object.fromEntries(listed.groups ?? [])).toEqual(
          Object.fromEntries(listed.items.map((u) => [u.id, groupsOf.get(u.id) ?? []])),
        );
        expect(listed.groups?.get(alice.id)).toHaveLength(2);
        expect((await store.users.list('o1', listQuery())).groups).toBeUndefined();

        expect(await store.memberships.remove('o1', g.id, [bob.id, 'not-a-member'])).toEqual([
          { id: bob.id, type: 'User' },
        ]);
        expect(await store.memberships.remove('o1', g.id, [bob.id])).toEqual([]);
        expect([...(await store.memberships.removeEverywhere('o1', alice.id))].sort()).toEqual(
          [g.id, sub.id].sort(),
        );
        expect(await store.memberships.removeAll('o1', g.id)).toEqual([{ id: sub.id, type: 'Group' }]);
        expect((await store.groups.members('o1', [g.id])).get(g.id)).toBeUndefined();
      });

      it('resolves member ids to types within the org only', async () => {
        const u = user('o1', { userName: 'u' });
        const g = group('o1', 'G');
        const other = user('o2', { userName: 'u' });
        await store.users.insert(u);
        await store.users.insert(other);
        await store.groups.insert(g);
        const types = await store.memberships.resolveMembers('o1', [u.id, g.id, other.id, 'missing']);
        expect(Object.fromEntries(types)).toEqual({ [u.id]: 'User', [g.id]: 'Group' });
      });

      it('drops a group’s membership rows with the group (ON DELETE CASCADE)', async () => {
        const u = user('o1', { userName: 'u' });
        const g = group('o1', 'G');
        await store.users.insert(u);
        await store.groups.insert(g);
        await store.memberships.add('o1', g.id, [{ id: u.id, type: 'User' }], at(1));
        expect(await store.groups.delete('o1', g.id)).toBe(true);
        expect(await store.groups.delete('o1', g.id)).toBe(false);
        expect(await store.memberships.has('o1', g.id, u.id)).toBe(false);
        expect((await store.users.groupsOf('o1', [u.id])).get(u.id)).toBeUndefined();
        expect((await store.users.getWithGroups('o1', u.id))?.groups).toEqual([]);
        expect(await store.users.getWithGroups('o1', 'missing')).toBeUndefined();
      });

      it('adds and resolves more members than one statement may bind', async () => {
        const g = group('o1', 'Big');
        await store.groups.insert(g);
        const users = Array.from({ length: 1200 }, (_, i) => user('o1', { userName: `bulk${i}` }));
        await store.transaction(async (tx) => {
          for (const u of users) await tx.users.insert(u);
        });
        const ids = users.map((u) => u.id);
        expect((await store.memberships.resolveMembers('o1', ids)).size).toBe(1200);
        const members = ids.map((id) => ({ id, type: 'User' as const }));
        expect(await store.memberships.add('o1', g.id, members, at(1))).toHaveLength(1200);
        expect(await store.memberships.add('o1', g.id, members, at(2))).toEqual([]);
        expect((await store.groups.members('o1', [g.id])).get(g.id)).toHaveLength(1200);
        expect((await store.users.groupsOf('o1', ids)).size).toBe(1200);
        expect(await store.memberships.remove('o1', g.id, ids)).toHaveLength(1200);
      });
    });

    describe('transactions', () => {
      it('keeps all 50 members when 50 concurrent transactions each add one to the same group', async () => {
        const g = group('o1', 'Hot');
        await store.groups.insert(g);
        const users = Array.from({ length: 50 }, (_, i) => user('o1', { userName: `c${i}` }));
        for (const u of users) await store.users.insert(u);
        const added = await Promise.all(
          users.map((u, i) =>
            store.transaction(async (tx) => {
              const before = await tx.groups.get('o1', g.id);
              const n = (await tx.memberships.add('o1', g.id, [{ id: u.id, type: 'User' }], at(i))).length;
              // Read-modify-write of the version inside the transaction must not lose updates either.
              await tx.groups.touch('o1', g.id, (before?.version ?? 0) + 1, at(i));
              return n;
            }),
          ),
        );
        expect(added).toEqual(users.map(() => 1));
        const members = (await store.groups.members('o1', [g.id])).get(g.id) ?? [];
        expect(members.map((m) => m.value).sort()).toEqual(users.map((u) => u.id).sort());
        expect((await store.groups.get('o1', g.id))?.version).toBe(51);
      });

      it('rolls back every write when the callback throws', async () => {
        const u = user('o1', { userName: 'rolled-back' });
        await expect(
          store.transaction(async (tx) => {
            await tx.users.insert(u);
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.users.get('o1', u.id)).toBeUndefined();
        // A uniqueness failure inside a transaction rolls back the earlier writes of that transaction too.
        await store.users.insert(user('o1', { userName: 'taken' }));
        const g = group('o1', 'G');
        await expectScimError(
          store.transaction(async (tx) => {
            await tx.groups.insert(g);
            await tx.users.insert(user('o1', { userName: 'TAKEN' }));
          }),
          409,
          'uniqueness',
        );
        expect(await store.groups.get('o1', g.id)).toBeUndefined();
        await store.ping();
      });
    });

    describeFilterContract(() => store);
    describePagingContract(() => store);
    describeUnicodeContract(() => store);
  });
}
