// Okta's user provisioning sequence, from Okta's "SCIM 2.0 Protocol Reference" (okta-developer-docs): the test
// connection / existence check, create (with the placeholder password), PUT profile update, PUT deactivation (AIW
// apps), PATCH deactivation (OIN apps), import paging, and the discovery reads. Ids are the ids this server returned.
import { describe, expect, it } from 'vitest';
import { LIST_RESPONSE, USER_SCHEMA, createUser, filterQuery, patchOps, useScimApp } from '../scim-client.js';

const fx = useScimApp();

const OKTA_CREATE_USER = {
  schemas: [USER_SCHEMA],
  userName: 'test.user@okta.local',
  name: { givenName: 'Test', familyName: 'User' },
  emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
  displayName: 'Test User',
  locale: 'en-US',
  externalId: '00ujl29u0le5T6Aj10h7',
  groups: [],
  password: '1mz050nq',
  active: true,
};

/** The body Okta PUTs: the GET answer with the changed attributes (Okta's "Update the User" sample). */
function oktaPut(id: string, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    id,
    userName: 'test.user@okta.local',
    name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
    emails: [{ primary: true, value: 'test.user@okta.local', type: 'work', display: 'test.user@okta.local' }],
    active: true,
    groups: [],
    meta: { resourceType: 'User' },
    ...overrides,
  };
}

async function createOktaUser(): Promise<string> {
  const res = await fx.client.post('/Users', OKTA_CREATE_USER);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('Okta: users', () => {
  it('answers the existence check with startIndex=1&count=100 as 200, totalResults 0, Resources []', async () => {
    const res = await fx.client.get(
      `/Users?${filterQuery('userName eq "test.user@okta.local"')}&startIndex=1&count=100`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      schemas: [LIST_RESPONSE],
      totalResults: 0,
      startIndex: 1,
      Resources: [],
    });
    expect(Number.isInteger(res.body.itemsPerPage)).toBe(true);
  });

  it('creates the user, ignores the read-only groups array and never returns the password', async () => {
    const res = await fx.client.post('/Users', OKTA_CREATE_USER);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userName: 'test.user@okta.local',
      externalId: '00ujl29u0le5T6Aj10h7',
      locale: 'en-US',
      active: true,
      name: { givenName: 'Test', familyName: 'User' },
    });
    expect(res.body.groups ?? []).toEqual([]);
    expect(res.text).not.toContain('1mz050nq');
    expect(res.body).not.toHaveProperty('password');

    const id = res.body.id as string;
    const reads = [
      await fx.client.get(`/Users/${id}`),
      await fx.client.get('/Users?startIndex=1&count=100'),
      await fx.client.get(`/Users/${id}?attributes=password,userName`),
      await fx.client.get(
        `/Users?${filterQuery('userName eq "test.user@okta.local"')}&startIndex=1&count=100`,
      ),
    ];
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(read.text).not.toContain('1mz050nq');
      expect(read.text).not.toContain('"password"');
    }
  });

  it('finds the created user with the same existence check', async () => {
    const id = await createOktaUser();
    const res = await fx.client.get(
      `/Users?${filterQuery('userName eq "test.user@okta.local"')}&startIndex=1&count=100`,
    );
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources).toHaveLength(1);
    expect(res.body.Resources[0].id).toBe(id);
  });

  it('answers a second create of the same userName with 409 uniqueness', async () => {
    await createOktaUser();
    const res = await fx.client.post('/Users', OKTA_CREATE_USER);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
  });

  it('updates the profile with a full PUT (GET, modify, PUT)', async () => {
    const id = await createOktaUser();
    expect((await fx.client.get(`/Users/${id}`)).status).toBe(200);
    const res = await fx.client.put(`/Users/${id}`, oktaPut(id, {}));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      userName: 'test.user@okta.local',
      name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
      active: true,
    });
    expect((await fx.client.get(`/Users/${id}`)).body.name.middleName).toBe('Excited');
  });

  it('deactivates with a full PUT carrying active false, and reactivates the same way', async () => {
    const id = await createOktaUser();
    const off = await fx.client.put(`/Users/${id}`, oktaPut(id, { active: false }));
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await fx.client.get(`/Users/${id}`)).body.active).toBe(false);
    const on = await fx.client.put(`/Users/${id}`, oktaPut(id, { active: true }));
    expect(on.body.active).toBe(true);
  });

  it('deactivates with PATCH {"op":"replace","value":{"active":false}} and answers the updated user', async () => {
    const id = await createOktaUser();
    const res = await fx.client.patch(`/Users/${id}`, patchOps({ op: 'replace', value: { active: false } }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, active: false, userName: 'test.user@okta.local' });
    expect((await fx.client.get(`/Users/${id}`)).body.active).toBe(false);
  });

  it('keeps the page order stable: page 2 of count=1 is the 2nd element of count=3', async () => {
    for (const name of ['carol', 'alice', 'bob', 'dave']) await createUser(fx.client, `${name}@okta.local`);
    const three = await fx.client.get('/Users?startIndex=1&count=3');
    const second = await fx.client.get('/Users?startIndex=2&count=1');
    expect(three.body.Resources).toHaveLength(3);
    expect(second.body.Resources).toHaveLength(1);
    expect(second.body.Resources[0].id).toBe(three.body.Resources[1].id);
    expect(second.body).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 1 });

    const all = await fx.client.get('/Users?startIndex=1&count=100');
    const paged: string[] = [];
    for (let start = 1; start <= 4; start++) {
      paged.push((await fx.client.get(`/Users?startIndex=${start}&count=1`)).body.Resources[0].id as string);
    }
    expect(paged).toEqual(all.body.Resources.map((r: { id: string }) => r.id));
  });
});

describe('Okta: discovery', () => {
  it('reads ServiceProviderConfig, Schemas and ResourceTypes', async () => {
    const spc = await fx.client.get('/ServiceProviderConfig');
    expect(spc.status).toBe(200);
    expect(spc.body.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
    expect(spc.body.patch).toEqual({ supported: true });

    const schemas = await fx.client.get('/Schemas');
    expect(schemas.status).toBe(200);
    const schemaIds = (schemas.body.Resources as { id: string }[]).map((s) => s.id);
    expect(schemaIds).toEqual(
      expect.arrayContaining([USER_SCHEMA, 'urn:ietf:params:scim:schemas:core:2.0:Group']),
    );

    const types = await fx.client.get('/ResourceTypes');
    expect(types.status).toBe(200);
    const endpoints = (types.body.Resources as { endpoint: string }[]).map((r) => r.endpoint);
    expect(endpoints).toEqual(expect.arrayContaining(['/Users', '/Groups']));

    expect((await fx.client.get(`/Schemas/${USER_SCHEMA}`)).body.id).toBe(USER_SCHEMA);
    expect((await fx.client.get('/ResourceTypes/User')).body.id).toBe('User');
  });

  it.each(['/ServiceProviderConfig', '/Schemas', '/ResourceTypes'])(
    'answers POST %s with a SCIM 405',
    async (path) => {
      const res = await fx.client.post(path, { schemas: [USER_SCHEMA] });
      expect(res.status).toBe(405);
      expect(res.body).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '405',
      });
      expect(String(res.headers['content-type'])).toMatch(/^application\/scim\+json/);
    },
  );
});
