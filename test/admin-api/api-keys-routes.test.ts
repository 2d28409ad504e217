// /api/v1 API keys and the event feed: keys created for users and teams are shown once and verify; a deprovisioned
// user's key shows why it is blocked; keys name their user and team as they are now; the feed pages through the outbox.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { GROUP_SCHEMA, PATCH_OP, scimRequest, USER_SCHEMA } from '../integration/scim-request.js';
import { adminRequest, expectProblem, type AdminRequest, type Page } from './admin-request.js';

interface ApiKey {
  readonly id: string;
  readonly key?: string;
  readonly ownerType: string;
  readonly userId: string | null;
  readonly teamId: string | null;
  readonly name: string;
  readonly displayPrefix: string;
  readonly status: string;
  readonly blockedReason: string | null;
  readonly user: {
    readonly id: string;
    readonly userName: string;
    readonly displayName: string | null;
    readonly active: boolean;
  } | null;
  readonly team: { readonly id: string; readonly displayName: string } | null;
}

interface Event {
  readonly sequence: number;
  readonly type: string;
  readonly resourceId: string;
  readonly data: Record<string, unknown>;
}

interface EventPage {
  readonly items: readonly Event[];
  readonly nextCursor: string;
  readonly hasMore: boolean;
}

let t: TestApp;
let admin: AdminRequest;

beforeEach(async () => {
  t = await createTestApp();
  admin = adminRequest(t);
});
afterEach(() => t.close());

async function scimUser(userName: string, extra: object = {}): Promise<string> {
  const res = await scimRequest(t)('POST', '/Users', { schemas: [USER_SCHEMA], userName, ...extra });
  return res.body.id as string;
}

async function scimGroup(displayName: string, members: readonly string[]): Promise<string> {
  const res = await scimRequest(t)('POST', '/Groups', {
    schemas: [GROUP_SCHEMA],
    displayName,
    members: members.map((value) => ({ value })),
  });
  return res.body.id as string;
}

function verify(key: string) {
  return t.app.inject({
    method: 'GET',
    url: '/api/v1/keys/verify',
    headers: { authorization: `Bearer ${key}` },
  });
}

describe('API key routes', () => {
  it('creates a user key shown once, lists it without the key, and revokes it for good', async () => {
    const userId = await scimUser('ada@example.com');
    const created = await admin('POST', `/users/${userId}/api-keys`, {
      body: { name: 'laptop', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const key = created.json<ApiKey>();
    expect(key).toMatchObject({ ownerType: 'user', userId, teamId: null, name: 'laptop', status: 'active' });
    const user = { id: userId, userName: 'ada@example.com', displayName: null, active: true };
    expect(key).toMatchObject({ user, team: null });
    expect(key.key).toMatch(/^mk_[A-Za-z0-9_-]{43}$/);
    expect(key.key?.startsWith(key.displayPrefix)).toBe(true);
    expect((await verify(key.key ?? '')).statusCode).toBe(200);

    const listed = (await admin('GET', `/api-keys?userId=${userId}`)).json<Page<ApiKey>>();
    expect(listed.items.map((k) => k.id)).toEqual([key.id]);
    expect(listed.items[0]).toMatchObject({ user, team: null });
    expect(JSON.stringify(listed)).not.toContain(key.key);
    expect((await admin('GET', `/api-keys/${key.id}`)).json<ApiKey>()).not.toHaveProperty('key');

    const revoked = await admin('DELETE', `/api-keys/${key.id}`);
    expect(revoked.json<ApiKey>().status).toBe('revoked');
    expect((await admin('DELETE', `/api-keys/${key.id}`)).statusCode).toBe(200);
    expect((await verify(key.key ?? '')).statusCode).toBe(401);
  });

  it('creates team keys and team-bound user keys, and refuses a team the user is not in', async () => {
    const userId = await scimUser('grace@example.com');
    const team = await scimGroup('Eng', [userId]);
    const other = await scimGroup('Other', []);
    const teamKey = await admin('POST', `/teams/${team}/api-keys`, { body: { name: 'ci' } });
    expect(teamKey.statusCode).toBe(201);
    expect(teamKey.json<ApiKey>()).toMatchObject({
      ownerType: 'team',
      userId: null,
      teamId: team,
      user: null,
      team: { id: team, displayName: 'Eng' },
    });
    const bound = await admin('POST', `/users/${userId}/api-keys`, { body: { name: 'eng', teamId: team } });
    expect(bound.json<ApiKey>()).toMatchObject({
      ownerType: 'user',
      userId,
      teamId: team,
      user: { id: userId, userName: 'grace@example.com', displayName: null, active: true },
      team: { id: team, displayName: 'Eng' },
    });
    expectProblem(
      await admin('POST', `/users/${userId}/api-keys`, { body: { name: 'x', teamId: other } }),
      400,
      'bad-request',
    );
    const byTeam = (await admin('GET', `/api-keys?teamId=${team}`)).json<Page<ApiKey>>();
    expect(byTeam.items).toHaveLength(2);
    expect(byTeam.items.map((k) => k.team)).toEqual([
      { id: team, displayName: 'Eng' },
      { id: team, displayName: 'Eng' },
    ]);
  });

  it('names each key’s user and team as they are now, and null once they are deleted (ids kept)', async () => {
    const scim = scimRequest(t);
    const userId = await scimUser('alan@example.com', { displayName: 'Alan Turing' });
    const team = await scimGroup('Codebreakers', [userId]);
    const userKey = (
      await admin('POST', `/users/${userId}/api-keys`, { body: { name: 'u' } })
    ).json<ApiKey>();
    const boundKey = (
      await admin('POST', `/users/${userId}/api-keys`, { body: { name: 'b', teamId: team } })
    ).json<ApiKey>();
    const teamKey = (await admin('POST', `/teams/${team}/api-keys`, { body: { name: 't' } })).json<ApiKey>();
    const owners = async () =>
      (await admin('GET', '/api-keys')).json<Page<ApiKey>>().items.map((k) => [k.id, k.user, k.team]);

    await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    await scim('PATCH', `/Groups/${team}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Bletchley' }],
    });
    const alan = { id: userId, userName: 'alan@example.com', displayName: 'Alan Turing', active: false };
    const bletchley = { id: team, displayName: 'Bletchley' };
    expect(await owners()).toEqual([
      [userKey.id, alan, null],
      [boundKey.id, alan, bletchley],
      [teamKey.id, null, bletchley],
    ]);
    expect((await admin('GET', `/api-keys/${boundKey.id}`)).json<ApiKey>()).toMatchObject({
      user: alan,
      team: bletchley,
    });

    expect((await scim('DELETE', `/Users/${userId}`)).status).toBe(204);
    expect(await owners()).toEqual([
      [userKey.id, null, null],
      [boundKey.id, null, bletchley],
      [teamKey.id, null, bletchley],
    ]);
    expect((await admin('GET', `/api-keys/${userKey.id}`)).json<ApiKey>()).toMatchObject({
      userId,
      user: null,
      status: 'blocked',
      blockedReason: 'user_deleted',
    });
    expect((await scim('DELETE', `/Groups/${team}`)).status).toBe(204);
    expect(await owners()).toEqual([
      [userKey.id, null, null],
      [boundKey.id, null, null],
      [teamKey.id, null, null],
    ]);
    expect((await admin('GET', `/api-keys/${teamKey.id}`)).json<ApiKey>()).toMatchObject({
      teamId: team,
      team: null,
    });
  });

  it('names owners only from the key’s own organization', async () => {
    const acmeToken = await t.createOrgToken('acme');
    const theirs = await scimRequest(t)(
      'POST',
      '/Users',
      { schemas: [USER_SCHEMA], userName: 'theirs@example.com' },
      acmeToken,
    );
    const theirTeam = await scimRequest(t)(
      'POST',
      '/Groups',
      { schemas: [GROUP_SCHEMA], displayName: 'Theirs' },
      acmeToken,
    );
    // A key row of the default organization pointing at the other organization's user and team ids.
    await t.muster.store.apiKeys.insert({
      id: 'cross-org-key',
      orgId: t.muster.defaultOrganization.id,
      ownerType: 'user',
      userId: theirs.body.id as string,
      teamId: theirTeam.body.id as string,
      name: 'stray',
      keyHash: 'c'.repeat(64),
      displayPrefix: 'mk_test',
      createdAt: new Date().toISOString(),
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      blockedAt: null,
      blockedReason: null,
    });
    const listed = (await admin('GET', '/api-keys')).json<Page<ApiKey>>();
    expect(listed.items.map((k) => [k.id, k.user, k.team])).toEqual([['cross-org-key', null, null]]);
    expect((await admin('GET', '/api-keys/cross-org-key')).json<ApiKey>()).toMatchObject({
      user: null,
      team: null,
    });
    expect((await admin('GET', '/api-keys', { org: 'acme' })).json<Page<ApiKey>>().items).toEqual([]);
  });

  it('shows a deprovisioned user’s key as blocked with the reason, and active again after reactivation', async () => {
    const userId = await scimUser('leaver@example.com');
    const { id } = (await admin('POST', `/users/${userId}/api-keys`, { body: { name: 'k' } })).json<ApiKey>();
    const scim = scimRequest(t);
    await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect((await admin('GET', `/api-keys/${id}`)).json<ApiKey>()).toMatchObject({
      status: 'blocked',
      blockedReason: 'user_deactivated',
    });
    await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    });
    expect((await admin('GET', `/api-keys/${id}`)).json<ApiKey>()).toMatchObject({
      status: 'active',
      blockedReason: null,
    });
  });

  it('answers problems for unknown users, teams and keys, bad input, and keys of other organizations', async () => {
    expectProblem(await admin('POST', '/users/nope/api-keys', { body: { name: 'k' } }), 404, 'not-found');
    expectProblem(await admin('POST', '/teams/nope/api-keys', { body: { name: 'k' } }), 404, 'not-found');
    expectProblem(await admin('GET', '/api-keys/nope'), 404, 'not-found');
    // Longer than the router's default parameter limit, within the schema's: still a problem, never a bare 414.
    expectProblem(await admin('GET', `/api-keys/${'x'.repeat(150)}`), 404, 'not-found');
    const userId = await scimUser('input@example.com');
    expectProblem(await admin('POST', `/users/${userId}/api-keys`, { body: {} }), 400, 'validation-failed');
    expectProblem(
      await admin('POST', `/users/${userId}/api-keys`, { body: { name: 'k', expiresInDays: 0 } }),
      400,
      'validation-failed',
    );
    expectProblem(await admin('GET', '/api-keys?cursor=garbage!'), 400, 'invalid-cursor');
    const { id } = (await admin('POST', `/users/${userId}/api-keys`, { body: { name: 'k' } })).json<ApiKey>();
    await t.createOrgToken('acme');
    expectProblem(await admin('GET', `/api-keys/${id}`, { org: 'acme' }), 404, 'not-found');
    expectProblem(await admin('DELETE', `/api-keys/${id}`, { org: 'acme' }), 404, 'not-found');
  });

  it('pages the key list by cursor', async () => {
    const userId = await scimUser('many@example.com');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await admin('POST', `/users/${userId}/api-keys`, { body: { name: `k${i}` } })).json<ApiKey>().id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page: Page<ApiKey> = (await admin('GET', `/api-keys?limit=2${query}`)).json<Page<ApiKey>>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((k) => k.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(ids);
  });
});

describe('GET /api/v1/events', () => {
  it('pages the feed in sequence order, hands back the cursor to poll from, and filters by type', async () => {
    const userId = await scimUser('feed@example.com');
    await scimGroup('Feed', [userId]);
    const all = (await admin('GET', '/events')).json<EventPage>();
    expect(all.items.map((e) => e.type)).toEqual([
      'scim_token.created',
      'user.created',
      'team.created',
      'team.member_added',
    ]);
    expect(all.items.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(all).toMatchObject({ nextCursor: '4', hasMore: false });

    const first = (await admin('GET', '/events?limit=2')).json<EventPage>();
    expect(first).toMatchObject({ nextCursor: '2', hasMore: true });
    const rest = (await admin('GET', `/events?after=${first.nextCursor}`)).json<EventPage>();
    expect(rest.items.map((e) => e.sequence)).toEqual([3, 4]);
    const idle = (await admin('GET', '/events?after=4')).json<EventPage>();
    expect(idle).toEqual({ items: [], nextCursor: '4', hasMore: false });

    const typed = (await admin('GET', '/events?type=user.created&type=team.created')).json<EventPage>();
    expect(typed.items.map((e) => e.type)).toEqual(['user.created', 'team.created']);
    const one = (await admin('GET', '/events?type=user.created')).json<EventPage>();
    expect(one.items.map((e) => e.resourceId)).toEqual([userId]);
  });

  it('keeps organizations apart and rejects bad cursors and types', async () => {
    await scimUser('mine@example.com');
    const acmeToken = await t.createOrgToken('acme');
    await scimRequest(t)(
      'POST',
      '/Users',
      { schemas: [USER_SCHEMA], userName: 'theirs@example.com' },
      acmeToken,
    );
    const acme = (await admin('GET', '/events', { org: 'acme' })).json<EventPage>();
    expect(acme.items.map((e) => [e.type, e.data['userName'] ?? null])).toEqual([
      ['scim_token.created', null],
      ['user.created', 'theirs@example.com'],
    ]);
    expectProblem(await admin('GET', '/events?after=-1'), 400, 'validation-failed');
    expectProblem(await admin('GET', '/events?type=user.exploded'), 400, 'validation-failed');
    expectProblem(await admin('GET', '/events?limit=0'), 400, 'validation-failed');
  });
});
