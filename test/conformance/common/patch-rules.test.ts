// RFC 7644 §3.5.2 PATCH rules IdPs trip over: a path-less add merges, add to a multi-valued attribute appends, remove
// without a path → 400 noTarget, replace on a value filter that matches nothing → 400 noTarget, an invalid op or a
// missing Operations → 400, and all operations of one request apply or none do. User.groups is read-only (RFC 7643
// §4.1.2) and derived from group membership.
import { describe, expect, it } from 'vitest';
import { GROUP_SCHEMA, PATCH_OP, USER_SCHEMA, createUser, patchOps, useScimApp } from '../scim-client.js';

const fx = useScimApp();

async function seedUser(): Promise<string> {
  const res = await fx.client.post('/Users', {
    schemas: [USER_SCHEMA],
    userName: 'patch@example.com',
    displayName: 'Patch Target',
    name: { givenName: 'Pat', familyName: 'Target' },
    emails: [{ type: 'work', value: 'patch@example.com', primary: true }],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('PATCH semantics', () => {
  it('merges a path-less add into the resource', async () => {
    const id = await seedUser();
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'add', value: { title: 'Lead', name: { middleName: 'Q' } } }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Lead', displayName: 'Patch Target' });
    expect(res.body.name).toMatchObject({ givenName: 'Pat', middleName: 'Q', familyName: 'Target' });
  });

  it('appends on add to a multi-valued attribute', async () => {
    const id = await seedUser();
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'add', path: 'emails', value: [{ type: 'home', value: 'home@example.com' }] }),
    );
    expect(res.status).toBe(200);
    expect(res.body.emails.map((e: { value: string }) => e.value).sort()).toEqual([
      'home@example.com',
      'patch@example.com',
    ]);
  });

  it('rejects remove without a path with 400 noTarget', async () => {
    const id = await seedUser();
    const res = await fx.client.patch(`/Users/${id}`, patchOps({ op: 'remove' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: '400', scimType: 'noTarget' });
  });

  it('rejects replace on a value filter that matches nothing with 400 noTarget', async () => {
    const id = await seedUser();
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'replace', path: 'emails[type eq "home"].value', value: 'x@example.com' }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: '400', scimType: 'noTarget' });
  });

  it.each([
    ['an unknown op', { schemas: [PATCH_OP], Operations: [{ op: 'merge', path: 'title', value: 'x' }] }],
    ['a missing Operations', { schemas: [PATCH_OP] }],
    ['an empty Operations', { schemas: [PATCH_OP], Operations: [] }],
  ])('rejects %s with a SCIM 400', async (_label, body) => {
    const id = await seedUser();
    const res = await fx.client.patch(`/Users/${id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.status).toBe('400');
    expect((await fx.client.get(`/Users/${id}`)).body.title).toBeUndefined();
  });

  it('applies all operations or none', async () => {
    const id = await seedUser();
    const before = (await fx.client.get(`/Users/${id}`)).body;
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps(
        { op: 'replace', path: 'displayName', value: 'Changed' },
        { op: 'replace', path: 'title', value: 'Changed' },
        { op: 'replace', path: 'emails[type eq "fax"].value', value: 'nobody@example.com' },
      ),
    );
    expect(res.status).toBe(400);
    const after = (await fx.client.get(`/Users/${id}`)).body;
    expect(after).toEqual(before);
  });

  it('applies group membership and attribute ops atomically too', async () => {
    const member = await createUser(fx.client, 'member@example.com');
    const group = await fx.client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Atomic' });
    const id = group.body.id as string;
    const res = await fx.client.patch(
      `/Groups/${id}`,
      patchOps(
        { op: 'add', path: 'members', value: [{ value: member }] },
        { op: 'replace', path: 'displayName', value: 'Renamed' },
        { op: 'add', path: 'members', value: [{ value: '0190b4d2-0000-7000-8000-00000000dead' }] },
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidValue');
    const after = (await fx.client.get(`/Groups/${id}`)).body;
    expect(after.displayName).toBe('Atomic');
    expect(after.members ?? []).toEqual([]);
  });
});

describe('User.groups', () => {
  it('is derived from membership and cannot be written through the user', async () => {
    const userId = await createUser(fx.client, 'groups@example.com');
    const group = await fx.client.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Derived',
      members: [{ value: userId }],
    });
    const user = (await fx.client.get(`/Users/${userId}`)).body;
    expect(user.groups).toEqual([expect.objectContaining({ value: group.body.id, display: 'Derived' })]);

    const write = await fx.client.patch(
      `/Users/${userId}`,
      patchOps({ op: 'add', path: 'groups', value: [{ value: 'some-other-group' }] }),
    );
    expect(write.status).toBe(400);
    expect(write.body.scimType).toBe('mutability');

    // On PUT and POST, read-only attributes are ignored (RFC 7644 §3.5.1), never stored.
    const put = await fx.client.put(`/Users/${userId}`, {
      schemas: [USER_SCHEMA],
      userName: 'groups@example.com',
      groups: [],
    });
    expect(put.status).toBe(200);
    expect(put.body.groups.map((g: { value: string }) => g.value)).toEqual([group.body.id]);

    await fx.client.delete(`/Groups/${group.body.id as string}`);
    expect((await fx.client.get(`/Users/${userId}`)).body.groups ?? []).toEqual([]);
  });
});
