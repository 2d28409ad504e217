// Auth0's outbound SCIM event-stream Action (auth0/opensource-marketplace templates/outbound-scim-EVENT_STREAM):
// user.created → POST /Users (externalId = Auth0 user_id), with re-delivered events answered 409 and reconciled by
// `externalId eq "auth0|…"` (encodeURIComponent-encoded); user.updated → lookup then PUT (blocked → active false);
// user.deleted → lookup then DELETE, where a repeated DELETE is 404. Ids are the ids this server returned.
import { describe, expect, it } from 'vitest';
import { USER_SCHEMA, useScimApp } from '../scim-client.js';

const fx = useScimApp();

const AUTH0_USER_ID = 'auth0|65f1a2b3c4d5e6f7a8b9c0d1';

/** buildScimUser() of the template for an Auth0 profile. */
function auth0ScimUser(overrides: { blocked?: boolean; givenName?: string } = {}): Record<string, unknown> {
  const givenName = overrides.givenName ?? 'Jane';
  return {
    schemas: [USER_SCHEMA],
    externalId: AUTH0_USER_ID,
    active: overrides.blocked !== true,
    userName: 'jane.doe@auth0.example',
    emails: [{ value: 'jane.doe@auth0.example', type: 'work', primary: true }],
    name: { givenName, familyName: 'Doe', formatted: `${givenName} Doe` },
    displayName: `${givenName} Doe`,
    nickName: 'jane.doe',
  };
}

/** searchUser(): `GET /Users?filter=${encodeURIComponent('externalId eq "…"')}` → the first Resource or null. */
async function findByExternalId(): Promise<{ id: string; externalId?: string } | null> {
  const res = await fx.client.get(`/Users?filter=${encodeURIComponent(`externalId eq "${AUTH0_USER_ID}"`)}`);
  expect(res.status).toBe(200);
  expect(Array.isArray(res.body.Resources)).toBe(true);
  return (res.body.Resources[0] as { id: string; externalId?: string } | undefined) ?? null;
}

describe('Auth0 outbound SCIM', () => {
  it('answers a re-delivered user.created with 409 and still holds exactly one user with that externalId', async () => {
    const first = await fx.client.post('/Users', auth0ScimUser());
    expect(first.status).toBe(201);
    expect(first.body.externalId).toBe(AUTH0_USER_ID);

    const retry = await fx.client.post('/Users', auth0ScimUser());
    expect(retry.status).toBe(409);
    expect(retry.body).toMatchObject({ status: '409', scimType: 'uniqueness' });

    // The template treats the 409 as a duplicate delivery only when the lookup returns the same externalId.
    const found = await findByExternalId();
    expect(found).toMatchObject({ id: first.body.id, externalId: AUTH0_USER_ID });
    const all = await fx.client.get(
      `/Users?filter=${encodeURIComponent(`externalId eq "${AUTH0_USER_ID}"`)}`,
    );
    expect(all.body.totalResults).toBe(1);
    expect((await fx.client.get('/Users')).body.totalResults).toBe(1);
  });

  it('handles user.updated by lookup then PUT, and a blocked user by PUT with active false', async () => {
    const id = (await fx.client.post('/Users', auth0ScimUser())).body.id as string;
    const remote = await findByExternalId();
    expect(remote?.id).toBe(id);

    const updated = await fx.client.put(
      `/Users/${encodeURIComponent(id)}`,
      auth0ScimUser({ givenName: 'Janet' }),
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id,
      displayName: 'Janet Doe',
      name: { givenName: 'Janet' },
      active: true,
    });

    const blocked = await fx.client.put(`/Users/${encodeURIComponent(id)}`, auth0ScimUser({ blocked: true }));
    expect(blocked.status).toBe(200);
    expect(blocked.body.active).toBe(false);
    expect((await fx.client.get(`/Users/${id}`)).body.active).toBe(false);
  });

  it('handles user.deleted: DELETE 204, a second DELETE 404, and the lookup then finds Resources []', async () => {
    const id = (await fx.client.post('/Users', auth0ScimUser())).body.id as string;
    expect((await fx.client.delete(`/Users/${id}`)).status).toBe(204);
    const again = await fx.client.delete(`/Users/${id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ status: '404' });
    const res = await fx.client.get(
      `/Users?filter=${encodeURIComponent(`externalId eq "${AUTH0_USER_ID}"`)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalResults: 0, Resources: [] });
  });
});
