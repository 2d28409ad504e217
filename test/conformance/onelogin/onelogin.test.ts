// OneLogin "SCIM Provisioner with SAML (SCIM v2 Enterprise)": its default JSON template uses the non-RFC URNs
// urn:scim:schemas:core:2.0 and urn:scim:schemas:extension:enterprise:2.0 (the extension data under that key too),
// sends "id": null on create and PUTs to `/Users/<id>?`. It needs id and meta.location on every resource and
// itemsPerPage equal to the number of Resources; strings are kept exactly as sent.
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_USER, GROUP_SCHEMA, USER_SCHEMA, createUser, useScimApp } from '../scim-client.js';

const fx = useScimApp();

const ONELOGIN_CORE = 'urn:scim:schemas:core:2.0';
const ONELOGIN_ENTERPRISE = 'urn:scim:schemas:extension:enterprise:2.0';

function oneLoginUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemas: [ONELOGIN_CORE, ONELOGIN_ENTERPRISE],
    id: null,
    userName: 'katinka.ingabogovinanana@onelogin.example',
    name: { givenName: 'Katinka', familyName: 'Ingabogovinanana' },
    emails: [{ value: 'katinka.ingabogovinanana@onelogin.example', primary: true }],
    title: 'Director',
    [ONELOGIN_ENTERPRISE]: { department: 'Operations' },
    ...overrides,
  };
}

describe('OneLogin', () => {
  it('accepts the non-RFC URNs and "id": null on create and answers with the standard URNs', async () => {
    const res = await fx.client.post('/Users', oneLoginUser());
    expect(res.status).toBe(201);
    expect(typeof res.body.id).toBe('string');
    expect(res.body.id).not.toBe('');
    expect(res.body.schemas).toContain(USER_SCHEMA);
    expect(res.body.schemas).not.toContain(ONELOGIN_CORE);
    expect(res.body.schemas).not.toContain(ONELOGIN_ENTERPRISE);
    expect(res.body).toMatchObject({
      userName: 'katinka.ingabogovinanana@onelogin.example',
      title: 'Director',
    });
    expect(res.body[ENTERPRISE_USER]).toMatchObject({ department: 'Operations' });
    expect(res.body.schemas).toContain(ENTERPRISE_USER);
  });

  it('returns id and meta.location on create, get, list and PUT, for users and groups', async () => {
    const created = await fx.client.post('/Users', oneLoginUser());
    const id = created.body.id as string;
    const location = `${fx.t.scimBase}/Users/${id}`;
    expect(created.body.meta.location).toBe(location);
    expect((await fx.client.get(`/Users/${id}`)).body).toMatchObject({ id, meta: { location } });
    const list = await fx.client.get('/Users');
    for (const resource of list.body.Resources as { id: string; meta: { location: string } }[]) {
      expect(resource.meta.location).toBe(`${fx.t.scimBase}/Users/${resource.id}`);
    }
    const put = await fx.client.put(`/Users/${id}?`, oneLoginUser({ title: 'VP' }));
    expect(put.body).toMatchObject({ id, meta: { location } });

    const group = await fx.client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'OneLogin role' });
    expect(group.body.meta.location).toBe(`${fx.t.scimBase}/Groups/${group.body.id as string}`);
    const groups = await fx.client.get('/Groups');
    expect(groups.body.Resources[0]).toMatchObject({
      id: group.body.id,
      meta: { location: group.body.meta.location },
    });
  });

  it('updates with PUT /Users/<id>? (trailing question mark) and keeps the id', async () => {
    const id = (await fx.client.post('/Users', oneLoginUser())).body.id as string;
    const res = await fx.client.put(
      `/Users/${id}?`,
      oneLoginUser({ id, title: 'VP', [ONELOGIN_ENTERPRISE]: { department: 'Finance' } }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, title: 'VP' });
    expect(res.body[ENTERPRISE_USER]).toMatchObject({ department: 'Finance' });
    expect((await fx.client.get(`/Users/${id}`)).body.title).toBe('VP');
  });

  it('reports itemsPerPage equal to the number of Resources returned', async () => {
    for (const n of [1, 2, 3]) await createUser(fx.client, `user${n}@onelogin.example`);
    const cases: [string, number][] = [
      ['/Users', 3],
      ['/Users?count=2', 2],
      ['/Users?startIndex=3&count=2', 1],
      ['/Users?startIndex=10&count=2', 0],
    ];
    for (const [path, expected] of cases) {
      const res = await fx.client.get(path);
      expect(res.status, path).toBe(200);
      expect(res.body.Resources ?? [], path).toHaveLength(expected);
      expect(res.body.itemsPerPage, path).toBe(expected);
      expect(res.body.totalResults, path).toBe(3);
    }
  });

  it('stores strings exactly as sent, leading and trailing spaces included', async () => {
    const res = await fx.client.post(
      '/Users',
      oneLoginUser({ name: { givenName: '  Katinka', familyName: 'Ingabogovinanana ' }, title: ' Director' }),
    );
    expect(res.status).toBe(201);
    const user = (await fx.client.get(`/Users/${res.body.id as string}`)).body;
    expect(user.name).toMatchObject({ givenName: '  Katinka', familyName: 'Ingabogovinanana ' });
    expect(user.title).toBe(' Director');
  });
});
