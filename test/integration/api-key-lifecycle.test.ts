// API keys die with their user: SCIM deprovisioning (PATCH/PUT active=false, "False" included, DELETE) blocks every
// key of the user in the same transaction, reactivation lifts exactly those blocks, and team membership changes
// block and restore team-bound keys. Verified through GET /api/v1/keys/verify on the real app.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, uuidV7Ids } from '../../src/compose.js';
import {
  createTeamApiKey,
  createUserApiKey,
  getApiKey,
  revokeApiKey,
  type ApiKeyDeps,
} from '../../src/domain/api-keys.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { GROUP_SCHEMA, PATCH_OP, scimRequest, USER_SCHEMA, type ScimRequest } from './scim-request.js';

let t: TestApp;
let scim: ScimRequest;
let deps: ApiKeyDeps;
let orgId: string;

beforeEach(async () => {
  t = await createTestApp();
  scim = scimRequest(t);
  deps = { store: t.muster.store, clock: systemClock, ids: uuidV7Ids };
  orgId = t.muster.defaultOrganization.id;
});
afterEach(() => t.close());

async function verify(key: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/v1/keys/verify',
    headers: { authorization: `Bearer ${key}`, ...headers },
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: JSON.parse(res.body) as Record<string, unknown>,
  };
}

async function createUser(userName: string): Promise<string> {
  const res = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName, active: true });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function createGroup(displayName: string, memberIds: readonly string[]): Promise<string> {
  const res = await scim('POST', '/Groups', {
    schemas: [GROUP_SCHEMA],
    displayName,
    members: memberIds.map((value) => ({ value })),
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const entraDeactivate = {
  schemas: [PATCH_OP],
  Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
};

describe('GET /api/v1/keys/verify', () => {
  it('answers 200 with the user, the teams and the org, in the body and as X-Muster-* headers', async () => {
    const userId = await createUser('ada@example.com');
    const eng = await createGroup('Engineering', [userId]);
    const ops = await createGroup('Ops', [userId]);
    const { key, apiKey } = await createUserApiKey(deps, orgId, userId, { name: 'laptop' });
    expect(key).toMatch(/^mk_[A-Za-z0-9_-]{43}$/);

    const res = await verify(key);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      valid: true,
      key: { id: apiKey.id, name: 'laptop', ownerType: 'user', expiresAt: null },
      org: { id: orgId, slug: 'default' },
      user: { id: userId, userName: 'ada@example.com', displayName: null },
      teams: [
        { id: eng, displayName: 'Engineering' },
        { id: ops, displayName: 'Ops' },
      ],
    });
    expect(res.headers['x-muster-user-id']).toBe(userId);
    expect(res.headers['x-muster-org-id']).toBe(orgId);
    expect(res.headers['x-muster-team-ids']).toBe(`${eng},${ops}`);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('accepts X-Api-Key, any method and any sub-path (Envoy ext_authz appends the original path)', async () => {
    const userId = await createUser('grace@example.com');
    const { key } = await createUserApiKey(deps, orgId, userId, { name: 'k' });
    const byHeader = await t.app.inject({
      method: 'GET',
      url: '/api/v1/keys/verify',
      headers: { 'x-api-key': key },
    });
    expect(byHeader.statusCode).toBe(200);
    const envoy = await t.app.inject({
      method: 'POST',
      url: '/api/v1/keys/verify/v1/chat/completions?stream=true',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(envoy.statusCode).toBe(200);
    expect(envoy.headers['x-muster-user-id']).toBe(userId);
  });

  it('ignores whatever body and media type a proxy forwards with the request', async () => {
    const userId = await createUser('bodies@example.com');
    const { key } = await createUserApiKey(deps, orgId, userId, { name: 'k' });
    const bodies: [string, string][] = [
      ['application/json', ''],
      ['application/json', '{"model":"x"}'],
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'a=1'],
      ['application/octet-stream', 'binary'],
    ];
    for (const [type, payload] of bodies) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/keys/verify/v1/chat',
        headers: { authorization: `Bearer ${key}`, 'content-type': type },
        payload,
      });
      expect(res.statusCode, `${type} ${payload}`).toBe(200);
    }
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/keys/verify',
      headers: { authorization: 'Bearer nope', 'content-type': 'application/json' },
      payload: '{',
    });
    expect(refused.statusCode).toBe(401);
  });

  it('answers 401 problem+json with WWW-Authenticate for a missing, malformed or unknown key', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/keys/verify' });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(JSON.parse(missing.body)).toMatchObject({ status: 401, title: 'Unauthorized' });
    for (const key of ['nope', `mk_${'a'.repeat(43)}`, t.token]) {
      const res = await verify(key);
      expect(res.status).toBe(401);
      expect(res.headers['x-muster-user-id']).toBeUndefined();
    }
  });

  it('gives a team key its team and no user', async () => {
    const team = await createGroup('Platform', []);
    const { key } = await createTeamApiKey(deps, orgId, team, { name: 'ci' });
    const res = await verify(key);
    expect(res.status).toBe(200);
    expect(res.body['user']).toBeNull();
    expect(res.body['teams']).toEqual([{ id: team, displayName: 'Platform' }]);
    expect(res.headers['x-muster-user-id']).toBeUndefined();
    expect(res.headers['x-muster-team-ids']).toBe(team);
  });

  it('gives a team-bound user key only its team', async () => {
    const userId = await createUser('bound@example.com');
    const eng = await createGroup('Engineering', [userId]);
    await createGroup('Ops', [userId]);
    const { key } = await createUserApiKey(deps, orgId, userId, { name: 'eng only', teamId: eng });
    expect((await verify(key)).body['teams']).toEqual([{ id: eng, displayName: 'Engineering' }]);
  });

  it('refuses to create a key bound to a team the user is not in, or for a deactivated user', async () => {
    const userId = await createUser('outsider@example.com');
    const other = await createGroup('Other', []);
    await expect(createUserApiKey(deps, orgId, userId, { name: 'k', teamId: other })).rejects.toMatchObject({
      status: 400,
    });
    expect((await scim('PATCH', `/Users/${userId}`, entraDeactivate)).status).toBe(200);
    await expect(createUserApiKey(deps, orgId, userId, { name: 'k' })).rejects.toMatchObject({ status: 409 });
  });
});

describe('deprovisioning through SCIM', () => {
  it('blocks every key of a user Entra deactivates ("False") for the very next call, and reactivation restores them', async () => {
    const userId = await createUser('leaver@example.com');
    const first = await createUserApiKey(deps, orgId, userId, { name: 'one' });
    const second = await createUserApiKey(deps, orgId, userId, { name: 'two' });
    expect((await verify(first.key)).status).toBe(200);

    expect((await scim('PATCH', `/Users/${userId}`, entraDeactivate)).status).toBe(200);
    expect((await verify(first.key)).status).toBe(401);
    expect((await verify(second.key)).status).toBe(401);
    expect(await getApiKey(deps, orgId, first.apiKey.id)).toMatchObject({
      status: 'blocked',
      blockedReason: 'user_deactivated',
    });

    const reactivate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] };
    expect((await scim('PATCH', `/Users/${userId}`, reactivate)).status).toBe(200);
    expect((await verify(first.key)).status).toBe(200);
    expect((await verify(second.key)).status).toBe(200);
    expect(await getApiKey(deps, orgId, first.apiKey.id)).toMatchObject({
      status: 'active',
      blockedReason: null,
    });
  });

  it('keeps a key an admin revoked revoked when the user is reactivated', async () => {
    const userId = await createUser('revoked@example.com');
    const kept = await createUserApiKey(deps, orgId, userId, { name: 'kept' });
    const revoked = await createUserApiKey(deps, orgId, userId, { name: 'revoked' });
    await revokeApiKey(deps, orgId, revoked.apiKey.id);
    const user = (await scim('GET', `/Users/${userId}`)).body as Record<string, unknown>;
    expect((await scim('PUT', `/Users/${userId}`, { ...user, active: false })).status).toBe(200);
    expect((await verify(kept.key)).status).toBe(401);
    expect((await scim('PUT', `/Users/${userId}`, { ...user, active: true })).status).toBe(200);
    expect((await verify(kept.key)).status).toBe(200);
    expect((await verify(revoked.key)).status).toBe(401);
    expect((await getApiKey(deps, orgId, revoked.apiKey.id)).status).toBe('revoked');
  });

  it('blocks the keys of a deleted user for good, with the reason shown', async () => {
    const userId = await createUser('deleted@example.com');
    const team = await createGroup('Team', [userId]);
    const { key, apiKey } = await createUserApiKey(deps, orgId, userId, { name: 'k', teamId: team });
    expect((await scim('PATCH', `/Users/${userId}`, entraDeactivate)).status).toBe(200);
    expect((await scim('DELETE', `/Users/${userId}`)).status).toBe(204);
    expect((await verify(key)).status).toBe(401);
    expect(await getApiKey(deps, orgId, apiKey.id)).toMatchObject({
      status: 'blocked',
      blockedReason: 'user_deleted',
    });
  });

  it('blocks a team-bound key when its user leaves the team and restores it when the user rejoins', async () => {
    const userId = await createUser('mover@example.com');
    const other = await createUser('other@example.com');
    const team = await createGroup('Team', [userId, other]);
    const bound = await createUserApiKey(deps, orgId, userId, { name: 'bound', teamId: team });
    const unbound = await createUserApiKey(deps, orgId, userId, { name: 'unbound' });

    const remove = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${userId}"]` }],
    };
    expect((await scim('PATCH', `/Groups/${team}`, remove)).status).toBe(204);
    expect((await verify(bound.key)).status).toBe(401);
    expect((await verify(unbound.key)).status).toBe(200);
    expect((await getApiKey(deps, orgId, bound.apiKey.id)).blockedReason).toBe('team_membership_removed');

    const add = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: userId }] }],
    };
    expect((await scim('PATCH', `/Groups/${team}`, add)).status).toBe(204);
    expect((await verify(bound.key)).status).toBe(200);
  });

  it('does not unblock a team-removed key on reactivation, nor a deactivated user’s key on rejoining', async () => {
    const userId = await createUser('both@example.com');
    const team = await createGroup('Team', [userId]);
    const bound = await createUserApiKey(deps, orgId, userId, { name: 'bound', teamId: team });
    const replaceMembers = (ids: string[]) => ({
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'members', value: ids.map((value) => ({ value })) }],
    });
    expect((await scim('PATCH', `/Groups/${team}`, replaceMembers([]))).status).toBe(204);
    expect((await scim('PATCH', `/Users/${userId}`, entraDeactivate)).status).toBe(200);
    const reactivate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: true }] };
    expect((await scim('PATCH', `/Users/${userId}`, reactivate)).status).toBe(200);
    expect((await verify(bound.key)).status).toBe(401);

    expect((await scim('PATCH', `/Users/${userId}`, entraDeactivate)).status).toBe(200);
    expect((await scim('PATCH', `/Groups/${team}`, replaceMembers([userId]))).status).toBe(204);
    expect((await verify(bound.key)).status).toBe(401);
    expect((await getApiKey(deps, orgId, bound.apiKey.id)).blockedReason).toBe('user_deactivated');
    expect((await scim('PATCH', `/Users/${userId}`, reactivate)).status).toBe(200);
    expect((await verify(bound.key)).status).toBe(200);
  });

  it('keeps a team-bound key blocked, for the team, when its user is reactivated after leaving the team', async () => {
    const userId = await createUser('left-while-out@example.com');
    const team = await createGroup('Team', [userId]);
    const bound = await createUserApiKey(deps, orgId, userId, { name: 'bound', teamId: team });
    const unbound = await createUserApiKey(deps, orgId, userId, { name: 'unbound' });
    expect((await scim('PATCH', `/Users/${userId}`, entraDeactivate)).status).toBe(200);
    const remove = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${userId}"]` }],
    };
    expect((await scim('PATCH', `/Groups/${team}`, remove)).status).toBe(204);
    const reactivate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: true }] };
    expect((await scim('PATCH', `/Users/${userId}`, reactivate)).status).toBe(200);

    expect((await verify(unbound.key)).status).toBe(200);
    expect((await verify(bound.key)).status).toBe(401);
    expect(await getApiKey(deps, orgId, bound.apiKey.id)).toMatchObject({
      status: 'blocked',
      blockedReason: 'team_membership_removed',
    });
    const add = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: userId }] }],
    };
    expect((await scim('PATCH', `/Groups/${team}`, add)).status).toBe(204);
    expect((await verify(bound.key)).status).toBe(200);
  });

  it('blocks a team’s keys and the keys bound to it when the team is deleted, and reactivation does not revive them', async () => {
    const userId = await createUser('member@example.com');
    const team = await createGroup('Doomed', [userId]);
    const teamKey = await createTeamApiKey(deps, orgId, team, { name: 'team' });
    const bound = await createUserApiKey(deps, orgId, userId, { name: 'bound', teamId: team });
    expect((await scim('PATCH', `/Users/${userId}`, entraDeactivate)).status).toBe(200);
    expect((await scim('DELETE', `/Groups/${team}`)).status).toBe(204);
    const reactivate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: true }] };
    expect((await scim('PATCH', `/Users/${userId}`, reactivate)).status).toBe(200);
    expect((await verify(teamKey.key)).status).toBe(401);
    expect((await verify(bound.key)).status).toBe(401);
    expect((await getApiKey(deps, orgId, teamKey.apiKey.id)).blockedReason).toBe('team_deleted');
    expect((await getApiKey(deps, orgId, bound.apiKey.id)).blockedReason).toBe('team_deleted');
  });

  it('never lets a user’s key through from another organization’s SCIM token', async () => {
    const otherToken = await t.createOrgToken('acme');
    const userId = await createUser('tenant@example.com');
    const { key } = await createUserApiKey(deps, orgId, userId, { name: 'k' });
    // acme's token cannot see, let alone deactivate, the default org's user.
    expect((await scim('PATCH', `/Users/${userId}`, entraDeactivate, otherToken)).status).toBe(404);
    expect((await verify(key)).status).toBe(200);
  });
});
