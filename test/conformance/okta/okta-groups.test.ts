// Okta Group Push, from Okta's "SCIM 2.0 Protocol Reference": create, rename by a path-less replace that repeats the
// read-only id, membership add / filtered remove / full replace by PATCH, the AIW apps' full PUT, import and delete.
// Ids are the ids this server returned.
import { describe, expect, it } from 'vitest';
import { GROUP_SCHEMA, createUser, memberIds, patchOps, useScimApp } from '../scim-client.js';

const fx = useScimApp();

async function createOktaGroup(): Promise<string> {
  const res = await fx.client.post('/Groups', {
    schemas: [GROUP_SCHEMA],
    displayName: 'Test SCIMv2',
    members: [],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function twoUsers(): Promise<[string, string]> {
  return [
    await createUser(fx.client, 'test.user@okta.local'),
    await createUser(fx.client, 'other.user@okta.local'),
  ];
}

describe('Okta: groups', () => {
  it('creates the pushed group with an empty members list', async () => {
    const res = await fx.client.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Test SCIMv2',
      members: [],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      schemas: [GROUP_SCHEMA],
      displayName: 'Test SCIMv2',
      meta: { resourceType: 'Group' },
    });
    expect(res.body.members ?? []).toEqual([]);
    const list = await fx.client.get('/Groups?startIndex=1&count=100');
    expect(list.status).toBe(200);
    expect(list.body.Resources.map((g: { id: string }) => g.id)).toEqual([res.body.id]);
  });

  it('renames with a path-less replace that repeats the current id', async () => {
    const id = await createOktaGroup();
    const res = await fx.client.patch(
      `/Groups/${id}`,
      patchOps({ op: 'replace', value: { id, displayName: 'Test SCIMv20' } }),
    );
    expect(res.status).toBe(204);
    const group = (await fx.client.get(`/Groups/${id}`)).body;
    expect(group).toMatchObject({ id, displayName: 'Test SCIMv20' });
  });

  it('rejects a rename that carries a different id with 400 mutability and changes nothing', async () => {
    const id = await createOktaGroup();
    const res = await fx.client.patch(
      `/Groups/${id}`,
      patchOps({
        op: 'replace',
        value: { id: 'abf4dd94-a4c0-4f67-89c9-76b03340cb9b', displayName: 'Hijacked' },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: '400', scimType: 'mutability' });
    expect((await fx.client.get(`/Groups/${id}`)).body.displayName).toBe('Test SCIMv2');
  });

  it('adds a member with add on path members (value + display)', async () => {
    const [user] = await twoUsers();
    const id = await createOktaGroup();
    const res = await fx.client.patch(
      `/Groups/${id}`,
      patchOps({ op: 'add', path: 'members', value: [{ value: user, display: 'test.user@okta.local' }] }),
    );
    expect(res.status).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([user]);
  });

  it('removes by members[value eq "…"] without a value and adds in the same request', async () => {
    const [added, removed] = await twoUsers();
    const id = await createOktaGroup();
    await fx.client.patch(
      `/Groups/${id}`,
      patchOps({ op: 'add', path: 'members', value: [{ value: removed }] }),
    );
    const res = await fx.client.patch(
      `/Groups/${id}`,
      patchOps(
        { op: 'remove', path: `members[value eq "${removed}"]` },
        { op: 'add', path: 'members', value: [{ value: added, display: 'test.user@okta.local' }] },
      ),
    );
    expect(res.status).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([added]);
    const user = (await fx.client.get(`/Users/${removed}`)).body;
    expect(user.groups ?? []).toEqual([]);
  });

  it('replaces all members with a replace on path members', async () => {
    const [a, b] = await twoUsers();
    const c = await createUser(fx.client, 'third.user@okta.local');
    const id = await createOktaGroup();
    await fx.client.patch(`/Groups/${id}`, patchOps({ op: 'add', path: 'members', value: [{ value: c }] }));
    const res = await fx.client.patch(
      `/Groups/${id}`,
      patchOps({
        op: 'replace',
        path: 'members',
        value: [
          { value: a, display: 'test.user@okta.local' },
          { value: b, display: 'test.user@okta.local' },
        ],
      }),
    );
    expect(res.status).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([a, b].sort());
  });

  it('replaces membership exactly with a full PUT /Groups (AIW apps) and answers the group', async () => {
    const [a, b] = await twoUsers();
    const id = await createOktaGroup();
    await fx.client.patch(`/Groups/${id}`, patchOps({ op: 'add', path: 'members', value: [{ value: b }] }));
    const res = await fx.client.put(`/Groups/${id}`, {
      schemas: [GROUP_SCHEMA],
      displayName: 'Test SCIMv2',
      members: [{ value: a, display: 'test.user@okta.local' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, displayName: 'Test SCIMv2' });
    expect(res.body.members.map((m: { value: string }) => m.value)).toEqual([a]);
    expect(await memberIds(fx.client, id)).toEqual([a]);
    const user = (await fx.client.get(`/Users/${a}`)).body;
    expect(user.groups.map((g: { value: string }) => g.value)).toEqual([id]);
  });

  it('keeps membership on a PUT without a members key and clears it on members: [] (decision 0002)', async () => {
    const [a] = await twoUsers();
    const id = await createOktaGroup();
    await fx.client.patch(`/Groups/${id}`, patchOps({ op: 'add', path: 'members', value: [{ value: a }] }));
    const rename = await fx.client.put(`/Groups/${id}`, {
      schemas: [GROUP_SCHEMA],
      displayName: 'Renamed by PUT',
    });
    expect(rename.status).toBe(200);
    expect(await memberIds(fx.client, id)).toEqual([a]);
    const cleared = await fx.client.put(`/Groups/${id}`, {
      schemas: [GROUP_SCHEMA],
      displayName: 'Renamed by PUT',
      members: [],
    });
    expect(cleared.status).toBe(200);
    expect(await memberIds(fx.client, id)).toEqual([]);
  });

  it('deletes the group with 204 and then answers 404', async () => {
    const id = await createOktaGroup();
    expect((await fx.client.delete(`/Groups/${id}`)).status).toBe(204);
    expect((await fx.client.get(`/Groups/${id}`)).status).toBe(404);
  });
});
