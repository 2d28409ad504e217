// Shared rows for the list-query contract: four users, three groups, nested membership, and a look-alike org.
import type { GroupRecord, Store, UserRecord } from '../../src/domain/ports.js';
import { ScimError } from '../../src/scim/errors.js';
import { ENTERPRISE, at, group, user } from './store-fixtures.js';

export interface Seed {
  readonly alice: UserRecord;
  readonly bob: UserRecord;
  readonly carol: UserRecord;
  readonly dave: UserRecord;
  readonly eng: GroupRecord;
  readonly sales: GroupRecord;
  readonly empty: GroupRecord;
}

export async function seed(store: Store): Promise<Seed> {
  const alice = user(
    'o1',
    {
      userName: 'Alice@Example.com',
      displayName: 'Alice Liddell',
      externalId: 'ext-1',
      active: true,
      title: 'Engineer',
      name: { givenName: 'Alice', familyName: 'Liddell' },
      emails: [
        { value: 'alice@work.example', type: 'work', primary: true },
        { value: 'alice@home.example', type: 'home' },
      ],
      [ENTERPRISE]: { department: 'R&D', manager: { value: 'boss-id' } },
    },
    { createdAt: at(10) },
  );
  const bob = user(
    'o1',
    {
      userName: 'bob',
      displayName: 'Bob',
      externalId: 'ext-2',
      active: false,
      emails: [{ value: 'BOB@Work.Example', type: 'work' }],
      [ENTERPRISE]: { department: 'Sales' },
    },
    { createdAt: at(20) },
  );
  const carol = user('o1', { userName: 'carol', title: '' }, { createdAt: at(30), updatedAt: at(300) });
  const dave = user(
    'o1',
    { userName: 'dave_100%', displayName: 'Dave', emails: [{ value: 'dave@home.example', type: 'home' }] },
    { createdAt: at(40) },
  );
  const eng = group('o1', 'Engineering', { externalId: 'g-ext', createdAt: at(50) });
  const sales = group('o1', 'Sales', { createdAt: at(60) });
  const empty = group('o1', 'Empty', { createdAt: at(70) });
  for (const u of [alice, bob, carol, dave]) await store.users.insert(u);
  for (const g of [eng, sales, empty]) await store.groups.insert(g);
  await store.memberships.add(
    'o1',
    eng.id,
    [
      { id: alice.id, type: 'User' },
      { id: bob.id, type: 'User' },
    ],
    at(80),
  );
  await store.memberships.add('o1', eng.id, [{ id: sales.id, type: 'Group' }], at(81));
  await store.memberships.add('o1', sales.id, [{ id: bob.id, type: 'User' }], at(82));
  // Another org with look-alike data that no o1 query may return.
  await store.users.insert(user('o2', { userName: 'alice@example.com', title: 'Engineer', active: false }));
  const otherGroup = group('o2', 'Engineering');
  await store.groups.insert(otherGroup);
  return { alice, bob, carol, dave, eng, sales, empty };
}

export async function scimErrorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'no error',
    (e: unknown) => (e instanceof ScimError ? { status: e.status, scimType: e.scimType } : e),
  );
}
