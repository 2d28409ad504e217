// The list filters the admin console relies on: a resource's events newest first (GET /events?resourceId=&order=desc)
// with cursors that stay correct in both orders, provisioning log status=error, and API keys by status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidV7Ids } from '../../src/compose.js';
import type { ProvisioningLogEntry } from '../../src/domain/ports.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PATCH_OP, scimRequest, USER_SCHEMA } from '../integration/scim-request.js';
import { adminRequest, expectProblem, type AdminRequest, type Page } from './admin-request.js';

interface Event {
  readonly sequence: number;
  readonly type: string;
  readonly resourceId: string;
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

async function scimUser(userName: string): Promise<string> {
  const res = await scimRequest(t)('POST', '/Users', { schemas: [USER_SCHEMA], userName });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function rename(id: string, displayName: string): Promise<void> {
  const res = await scimRequest(t)('PATCH', `/Users/${id}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: 'replace', path: 'displayName', value: displayName }],
  });
  expect(res.status).toBe(200);
}

async function events(query: string): Promise<EventPage> {
  const res = await admin('GET', `/events?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<EventPage>();
}

/** Every page from `query` on, following nextCursor until a page is not full. */
async function walk(query: string): Promise<{ pages: EventPage[]; last: EventPage }> {
  const pages = [await events(query)];
  for (let page = pages[0]; page?.hasMore === true; page = pages.at(-1)) {
    pages.push(await events(`${query}&after=${page.nextCursor}`));
  }
  const last = pages.at(-1);
  if (last === undefined) throw new Error('no page');
  return { pages, last };
}

describe('GET /api/v1/events?resourceId=&order=', () => {
  it('lists one resource’s events newest first, page by page, without gaps or repeats', async () => {
    const ada = await scimUser('ada');
    const bob = await scimUser('bob');
    for (const name of ['Ada 1', 'Ada 2', 'Ada 3', 'Ada 4']) {
      await rename(ada, name);
      await rename(bob, `${name} (bob)`);
    }

    const oldestFirst = (await events(`resourceId=${ada}`)).items;
    expect(oldestFirst.map((e) => e.type)).toEqual([
      'user.created',
      ...Array<string>(4).fill('user.updated'),
    ]);
    expect(oldestFirst.every((e) => e.resourceId === ada)).toBe(true);

    const { pages, last } = await walk(`resourceId=${ada}&order=desc&limit=2`);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    const newestFirst = pages.flatMap((p) => p.items);
    expect(newestFirst).toEqual([...oldestFirst].reverse());
    expect(last.hasMore).toBe(false);
    expect(last.nextCursor).toBe(String(oldestFirst[0]?.sequence));
    // Past the oldest event there is nothing, and the cursor stays where it is.
    expect(await events(`resourceId=${ada}&order=desc&after=${last.nextCursor}`)).toEqual({
      items: [],
      nextCursor: last.nextCursor,
      hasMore: false,
    });
  });

  it('keeps walking back from its cursor when newer events commit meanwhile', async () => {
    const ada = await scimUser('ada');
    await rename(ada, 'Ada 1');
    await rename(ada, 'Ada 2');
    const first = await events(`resourceId=${ada}&order=desc&limit=2`);
    await rename(ada, 'Ada 3');
    const second = await events(`resourceId=${ada}&order=desc&limit=2&after=${first.nextCursor}`);
    expect(second.items.map((e) => e.type)).toEqual(['user.created']);
    expect(second.items[0]?.sequence).toBeLessThan(first.items[1]?.sequence ?? 0);
    // Oldest first, the same cursor continues forward and sees the newer event.
    const forward = await events(`resourceId=${ada}&after=${first.items[0]?.sequence ?? 0}`);
    expect(forward.items).toHaveLength(1);
    expect(forward.items[0]?.sequence).toBeGreaterThan(first.items[0]?.sequence ?? 0);
  });

  it('combines resourceId with type, and answers an unknown resource with no events', async () => {
    const ada = await scimUser('ada');
    await rename(ada, 'Ada 1');
    const created = await events(`resourceId=${ada}&type=user.created&order=desc`);
    expect(created.items.map((e) => [e.type, e.resourceId])).toEqual([['user.created', ada]]);
    expect(await events('resourceId=nobody&order=desc')).toEqual({
      items: [],
      nextCursor: '0',
      hasMore: false,
    });
    expect((await events('order=asc')).items.length).toBeGreaterThan(0);
  });

  it('never shows another organization’s events', async () => {
    const ada = await scimUser('ada');
    await t.createOrgToken('acme');
    expect(
      (await admin('GET', `/events?resourceId=${ada}&order=desc`, { org: 'acme' })).json(),
    ).toMatchObject({
      items: [],
    });
  });

  it.each(['order=newest', 'resourceId=', 'order=desc&after=-1'])('refuses %s with 400', async (query) => {
    expectProblem(await admin('GET', `/events?${query}`), 400, 'validation-failed');
  });
});

describe('GET /api/v1/provisioning-log?status=error', () => {
  it('lists every request answered with 400 or above, and only those', async () => {
    // The entries are from January: the retention job, which starts with the app, must not delete them.
    await t.close();
    t = await createTestApp({ PROVISIONING_LOG_RETENTION_DAYS: 'off' });
    admin = adminRequest(t);
    const orgId = t.muster.defaultOrganization.id;
    const statuses = [200, 201, 204, 301, 400, 404, 409, 500, 503];
    const entries: ProvisioningLogEntry[] = statuses.map((status, i) => ({
      id: uuidV7Ids.newId(),
      orgId,
      tokenId: null,
      requestId: `req-${String(i)}`,
      at: new Date(Date.UTC(2026, 0, 1, 8, 0, i)).toISOString(),
      method: 'GET',
      path: '/scim/v2/Users',
      status,
      durationMs: 1,
      scimType: null,
      resourceType: 'User',
      resourceId: null,
      requestBody: null,
      responseBody: null,
    }));
    await t.muster.store.transaction((tx) => tx.provisioningLog.insertMany(entries));
    // Requests of the test app itself (none are made here) would be newer; filter to these entries' time.
    const list = async (query: string) =>
      (await admin('GET', `/provisioning-log?until=2026-01-02T00:00:00Z&${query}`))
        .json<Page<{ status: number }>>()
        .items.map((e) => e.status);
    expect(await list('status=error')).toEqual([503, 500, 409, 404, 400]);
    expect(await list('status=error&limit=2')).toEqual([503, 500]);
    expect(await list('status=4xx')).toEqual([409, 404, 400]);
    expect(await list('status=404')).toEqual([404]);
    expectProblem(await admin('GET', '/provisioning-log?status=errors'), 400, 'validation-failed');
  });
});

describe('GET /api/v1/api-keys?status=', () => {
  it('lists only the keys with that status, paged', async () => {
    const ada = await scimUser('ada');
    const bob = await scimUser('bob');
    const create = async (userId: string, name: string) =>
      (await admin('POST', `/users/${userId}/api-keys`, { body: { name } })).json<{ id: string }>().id;
    const a1 = await create(ada, 'a1');
    const a2 = await create(ada, 'a2');
    const a3 = await create(ada, 'a3');
    const revoked = await create(ada, 'gone');
    await admin('DELETE', `/api-keys/${revoked}`);
    const blocked = await create(bob, 'b1');
    await scimRequest(t)('PATCH', `/Users/${bob}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });

    const ids = async (query: string) =>
      (await admin('GET', `/api-keys?${query}`)).json<Page<{ id: string; status: string }>>();
    const first = await ids('status=active&limit=2');
    expect(first.items.map((k) => k.id)).toEqual([a1, a2]);
    const rest = await ids(`status=active&limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(rest).toEqual({
      items: [expect.objectContaining({ id: a3, status: 'active' })],
      nextCursor: null,
    });
    expect((await ids('status=revoked')).items.map((k) => k.id)).toEqual([revoked]);
    expect((await ids('status=blocked')).items.map((k) => k.id)).toEqual([blocked]);
    expect((await ids(`status=blocked&userId=${ada}`)).items).toEqual([]);
    expect((await ids('status=expired')).items).toEqual([]);
    expectProblem(await admin('GET', '/api-keys?status=paused'), 400, 'validation-failed');
  });
});
