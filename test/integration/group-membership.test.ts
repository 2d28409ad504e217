// Membership lives in a table keyed (org, group, member): concurrent adds never lose a member, replace is exact,
// removal of a non-member is a no-op and a deleted user leaves every group.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { GROUP_SCHEMA, newUser, patchBody, scimRequest, type ScimRequest } from './scim-request.js';

let t: TestApp;
let scim: ScimRequest;

beforeEach(async () => {
  t = await createTestApp();
  scim = scimRequest(t);
});
afterEach(async () => {
  await t.close();
});

async function createUsers(n: number, prefix = 'user'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await scim('POST', '/Users', newUser(`${prefix}${i}@example.com`));
    expect(res.status).toBe(201);
    ids.push(res.body.id as string);
  }
  return ids;
}

async function createGroup(displayName: string, memberIds: string[] = []): Promise<string> {
  const res = await scim('POST', '/Groups', {
    schemas: [GROUP_SCHEMA],
    displayName,
    members: memberIds.map((value) => ({ value })),
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function memberIds(groupId: string): Promise<string[]> {
  const res = await scim('GET', `/Groups/${groupId}`);
  expect(res.status).toBe(200);
  return ((res.body.members ?? []) as { value: string }[]).map((m) => m.value).sort();
}

describe('group membership', () => {
  it('keeps every member when 50 PATCHes add different members to one group at once', async () => {
    const users = await createUsers(50);
    const groupId = await createGroup('Engineering');
    const results = await Promise.all(
      users.map((id) =>
        scim(
          'PATCH',
          `/Groups/${groupId}`,
          patchBody({ op: 'Add', path: 'members', value: [{ value: id }] }),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(users.map(() => 204));
    expect(await memberIds(groupId)).toEqual([...users].sort());
  });

  it('replaces all members exactly with a replace op', async () => {
    const users = await createUsers(4);
    const groupId = await createGroup('Ops', users.slice(0, 2));
    const res = await scim(
      'PATCH',
      `/Groups/${groupId}`,
      patchBody({ op: 'replace', path: 'members', value: users.slice(2).map((value) => ({ value })) }),
    );
    expect(res.status).toBe(204);
    expect(await memberIds(groupId)).toEqual(users.slice(2).sort());
  });

  it('treats removing a non-member as a no-op and rejects unknown member ids with invalidValue', async () => {
    const users = await createUsers(2);
    const groupId = await createGroup('Sales', [users[0]!]);
    const removal = await scim(
      'PATCH',
      `/Groups/${groupId}`,
      patchBody({ op: 'remove', path: `members[value eq "${users[1]!}"]` }),
    );
    expect(removal.status).toBe(204);
    expect(await memberIds(groupId)).toEqual([users[0]]);

    const unknown = await scim(
      'PATCH',
      `/Groups/${groupId}`,
      patchBody({ op: 'add', path: 'members', value: [{ value: 'no-such-id' }] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.scimType).toBe('invalidValue');
    expect(await memberIds(groupId)).toEqual([users[0]]);
  });

  it('applies all operations of one PATCH or none of them', async () => {
    const users = await createUsers(1);
    const groupId = await createGroup('Atomic');
    const res = await scim(
      'PATCH',
      `/Groups/${groupId}`,
      patchBody(
        { op: 'add', path: 'members', value: [{ value: users[0] }] },
        { op: 'replace', path: 'displayName', value: 'Renamed' },
        { op: 'replace', path: 'members[value eq "nobody"].display', value: 'x' },
      ),
    );
    expect(res.status).toBe(400);
    const after = await scim('GET', `/Groups/${groupId}`);
    expect(after.body.displayName).toBe('Atomic');
    expect(after.body.members).toBeUndefined();
  });

  it('removes a deleted user from every group and lists the groups of a user', async () => {
    const users = await createUsers(2);
    const a = await createGroup('A', users);
    const b = await createGroup('B', [users[0]!]);
    const user = await scim('GET', `/Users/${users[0]!}`);
    expect((user.body.groups as { value: string }[]).map((g) => g.value).sort()).toEqual([a, b].sort());

    expect((await scim('DELETE', `/Users/${users[0]!}`)).status).toBe(204);
    expect(await memberIds(a)).toEqual([users[1]]);
    expect(await memberIds(b)).toEqual([]);
  });

  it('accepts a nested group as a member and reports its type', async () => {
    const child = await createGroup('Child');
    const parent = await createGroup('Parent', [child]);
    const res = await scim('GET', `/Groups/${parent}`);
    expect(res.body.members).toEqual([
      expect.objectContaining({ value: child, type: 'Group', display: 'Child' }),
    ]);
  });

  it('lists only direct memberships in User.groups and drops a deleted nested group from its parent', async () => {
    const [userId] = await createUsers(1);
    const child = await createGroup('Child', [userId!]);
    const parent = await createGroup('Parent', [child]);
    const user = await scim('GET', `/Users/${userId!}`);
    expect(user.body.groups).toEqual([expect.objectContaining({ value: child, type: 'direct' })]);

    expect((await scim('DELETE', `/Groups/${child}`)).status).toBe(204);
    expect(await memberIds(parent)).toEqual([]);
    expect((await scim('GET', `/Users/${userId!}`)).body.groups).toBeUndefined();
  });

  it('leaves membership unchanged on a PUT without members and clears it with members: []', async () => {
    const users = await createUsers(1);
    const groupId = await createGroup('Keep', users);
    const rename = await scim('PUT', `/Groups/${groupId}`, { schemas: [GROUP_SCHEMA], displayName: 'Kept' });
    expect(rename.status).toBe(200);
    expect(await memberIds(groupId)).toEqual(users);
    const clear = await scim('PUT', `/Groups/${groupId}`, {
      schemas: [GROUP_SCHEMA],
      displayName: 'Kept',
      members: [],
    });
    expect(clear.status).toBe(200);
    expect(await memberIds(groupId)).toEqual([]);
  });
});
