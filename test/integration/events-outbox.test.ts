// The outbox: every change writes its events in its own transaction, numbered by a per-organization sequence; a change
// that fails leaves no event behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, uuidV7Ids } from '../../src/compose.js';
import { createUserApiKey, revokeApiKey } from '../../src/domain/api-keys.js';
import { listEvents } from '../../src/domain/events.js';
import type { EventRecord } from '../../src/domain/ports.js';
import { recordUserChange } from '../../src/domain/record-changes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { GROUP_SCHEMA, PATCH_OP, scimRequest, USER_SCHEMA, type ScimRequest } from './scim-request.js';

let t: TestApp;
let scim: ScimRequest;
let orgId: string;

beforeEach(async () => {
  t = await createTestApp();
  scim = scimRequest(t);
  orgId = t.muster.defaultOrganization.id;
});
afterEach(() => t.close());

/** The org's events except scim_token.* (the test app creates a token before each test). */
async function events(org = orgId): Promise<readonly EventRecord[]> {
  const list = await t.muster.store.events.list(org, 0, 10_000);
  return list.filter((e) => e.resourceType !== 'scim_token');
}

const summary = (list: readonly EventRecord[]) => list.map((e) => [e.type, e.resourceId]);

describe('events of SCIM changes', () => {
  it('records the lifecycle of a user and a team, in order, with a gap-free sequence', async () => {
    const user = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'ada', active: true });
    const userId = user.body.id as string;
    const team = await scim('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Eng',
      members: [{ value: userId }],
    });
    const teamId = team.body.id as string;
    await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Ada L.' }],
    });
    // A retried PATCH that changes nothing records nothing.
    await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Ada L.' }],
    });
    await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: 'True' }],
    });
    await scim('PATCH', `/Groups/${teamId}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'displayName', value: 'Engineering' },
        { op: 'remove', path: 'members', value: [{ value: userId }] },
      ],
    });
    await scim('DELETE', `/Groups/${teamId}`);
    await scim('DELETE', `/Users/${userId}`);

    const list = await events();
    expect(summary(list)).toEqual([
      ['user.created', userId],
      ['team.created', teamId],
      ['team.member_added', teamId],
      ['user.updated', userId],
      ['user.deactivated', userId],
      ['user.reactivated', userId],
      ['team.member_removed', teamId],
      ['team.updated', teamId],
      ['team.deleted', teamId],
      ['user.deleted', userId],
    ]);
    // The token's scim_token.created is seq 1.
    expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 2));
    expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
    expect(list[2]?.data).toEqual({ teamId, memberId: userId, memberType: 'User' });
    expect(list[3]?.data).toMatchObject({ id: userId, displayName: 'Ada L.', changed: ['displayName'] });
    expect(list[4]?.data).toMatchObject({ id: userId, active: false });
    expect(list[7]?.data).toMatchObject({ id: teamId, displayName: 'Engineering', changed: ['displayName'] });
  });

  it('records key creation, revocation, blocking and unblocking', async () => {
    const deps = { store: t.muster.store, clock: systemClock, ids: uuidV7Ids };
    const user = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'keys' });
    const userId = user.body.id as string;
    const live = await createUserApiKey(deps, orgId, userId, { name: 'live' });
    const gone = await createUserApiKey(deps, orgId, userId, { name: 'gone' });
    await revokeApiKey(deps, orgId, gone.apiKey.id);
    await revokeApiKey(deps, orgId, gone.apiKey.id);
    const flip = (active: boolean) =>
      scim('PATCH', `/Users/${userId}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'active', value: active }],
      });
    await flip(false);
    await flip(true);
    const list = (await events()).filter((e) => e.resourceType === 'api_key');
    expect(summary(list)).toEqual([
      ['api_key.created', live.apiKey.id],
      ['api_key.created', gone.apiKey.id],
      ['api_key.revoked', gone.apiKey.id],
      ['api_key.blocked', live.apiKey.id],
      ['api_key.unblocked', live.apiKey.id],
    ]);
    expect(list[3]?.data).toMatchObject({ blockedReason: 'user_deactivated', userId });
    expect(JSON.stringify(await events())).not.toContain(live.key);
  });

  it('numbers each organization’s events on its own', async () => {
    const acme = await t.createOrgToken('acme');
    await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'a' });
    await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'b' }, acme);
    await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'c' });
    const acmeOrg = await t.muster.store.organizations.findBySlug('acme');
    const own = (await events()).filter((e) => e.type === 'user.created');
    const theirs = (await events(acmeOrg?.id)).filter((e) => e.type === 'user.created');
    expect(own.map((e) => e.data['userName'])).toEqual(['a', 'c']);
    expect(theirs.map((e) => e.data['userName'])).toEqual(['b']);
    expect(theirs.every((e) => e.orgId === acmeOrg?.id)).toBe(true);
  });
});

describe('outbox atomicity', () => {
  it('leaves no event when a SCIM change fails: a duplicate create, a PATCH failing half-way, a bad member', async () => {
    const taken = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'taken' });
    const before = await events();
    expect((await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'TAKEN' })).status).toBe(409);
    const userId = taken.body.id as string;
    const halfway = await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'active', value: false },
        { op: 'replace', path: 'emails[type eq "nowhere"].value', value: 'x@example.com' },
      ],
    });
    expect(halfway.status).toBe(400);
    const badGroup = await scim('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'G',
      members: [{ value: 'not-a-user' }],
    });
    expect(badGroup.status).toBe(400);
    expect(await events()).toEqual(before);
  });

  it('rolls the events back with the transaction that wrote them', async () => {
    const { store } = t.muster;
    const user = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'rollback' });
    const existing = await store.users.get(orgId, user.body.id as string);
    if (existing === undefined) throw new Error('user missing');
    const before = await store.events.list(orgId, 0, 100);
    await expect(
      store.transaction(async (tx) => {
        await recordUserChange(
          { tx, orgId, at: new Date().toISOString(), ids: uuidV7Ids },
          existing,
          undefined,
        );
        expect((await tx.events.list(orgId, 0, 100)).length).toBe(before.length + 1);
        throw new Error('the change fails after its event was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await store.events.list(orgId, 0, 100)).toEqual(before);
    expect(await store.events.lastSeq(orgId)).toBe(before.length);
  });
});

describe('listEvents (the cursor feed)', () => {
  it('pages by cursor, returns the cursor to poll from at the end, and filters by type', async () => {
    for (const name of ['u1', 'u2', 'u3']) {
      await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: name });
    }
    const { store } = t.muster;
    const start = String((await store.events.list(orgId, 0, 1))[0]?.seq);
    const first = await listEvents(store, orgId, { after: start, limit: 2 });
    expect(first.items.map((e) => e.data['userName'])).toEqual(['u1', 'u2']);
    expect(first.hasMore).toBe(true);
    const second = await listEvents(store, orgId, { after: first.nextCursor, limit: 2 });
    expect(second.items.map((e) => e.data['userName'])).toEqual(['u3']);
    expect(second.hasMore).toBe(false);
    const idle = await listEvents(store, orgId, { after: second.nextCursor, limit: 2 });
    expect(idle).toEqual({ items: [], nextCursor: second.nextCursor, hasMore: false });
    await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'u4' });
    const later = await listEvents(store, orgId, { after: idle.nextCursor, limit: 2 });
    expect(later.items.map((e) => e.data['userName'])).toEqual(['u4']);
    const typed = await listEvents(store, orgId, { limit: 10, types: ['user.deleted'] });
    expect(typed.items).toEqual([]);
  });

  it('rejects a cursor it did not hand out', async () => {
    for (const bad of ['-1', 'abc', '1.5', '01']) {
      await expect(listEvents(t.muster.store, orgId, { after: bad, limit: 1 })).rejects.toMatchObject({
        status: 400,
      });
    }
  });
});
