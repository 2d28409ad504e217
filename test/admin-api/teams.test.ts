// /api/v1/teams and /teams/{id}/members: admin-managed teams (SCIM Groups), idempotent membership changes that emit
// their events, bump the team's version as SCIM does, and block or restore team-bound API keys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '../../src/domain/ports.js';
import { GROUP_SCHEMA, scimRequest, USER_SCHEMA } from '../integration/scim-request.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminRequest, expectProblem, type AdminRequest, type Page } from './admin-request.js';

interface TeamJson {
  readonly id: string;
  readonly displayName: string;
  readonly externalId: string | null;
  readonly managedBy: 'scim' | 'admin';
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly members?: readonly MemberJson[];
  readonly memberCount?: number;
}

interface MemberJson {
  readonly id: string;
  readonly type: 'User' | 'Group';
  readonly display: string | null;
  readonly userName: string | null;
  readonly email: string | null;
  readonly active: boolean | null;
}

let t: TestApp;
let api: AdminRequest;
let orgId: string;

beforeEach(async () => {
  t = await createTestApp();
  api = adminRequest(t);
  orgId = t.muster.defaultOrganization.id;
});
afterEach(() => t.close());

async function createTeam(body: object): Promise<TeamJson> {
  const res = await api('POST', '/teams', { body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TeamJson>();
}

async function createUser(userName: string, extra: object = {}): Promise<string> {
  const res = await api('POST', '/users', { body: { userName, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function eventTypes(): Promise<string[]> {
  const events = await t.muster.store.events.list(orgId, 0, 1000);
  return events.filter((e) => e.resourceType === 'team').map((e) => e.type);
}

function scimGroup(id: string) {
  return t.app.inject({
    method: 'GET',
    url: `/scim/v2/Groups/${id}`,
    headers: { authorization: `Bearer ${t.token}` },
  });
}

describe('teams', () => {
  it('creates an admin-managed team that SCIM shows too', async () => {
    const team = await createTeam({ displayName: 'Engineering', externalId: 'eng' });
    expect(team).toEqual({
      id: expect.any(String),
      displayName: 'Engineering',
      externalId: 'eng',
      managedBy: 'admin',
      createdAt: team.createdAt,
      updatedAt: team.createdAt,
    });
    expect((await scimGroup(team.id)).json()).toMatchObject({
      displayName: 'Engineering',
      externalId: 'eng',
    });
    expect(await eventTypes()).toEqual(['team.created']);
  });

  it('lists teams filtered by q and managedBy, paged', async () => {
    await createTeam({ displayName: 'Engineering' });
    await createTeam({ displayName: 'Sales' });
    await createTeam({ displayName: 'Platform engineering' });
    const names = async (query: string) =>
      (await api('GET', `/teams${query}`)).json<Page<TeamJson>>().items.map((x) => x.displayName);
    expect(await names('?q=ENGINEER')).toEqual(['Engineering', 'Platform engineering']);
    expect(await names('?managedBy=scim')).toEqual([]);
    const first = (await api('GET', '/teams?limit=2')).json<Page<TeamJson>>();
    expect(first.items.map((x) => x.displayName)).toEqual(['Engineering', 'Sales']);
    const rest = (await api('GET', `/teams?limit=2&cursor=${first.nextCursor ?? ''}`)).json<Page<TeamJson>>();
    expect(rest).toEqual({
      items: [expect.objectContaining({ displayName: 'Platform engineering' })],
      nextCursor: null,
    });
  });

  it('lists each team with its direct member count, from its own organization only', async () => {
    const eng = await createTeam({ displayName: 'Engineering' });
    const empty = await createTeam({ displayName: 'Empty' });
    for (const name of ['ada', 'bob']) await api('PUT', `/teams/${eng.id}/members/${await createUser(name)}`);
    // A nested team counts as a member too.
    const nested = await scimRequest(t)('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Platform',
      members: [{ value: eng.id }],
    });
    const acmeToken = await t.createOrgToken('acme');
    const acmeScim = (path: string, body: object) => scimRequest(t)('POST', path, body, acmeToken);
    const theirs = await acmeScim('/Users', { schemas: [USER_SCHEMA], userName: 'theirs' });
    await acmeScim('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Theirs',
      members: [{ value: theirs.body.id as string }],
    });
    const counts = async (org?: string) =>
      (await api('GET', '/teams', org === undefined ? {} : { org }))
        .json<Page<TeamJson>>()
        .items.map((x) => [x.id, x.memberCount]);
    expect(await counts()).toEqual([
      [eng.id, 2],
      [empty.id, 0],
      [nested.body.id, 1],
    ]);
    expect((await counts('acme')).map(([, count]) => count)).toEqual([1]);
    const filtered = (await api('GET', '/teams?q=empty')).json<Page<TeamJson>>();
    expect(filtered.items).toEqual([{ ...empty, memberCount: 0 }]);
  });

  it('renames a team (null clears externalId) with a team.updated event', async () => {
    const team = await createTeam({ displayName: 'Eng', externalId: 'x' });
    const res = await api('PATCH', `/teams/${team.id}`, {
      body: { displayName: 'Engineering', externalId: null },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TeamJson>()).toMatchObject({ displayName: 'Engineering', externalId: null });
    expect(await eventTypes()).toEqual(['team.created', 'team.updated']);
  });

  it('deletes a team: gone from both APIs, its keys blocked for good', async () => {
    const team = await createTeam({ displayName: 'Eng' });
    const key: ApiKeyRecord = {
      id: 'team-key',
      orgId,
      ownerType: 'team',
      userId: null,
      teamId: team.id,
      name: 'ci',
      keyHash: 'a'.repeat(64),
      displayPrefix: 'mk_test',
      createdAt: new Date().toISOString(),
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      blockedAt: null,
      blockedReason: null,
    };
    await t.muster.store.apiKeys.insert(key);
    expect((await api('DELETE', `/teams/${team.id}`)).statusCode).toBe(204);
    expectProblem(await api('GET', `/teams/${team.id}`), 404, 'not-found');
    expect((await scimGroup(team.id)).statusCode).toBe(404);
    expect((await t.muster.store.apiKeys.get(orgId, key.id))?.blockedReason).toBe('team_deleted');
    expect(await eventTypes()).toEqual(['team.created', 'team.deleted']);
  });

  it.each([
    ['POST', '/teams', { displayName: '' }],
    ['POST', '/teams', { displayName: 'x', members: [] }],
  ] as const)('%s %s %j → 400', async (method, path, body) => {
    expectProblem(await api(method, path, { body }), 400, 'validation-failed');
  });
});

describe('team members', () => {
  it('adds and removes users idempotently; GET lists them in joining order', async () => {
    const team = await createTeam({ displayName: 'Eng' });
    const ada = await createUser('ada');
    const bob = await createUser('bob');
    for (const id of [ada, bob, ada]) {
      expect((await api('PUT', `/teams/${team.id}/members/${id}`)).statusCode).toBe(204);
    }
    const members = (await api('GET', `/teams/${team.id}/members`)).json<Page<MemberJson>>();
    const user = { type: 'User', email: null, active: true };
    expect(members).toEqual({
      items: [
        { ...user, id: ada, display: 'ada', userName: 'ada' },
        { ...user, id: bob, display: 'bob', userName: 'bob' },
      ],
      nextCursor: null,
    });
    expect((await api('GET', `/teams/${team.id}`)).json<TeamJson>().members).toEqual(members.items);

    for (let i = 0; i < 2; i += 1) {
      expect((await api('DELETE', `/teams/${team.id}/members/${ada}`)).statusCode).toBe(204);
    }
    const after = (await api('GET', `/teams/${team.id}/members`)).json<Page<MemberJson>>();
    expect(after.items.map((m) => m.id)).toEqual([bob]);
    expect(await eventTypes()).toEqual([
      'team.created',
      'team.member_added',
      'team.member_added',
      'team.member_removed',
    ]);
  });

  it('lists each member with its userName, primary (else first) email and active, read with the list', async () => {
    const team = await createTeam({ displayName: 'Eng' });
    const ada = await createUser('ada', {
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@home.example' }, { value: 'ada@example.com', primary: true }],
    });
    const bob = await createUser('bob', {
      emails: [{ value: 'bob@example.com' }, { value: 'bob@home.example' }],
    });
    const eve = await createUser('eve');
    for (const id of [ada, bob, eve]) await api('PUT', `/teams/${team.id}/members/${id}`);
    const sub = await scimRequest(t)('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Sub' });
    const subId = sub.body.id as string;
    await scimRequest(t)('PATCH', `/Groups/${team.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: subId }] }],
    });
    await api('PATCH', `/users/${eve}`, { body: { active: false } });

    const members = (await api('GET', `/teams/${team.id}/members`)).json<Page<MemberJson>>().items;
    expect(members).toEqual([
      {
        id: ada,
        type: 'User',
        display: 'Ada Lovelace',
        userName: 'ada',
        email: 'ada@example.com',
        active: true,
      },
      { id: bob, type: 'User', display: 'bob', userName: 'bob', email: 'bob@example.com', active: true },
      { id: eve, type: 'User', display: 'eve', userName: 'eve', email: null, active: false },
      { id: subId, type: 'Group', display: 'Sub', userName: null, email: null, active: null },
    ]);
    expect((await api('GET', `/teams/${team.id}`)).json<TeamJson>().members).toEqual(members);
    // Another organization sees neither the team nor its members.
    await t.createOrgToken('acme');
    expectProblem(await api('GET', `/teams/${team.id}/members`, { org: 'acme' }), 404, 'not-found');
  });

  it('a membership change is a new version of the team for SCIM (its ETag changes)', async () => {
    const team = await createTeam({ displayName: 'Eng' });
    const ada = await createUser('ada');
    const before = (await scimGroup(team.id)).headers['etag'];
    await api('PUT', `/teams/${team.id}/members/${ada}`);
    const after = await scimGroup(team.id);
    expect(after.headers['etag']).not.toBe(before);
    expect(after.json()).toMatchObject({ members: [{ value: ada, type: 'User' }] });
  });

  it('pages the member list', async () => {
    const team = await createTeam({ displayName: 'Eng' });
    for (const name of ['a', 'b', 'c'])
      await api('PUT', `/teams/${team.id}/members/${await createUser(name)}`);
    const first = (await api('GET', `/teams/${team.id}/members?limit=2`)).json<Page<MemberJson>>();
    expect(first.items.map((m) => m.display)).toEqual(['a', 'b']);
    const rest = (
      await api('GET', `/teams/${team.id}/members?limit=2&cursor=${first.nextCursor ?? ''}`)
    ).json<Page<MemberJson>>();
    expect(rest).toEqual({ items: [expect.objectContaining({ display: 'c' })], nextCursor: null });
  });

  it('leaving a team blocks the user’s keys bound to it; rejoining restores them', async () => {
    const team = await createTeam({ displayName: 'Eng' });
    const ada = await createUser('ada');
    await api('PUT', `/teams/${team.id}/members/${ada}`);
    await t.muster.store.apiKeys.insert({
      id: 'bound-key',
      orgId,
      ownerType: 'user',
      userId: ada,
      teamId: team.id,
      name: 'laptop',
      keyHash: 'b'.repeat(64),
      displayPrefix: 'mk_test',
      createdAt: new Date().toISOString(),
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      blockedAt: null,
      blockedReason: null,
    });
    await api('DELETE', `/teams/${team.id}/members/${ada}`);
    expect((await t.muster.store.apiKeys.get(orgId, 'bound-key'))?.blockedReason).toBe(
      'team_membership_removed',
    );
    await api('PUT', `/teams/${team.id}/members/${ada}`);
    expect((await t.muster.store.apiKeys.get(orgId, 'bound-key'))?.blockedReason).toBeNull();
  });

  it('an unknown team or user → 404', async () => {
    const team = await createTeam({ displayName: 'Eng' });
    const ada = await createUser('ada');
    expectProblem(await api('PUT', `/teams/nope/members/${ada}`), 404, 'not-found');
    expectProblem(await api('PUT', `/teams/${team.id}/members/nope`), 404, 'not-found');
    expectProblem(await api('GET', '/teams/nope/members'), 404, 'not-found');
  });
});
