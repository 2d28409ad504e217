// The Keycloak outbound SCIM plugin (pelotech/keycloak-scim, UserAdapter / GroupAdapter): users carry
// externalId = the Keycloak id and `roles`; updates are PATCH replace of active (as the string "false"/"true"),
// userName and displayName; group membership travels as one-member add/remove deltas, and a full group sync replaces
// members, displayName and externalId. Ids are the ids this server returned.
import { describe, expect, it } from 'vitest';
import { GROUP_SCHEMA, USER_SCHEMA, filterQuery, memberIds, patchOps, useScimApp } from '../scim-client.js';

const fx = useScimApp();

const KEYCLOAK_USER_ID = '6f1c7e2a-3b4d-4c5e-8f90-a1b2c3d4e5f6';
const KEYCLOAK_GROUP_ID = 'c0ffee00-1234-4abc-9def-0123456789ab';

async function createKeycloakUser(username: string, keycloakId: string): Promise<string> {
  const res = await fx.client.post('/Users', {
    schemas: [USER_SCHEMA],
    externalId: keycloakId,
    userName: username,
    displayName: 'Jane Doe',
    name: { givenName: 'Jane', familyName: 'Doe' },
    emails: [{ value: `${username}@keycloak.example`, type: 'work', primary: true }],
    active: true,
    roles: [{ value: 'scim-admin' }, { value: 'viewer' }],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('Keycloak outbound SCIM', () => {
  it('creates a user whose externalId is the Keycloak id and reads back its roles', async () => {
    const id = await createKeycloakUser('jdoe', KEYCLOAK_USER_ID);
    const user = (await fx.client.get(`/Users/${id}`)).body;
    expect(id).not.toBe(KEYCLOAK_USER_ID);
    expect(user.externalId).toBe(KEYCLOAK_USER_ID);
    expect(user.roles.map((r: { value: string }) => r.value).sort()).toEqual(['scim-admin', 'viewer']);
    const found = await fx.client.get(`/Users?${filterQuery(`externalId eq "${KEYCLOAK_USER_ID}"`)}`);
    expect(found.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('applies the plugin update PATCH: active as the string "false", userName and displayName', async () => {
    const id = await createKeycloakUser('jdoe', KEYCLOAK_USER_ID);
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps(
        { path: 'active', op: 'replace', value: 'false' },
        { path: 'userName', op: 'replace', value: 'jane.doe' },
        { path: 'displayName', op: 'replace', value: 'Jane Q. Doe' },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, userName: 'jane.doe', displayName: 'Jane Q. Doe' });
    const back = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ path: 'active', op: 'replace', value: 'true' }),
    );
    expect(back.body.active).toBe(true);
  });

  it('applies one-member group deltas: add on members, remove on members[value eq "…"]', async () => {
    const a = await createKeycloakUser('alice', '11111111-1111-4111-8111-111111111111');
    const b = await createKeycloakUser('bob', '22222222-2222-4222-8222-222222222222');
    const created = await fx.client.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      externalId: KEYCLOAK_GROUP_ID,
      displayName: 'engineering',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    for (const user of [a, b]) {
      const add = await fx.client.patch(
        `/Groups/${id}`,
        patchOps({ path: 'members', op: 'add', value: [{ value: user }] }),
      );
      expect(add.status).toBe(204);
    }
    expect(await memberIds(fx.client, id)).toEqual([a, b].sort());

    const remove = await fx.client.patch(
      `/Groups/${id}`,
      patchOps({ path: `members[value eq "${a}"]`, op: 'remove' }),
    );
    expect(remove.status).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([b]);
  });

  it('applies the full group sync: replace members, displayName and externalId; remove members empties it', async () => {
    const a = await createKeycloakUser('alice', '11111111-1111-4111-8111-111111111111');
    const b = await createKeycloakUser('bob', '22222222-2222-4222-8222-222222222222');
    const id = (
      await fx.client.post('/Groups', {
        schemas: [GROUP_SCHEMA],
        externalId: KEYCLOAK_GROUP_ID,
        displayName: 'engineering',
        members: [{ value: a, $ref: `Users/${a}` }],
      })
    ).body.id as string;
    expect(await memberIds(fx.client, id)).toEqual([a]);

    const sync = await fx.client.patch(
      `/Groups/${id}`,
      patchOps(
        { path: 'members', op: 'replace', value: [{ value: b }] },
        { op: 'replace', path: 'displayName', value: 'platform' },
        { op: 'replace', path: 'externalId', value: 'd00dfeed-5678-4abc-9def-0123456789ab' },
      ),
    );
    expect(sync.status).toBe(204);
    const group = (await fx.client.get(`/Groups/${id}`)).body;
    expect(group).toMatchObject({
      displayName: 'platform',
      externalId: 'd00dfeed-5678-4abc-9def-0123456789ab',
    });
    expect(await memberIds(fx.client, id)).toEqual([b]);

    const empty = await fx.client.patch(
      `/Groups/${id}`,
      patchOps(
        { path: 'members', op: 'remove' },
        { op: 'replace', path: 'displayName', value: 'platform' },
        { op: 'replace', path: 'externalId', value: KEYCLOAK_GROUP_ID },
      ),
    );
    expect(empty.status).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([]);
    expect((await fx.client.get(`/Groups/${id}`)).body.externalId).toBe(KEYCLOAK_GROUP_ID);
  });
});
