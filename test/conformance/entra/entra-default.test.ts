// Microsoft Entra ID provisioning without the aadOptscim062020 flag: the request sequence of Microsoft Learn
// "Tutorial: Develop and plan provisioning for a SCIM endpoint" (User/Group operations), the "without feature flag"
// bodies of "Known issues and resolutions with SCIM 2.0 protocol compliance". Bodies are copied as sent; only ids are
// replaced with the ids this server returned. The validator's requests live in entra-aadoptscim062020.test.ts.
import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_USER,
  GROUP_SCHEMA,
  USER_SCHEMA,
  filterQuery,
  memberIds,
  patchOps,
  useScimApp,
} from '../scim-client.js';

const fx = useScimApp();

const ENTRA_CREATE_USER = {
  schemas: [USER_SCHEMA, ENTERPRISE_USER],
  externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
  userName: 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee',
  active: true,
  emails: [
    { primary: true, type: 'work', value: 'Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com' },
  ],
  meta: { resourceType: 'User' },
  name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
  roles: [],
};

const ENTRA_CREATE_GROUP = {
  schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
  externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
  displayName: 'displayName',
  meta: { resourceType: 'Group' },
};

async function createEntraUser(): Promise<string> {
  const res = await fx.client.post('/Users', ENTRA_CREATE_USER);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

function workEmail(user: { emails?: { type?: string; value?: string }[] }): string | undefined {
  return user.emails?.find((e) => e.type === 'work')?.value;
}

describe('Entra ID (default PATCH dialect): users', () => {
  it('answers the Test Connection probe for a random userName with an empty ListResponse', async () => {
    const res = await fx.client.get(`/Users?${filterQuery('userName eq "non-existent user"')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      Resources: [],
    });
  });

  it('creates the documented user, assigning its own id and ignoring the client meta and empty roles', async () => {
    const res = await fx.client.post('/Users', ENTRA_CREATE_USER);
    expect(res.status).toBe(201);
    expect(typeof res.body.id).toBe('string');
    expect(res.body).toMatchObject({
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee',
      active: true,
      name: { familyName: 'familyName', givenName: 'givenName' },
      meta: { resourceType: 'User' },
    });
    expect(workEmail(res.body)).toBe('Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com');
  });

  it('finds the user by userName, externalId and work email, case-insensitively where caseExact=false', async () => {
    const id = await createEntraUser();
    const filters = [
      'userName eq "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee"',
      'userName eq "TEST_USER_00AA00AA-BB11-CC22-DD33-44EE44EE44EE"',
      'externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"',
      'emails[type eq "work"].value eq "Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"',
    ];
    for (const filter of filters) {
      const res = await fx.client.get(`/Users?filter=${encodeURIComponent(filter)}`);
      expect(res.status, filter).toBe(200);
      expect(res.body.totalResults, filter).toBe(1);
      expect(res.body.Resources[0].id, filter).toBe(id);
    }
  });

  it('answers GET of an unknown user with a SCIM 404 whose status is a string', async () => {
    const res = await fx.client.get('/Users/5171a35d82074e068ce2');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '404',
    });
  });

  it('applies "Update User [Multi-valued properties]" with capitalised Replace ops', async () => {
    const id = await createEntraUser();
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      ),
    );
    expect(res.status).toBe(200);
    expect(workEmail(res.body)).toBe('updatedEmail@microsoft.com');
    expect(res.body.name).toMatchObject({ familyName: 'updatedFamilyName', givenName: 'givenName' });
    expect(res.body.emails).toHaveLength(1);
  });

  it('applies "Update User [Single-valued properties]" (userName replace)', async () => {
    const id = await createEntraUser();
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps({
        op: 'Replace',
        path: 'userName',
        value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.userName).toBe('5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com');
  });

  it('stores the string booleans "False"/"True" as JSON booleans and rejects "banana" with invalidValue', async () => {
    const id = await createEntraUser();
    const off = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'Replace', path: 'active', value: 'False' }),
    );
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await fx.client.get(`/Users/${id}`)).body.active).toBe(false);

    const on = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'Replace', path: 'active', value: 'TRUE' }),
    );
    expect(on.body.active).toBe(true);

    const bad = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'Replace', path: 'active', value: 'banana' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
    expect((await fx.client.get(`/Users/${id}`)).body.active).toBe(true);
  });

  it('applies the documented "Disable User" request (boolean false, Operations before schemas)', async () => {
    const id = await createEntraUser();
    const res = await fx.client.patch(`/Users/${id}`, {
      Operations: [{ op: 'Replace', path: 'active', value: false }],
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
  });

  it('applies the unflagged "add a single-value string attribute" and "replace multiple attributes" requests', async () => {
    const id = await createEntraUser();
    const add = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'Add', path: 'nickName', value: 'Babs' }),
    );
    expect(add.status).toBe(200);
    expect(add.body.nickName).toBe('Babs');

    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps(
        { op: 'Replace', path: 'displayName', value: 'Pvlo' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
        { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
        { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
        { op: 'Replace', path: 'externalId', value: 'Eqpj' },
        { op: 'Replace', path: `${ENTERPRISE_USER}:employeeNumber`, value: 'Eqpj' },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Pvlo',
      externalId: 'Eqpj',
      name: { givenName: 'Gtfd', familyName: 'Pkqf' },
      [ENTERPRISE_USER]: { employeeNumber: 'Eqpj' },
    });
    expect(workEmail(res.body)).toBe('TestBcwqnm@test.microsoft.com');
  });

  it('applies the unflagged path-less Replace whose value keys are attribute paths, each key as a path', async () => {
    const id = await createEntraUser();
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps({
        op: 'Replace',
        value: {
          'name.givenName': 'Gtfd',
          'emails[type eq "work"].value': 'TestBcwqnm@test.microsoft.com',
          [`${ENTERPRISE_USER}:employeeNumber`]: 'Eqpj',
        },
      }),
    );
    expect(res.status).toBe(200);
    const stored = (await fx.client.get(`/Users/${id}`)).body;
    for (const user of [res.body, stored]) {
      expect(user.name).toEqual({
        formatted: 'givenName familyName',
        familyName: 'familyName',
        givenName: 'Gtfd',
      });
      expect(user.emails).toEqual([{ primary: true, type: 'work', value: 'TestBcwqnm@test.microsoft.com' }]);
      expect(user[ENTERPRISE_USER]).toEqual({ employeeNumber: 'Eqpj' });
      expect(user.schemas).toEqual([USER_SCHEMA, ENTERPRISE_USER]);
      // No key was stored as a literal attribute name.
      expect(Object.keys(user as object).sort()).toEqual(
        [
          'schemas',
          'id',
          'externalId',
          'userName',
          'active',
          'emails',
          'name',
          ENTERPRISE_USER,
          'meta',
        ].sort(),
      );
      expect(user.userName).toBe('Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee');
    }
  });

  it('creates the work email element when Add targets emails[type eq "work"].value on a user without one', async () => {
    const id = (await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'no.mail@contoso.com' }))
      .body.id;
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'Add', path: 'emails[type eq "work"].value', value: 'no.mail@contoso.com' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.emails).toEqual([
      expect.objectContaining({ type: 'work', value: 'no.mail@contoso.com' }),
    ]);
  });

  it('reads a bare-string manager back as { value } and removes it by remove or by an empty replace', async () => {
    const managerId = (
      await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'boss@contoso.com' })
    ).body.id;
    const id = await createEntraUser();
    const managerPath = `${ENTERPRISE_USER}:manager`;

    const set = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'Add', path: managerPath, value: managerId }),
    );
    expect(set.status).toBe(200);
    expect(set.body[ENTERPRISE_USER].manager).toMatchObject({ value: managerId });
    expect((await fx.client.get(`/Users/${id}`)).body[ENTERPRISE_USER].manager.value).toBe(managerId);

    const removed = await fx.client.patch(`/Users/${id}`, patchOps({ op: 'Remove', path: managerPath }));
    expect(removed.status).toBe(200);
    expect(removed.body[ENTERPRISE_USER]?.manager).toBeUndefined();

    await fx.client.patch(`/Users/${id}`, patchOps({ op: 'Replace', path: managerPath, value: managerId }));
    const emptied = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'Replace', path: managerPath, value: '' }),
    );
    expect(emptied.status).toBe(200);
    expect(emptied.body[ENTERPRISE_USER]?.manager).toBeUndefined();
  });

  it('treats replace with "" or null as clearing title, the work phone and the department', async () => {
    const id = (
      await fx.client.post('/Users', {
        schemas: [USER_SCHEMA, ENTERPRISE_USER],
        userName: 'nulls@contoso.com',
        title: 'Engineer',
        phoneNumbers: [{ type: 'work', value: '+1 555 0100' }],
        [ENTERPRISE_USER]: { department: 'R&D', employeeNumber: '42' },
      })
    ).body.id;
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps(
        { op: 'Replace', path: 'title', value: '' },
        { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: null },
        { op: 'Replace', path: `${ENTERPRISE_USER}:department`, value: '' },
      ),
    );
    expect(res.status).toBe(200);
    const user = (await fx.client.get(`/Users/${id}`)).body;
    expect(user.title).toBeUndefined();
    expect((user.phoneNumbers ?? []).filter((p: { value?: string }) => p.value !== undefined)).toEqual([]);
    expect(user[ENTERPRISE_USER].department).toBeUndefined();
    expect(user[ENTERPRISE_USER].employeeNumber).toBe('42');
  });

  it('deletes a user with 204 and then answers 404', async () => {
    const id = await createEntraUser();
    expect((await fx.client.delete(`/Users/${id}`)).status).toBe(204);
    expect((await fx.client.get(`/Users/${id}`)).status).toBe(404);
  });
});

describe('Entra ID (default PATCH dialect): groups', () => {
  it('runs the documented group lifecycle: create, get without members, rename, add, remove, delete', async () => {
    const userId = await createEntraUser();
    const probe = await fx.client.get(
      `/Groups?excludedAttributes=members&${filterQuery('displayName eq "3ff5b1e0-random-group"')}`,
    );
    expect(probe.status).toBe(200);
    expect(probe.body).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await fx.client.post('/Groups', ENTRA_CREATE_GROUP);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      displayName: 'displayName',
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
    });
    expect(created.body.members ?? []).toEqual([]);
    const id = created.body.id as string;

    const one = await fx.client.get(`/Groups/${id}?excludedAttributes=members`);
    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty('members');

    const query = await fx.client.get(
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "displayName"')}`,
    );
    expect(query.status).toBe(200);
    expect(query.body.totalResults).toBe(1);
    expect(query.body.Resources[0].id).toBe(id);
    expect(query.body.Resources[0]).not.toHaveProperty('members');

    const renamed = await fx.client.patch(
      `/Groups/${id}`,
      patchOps({
        op: 'Replace',
        path: 'displayName',
        value: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName',
      }),
    );
    // Entra accepts 200 or 204; Muster answers 204 to group PATCH without attributes (decision 0002).
    expect(renamed.status).toBe(204);

    const add = await fx.client.patch(
      `/Groups/${id}`,
      patchOps({ op: 'Add', path: 'members', value: [{ $ref: null, value: userId }] }),
    );
    expect(add.status).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([userId]);

    const remove = await fx.client.patch(
      `/Groups/${id}`,
      patchOps({ op: 'Remove', path: 'members', value: [{ $ref: null, value: userId }] }),
    );
    expect(remove.status).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([]);

    expect((await fx.client.delete(`/Groups/${id}`)).status).toBe(204);
    expect((await fx.client.get(`/Groups/${id}`)).status).toBe(404);
  });

  it('adds and removes several members with one value array', async () => {
    const a = await createEntraUser();
    const b = (await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'second@contoso.com' }))
      .body.id;
    const c = (await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'third@contoso.com' })).body
      .id;
    const id = (await fx.client.post('/Groups', ENTRA_CREATE_GROUP)).body.id as string;
    const values = [a, b, c].map((value: string) => ({ value }));
    expect(
      (await fx.client.patch(`/Groups/${id}`, patchOps({ op: 'Add', path: 'members', value: values })))
        .status,
    ).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([a, b, c].sort());
    const removal = patchOps({ op: 'Remove', path: 'members', value: [{ value: a }, { value: c }] });
    expect((await fx.client.patch(`/Groups/${id}`, removal)).status).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([b]);
  });

  it('answers a group PATCH with 200 and the projected group when excludedAttributes is given', async () => {
    const id = (await fx.client.post('/Groups', ENTRA_CREATE_GROUP)).body.id as string;
    const res = await fx.client.patch(
      `/Groups/${id}?excludedAttributes=members`,
      patchOps({ op: 'Replace', path: 'displayName', value: 'Renamed' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, displayName: 'Renamed' });
    expect(res.body).not.toHaveProperty('members');
  });
});
