// Two organizations provisioning at the same moment (two IdP connections) must each see exactly their own rows:
// lists, totals, reads by id, uniqueness scope and group membership never cross the tenant boundary.
import { describe, expect, it } from 'vitest';
import { GROUP_SCHEMA, USER_SCHEMA, patchOps, scim, useScimApp } from '../scim-client.js';
import type { ScimClient } from '../scim-client.js';

const fx = useScimApp();

async function provision(client: ScimClient, tag: string): Promise<{ users: string[]; group: string }> {
  const users = await Promise.all(
    [0, 1, 2, 3, 4].map(async (n) => {
      const res = await client.post('/Users', {
        schemas: [USER_SCHEMA],
        userName: `user${n}@shared.example`,
        externalId: `${tag}-${n}`,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    }),
  );
  const group = await client.post('/Groups', {
    schemas: [GROUP_SCHEMA],
    displayName: 'Everyone',
    members: users.map((value) => ({ value })),
  });
  expect(group.status).toBe(201);
  return { users, group: group.body.id as string };
}

describe('tenant isolation', () => {
  it('keeps two organizations provisioning concurrently apart', async () => {
    const acme = scim(fx.t, { token: await fx.t.createOrgToken('acme') });
    const globex = scim(fx.t, { token: await fx.t.createOrgToken('globex') });
    const [a, g] = await Promise.all([provision(acme, 'acme'), provision(globex, 'globex')]);

    for (const [client, own, tag] of [
      [acme, a, 'acme'],
      [globex, g, 'globex'],
    ] as const) {
      const users = await client.get('/Users?count=100');
      expect(users.body.totalResults).toBe(5);
      expect(users.body.Resources.map((r: { id: string }) => r.id).sort()).toEqual([...own.users].sort());
      expect(
        users.body.Resources.every((r: { externalId: string }) => r.externalId.startsWith(`${tag}-`)),
      ).toBe(true);
      const groups = await client.get('/Groups');
      expect(groups.body.Resources.map((r: { id: string }) => r.id)).toEqual([own.group]);
      const search = await client.get(
        `/Users?filter=${encodeURIComponent('userName eq "user0@shared.example"')}`,
      );
      expect(search.body.Resources.map((r: { id: string }) => r.id)).toEqual([own.users[0]]);
    }
    expect((await fx.client.get('/Users')).body.totalResults).toBe(0);
  });

  it('answers 404 for another organization ids on read, write and delete', async () => {
    const acme = scim(fx.t, { token: await fx.t.createOrgToken('acme') });
    const globex = scim(fx.t, { token: await fx.t.createOrgToken('globex') });
    const { users, group } = await provision(acme, 'acme');
    const foreign = users[0]!;
    expect((await globex.get(`/Users/${foreign}`)).status).toBe(404);
    expect(
      (await globex.patch(`/Users/${foreign}`, patchOps({ op: 'replace', path: 'title', value: 'x' })))
        .status,
    ).toBe(404);
    expect(
      (await globex.put(`/Users/${foreign}`, { schemas: [USER_SCHEMA], userName: 'steal@x' })).status,
    ).toBe(404);
    expect((await globex.delete(`/Users/${foreign}`)).status).toBe(404);
    expect((await globex.get(`/Groups/${group}`)).status).toBe(404);
    expect((await acme.get(`/Users/${foreign}`)).body.title).toBeUndefined();
  });

  it('refuses another organization user as a group member with 400 invalidValue', async () => {
    const acme = scim(fx.t, { token: await fx.t.createOrgToken('acme') });
    const globex = scim(fx.t, { token: await fx.t.createOrgToken('globex') });
    const { users } = await provision(acme, 'acme');
    const own = await globex.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Globex' });
    const res = await globex.patch(
      `/Groups/${own.body.id as string}`,
      patchOps({ op: 'add', path: 'members', value: [{ value: users[0] }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidValue');
    const created = await globex.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Globex 2',
      members: [{ value: users[1] }],
    });
    expect(created.status).toBe(400);
  });
});
