// /api/v1/users: admin-managed users in canonical SCIM form (SCIM GET shows the same user), filters and cursor paging,
// and writes that emit their events and block API keys in the same transaction, as SCIM writes do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '../../src/domain/ports.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminRequest, expectProblem, type AdminRequest, type Page } from './admin-request.js';

interface UserJson {
  readonly id: string;
  readonly userName: string;
  readonly displayName: string | null;
  readonly name: { readonly givenName: string | null; readonly familyName: string | null };
  readonly emails: readonly {
    readonly value: string;
    readonly type: string | null;
    readonly primary: boolean;
  }[];
  readonly active: boolean;
  readonly externalId: string | null;
  readonly managedBy: 'scim' | 'admin';
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly teams?: readonly { readonly id: string; readonly displayName: string }[];
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

async function createUser(body: object): Promise<UserJson> {
  const res = await api('POST', '/users', { body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<UserJson>();
}

/** The events of user, team and API key changes (the test app's own SCIM token has one too). */
async function eventTypes(): Promise<string[]> {
  const events = await t.muster.store.events.list(orgId, 0, 1000);
  return events.filter((e) => e.resourceType !== 'scim_token').map((e) => e.type);
}

function scimGet(path: string) {
  return t.app.inject({
    method: 'GET',
    url: `/scim/v2${path}`,
    headers: { authorization: `Bearer ${t.token}` },
  });
}

async function apiKeyOf(userId: string): Promise<ApiKeyRecord> {
  const key: ApiKeyRecord = {
    id: `key-${userId}`,
    orgId,
    ownerType: 'user',
    userId,
    teamId: null,
    name: 'laptop',
    keyHash: userId.replaceAll('-', '').padEnd(64, '0').slice(0, 64),
    displayPrefix: 'mk_test',
    createdAt: new Date().toISOString(),
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    blockedAt: null,
    blockedReason: null,
  };
  await t.muster.store.apiKeys.insert(key);
  return key;
}

describe('POST /users', () => {
  it('creates an admin-managed user that SCIM shows with the same canonical attributes', async () => {
    const user = await createUser({
      userName: 'ada@example.com',
      displayName: 'Ada Lovelace',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: 'ada@example.com' }, { value: 'ada@home.example', type: 'home' }],
      externalId: 'hr-1',
    });
    expect(user).toEqual({
      id: expect.any(String),
      userName: 'ada@example.com',
      displayName: 'Ada Lovelace',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [
        { value: 'ada@example.com', type: 'work', primary: true },
        { value: 'ada@home.example', type: 'home', primary: false },
      ],
      active: true,
      externalId: 'hr-1',
      managedBy: 'admin',
      createdAt: user.createdAt,
      updatedAt: user.createdAt,
    });
    const scim = await scimGet(`/Users/${user.id}`);
    expect(scim.statusCode).toBe(200);
    expect(scim.json()).toMatchObject({
      id: user.id,
      userName: 'ada@example.com',
      displayName: 'Ada Lovelace',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [
        { value: 'ada@example.com', type: 'work', primary: true },
        { value: 'ada@home.example', type: 'home', primary: false },
      ],
      active: true,
      externalId: 'hr-1',
    });
    expect(await eventTypes()).toContain('user.created');
  });

  it('a user may be created inactive; two primary addresses → 400', async () => {
    expect((await createUser({ userName: 'bo', active: false })).active).toBe(false);
    const twoPrimaries = {
      userName: 'cy',
      emails: [
        { value: 'a@example.com', primary: true },
        { value: 'b@example.com', primary: true },
      ],
    };
    expectProblem(await api('POST', '/users', { body: twoPrimaries }), 400, 'bad-request');
  });
});

describe('GET /users and /users/{id}', () => {
  beforeEach(async () => {
    await createUser({ userName: 'ada', emails: [{ value: 'ada@analytical.example' }] });
    await createUser({ userName: 'bob', displayName: 'Bobby Tables', active: false });
    await createUser({ userName: 'cy' });
    const scim = await t.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/scim+json' },
      payload: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'idp-dee' },
    });
    expect(scim.statusCode).toBe(201);
  });

  async function names(query: string): Promise<string[]> {
    const res = await api('GET', `/users${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page<UserJson>>().items.map((u) => u.userName);
  }

  it.each([
    ['', ['ada', 'bob', 'cy', 'idp-dee']],
    ['?active=false', ['bob']],
    ['?active=true', ['ada', 'cy', 'idp-dee']],
    ['?q=TABLES', ['bob']],
    ['?q=analytical', ['ada']],
    ['?managedBy=scim', ['idp-dee']],
    ['?managedBy=admin&active=true', ['ada', 'cy']],
  ])('%s → %j', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('pages with an opaque cursor until nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const res = await api('GET', `/users?limit=3${cursor === '' ? '' : `&cursor=${cursor}`}`);
      const page: Page<UserJson> = res.json<Page<UserJson>>();
      seen.push(...page.items.map((u) => u.userName));
      cursor = page.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(['ada', 'bob', 'cy', 'idp-dee']);
  });

  it('gets a user with its teams; an unknown id → 404', async () => {
    const ada = (await api('GET', '/users?q=ada')).json<Page<UserJson>>().items[0];
    const team = (await api('POST', '/teams', { body: { displayName: 'Eng' } })).json<{ id: string }>();
    expect((await api('PUT', `/teams/${team.id}/members/${ada?.id ?? ''}`)).statusCode).toBe(204);
    const got = (await api('GET', `/users/${ada?.id ?? ''}`)).json<UserJson>();
    expect(got).toMatchObject({ userName: 'ada', teams: [{ id: team.id, displayName: 'Eng' }] });
    expectProblem(await api('GET', '/users/nope'), 404, 'not-found');
  });
});

describe('PATCH /users/{id}', () => {
  it('changes only the fields sent (null clears), with a user.updated event', async () => {
    const user = await createUser({
      userName: 'ada',
      displayName: 'Ada',
      name: { givenName: 'Ada', familyName: 'Byron' },
      externalId: 'x1',
    });
    const res = await api('PATCH', `/users/${user.id}`, {
      body: { name: { familyName: 'Lovelace' }, externalId: null },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<UserJson>()).toMatchObject({
      userName: 'ada',
      displayName: 'Ada',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      externalId: null,
      managedBy: 'admin',
    });
    expect((await scimGet(`/Users/${user.id}`)).json()).not.toHaveProperty('externalId');
    expect(await eventTypes()).toEqual(['user.created', 'user.updated']);
  });

  it('deactivation blocks the user’s API keys in the same write; reactivation lifts the block', async () => {
    const user = await createUser({ userName: 'ada' });
    const key = await apiKeyOf(user.id);
    expect((await api('PATCH', `/users/${user.id}`, { body: { active: false } })).statusCode).toBe(200);
    expect((await t.muster.store.apiKeys.get(orgId, key.id))?.blockedReason).toBe('user_deactivated');
    expect(await eventTypes()).toEqual(expect.arrayContaining(['user.deactivated', 'api_key.blocked']));
    expect((await api('PATCH', `/users/${user.id}`, { body: { active: true } })).statusCode).toBe(200);
    expect((await t.muster.store.apiKeys.get(orgId, key.id))?.blockedReason).toBeNull();
  });

  it('a change that changes nothing writes nothing', async () => {
    const user = await createUser({ userName: 'ada', displayName: 'Ada' });
    const res = await api('PATCH', `/users/${user.id}`, { body: { displayName: 'Ada' } });
    expect(res.json<UserJson>().updatedAt).toBe(user.updatedAt);
    expect(await eventTypes()).toEqual(['user.created']);
  });

  it('a taken userName → 409; an empty body → 400; an unknown user → 404', async () => {
    await createUser({ userName: 'ada' });
    const bob = await createUser({ userName: 'bob' });
    expectProblem(await api('PATCH', `/users/${bob.id}`, { body: { userName: 'Ada' } }), 409, 'conflict');
    expectProblem(await api('PATCH', `/users/${bob.id}`, { body: {} }), 400, 'validation-failed');
    expectProblem(await api('PATCH', '/users/nope', { body: { displayName: 'x' } }), 404, 'not-found');
  });
});

describe('DELETE /users/{id}', () => {
  it('deletes the user, its memberships and blocks its keys for good', async () => {
    const user = await createUser({ userName: 'ada' });
    const team = (await api('POST', '/teams', { body: { displayName: 'Eng' } })).json<{ id: string }>();
    await api('PUT', `/teams/${team.id}/members/${user.id}`);
    const key = await apiKeyOf(user.id);
    const res = await api('DELETE', `/users/${user.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await api('GET', `/users/${user.id}`), 404, 'not-found');
    expect((await scimGet(`/Users/${user.id}`)).statusCode).toBe(404);
    expect((await t.muster.store.apiKeys.get(orgId, key.id))?.blockedReason).toBe('user_deleted');
    expect(await eventTypes()).toEqual(expect.arrayContaining(['user.deleted', 'team.member_removed']));
    expectProblem(await api('DELETE', `/users/${user.id}`), 404, 'not-found');
  });
});
