// GET /api/v1/dashboard on the real app with a clock the test sets: counts of users, teams and API keys seeded through
// the SCIM and admin APIs, SCIM tokens with their last request, activity buckets, recent errors, and another
// organization's rows never counted. Provisioning log entries are stored directly with known times (the app's own
// writer is held back, so requests made while seeding add none).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMuster, uuidV7Ids, type Muster } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createAdminKey } from '../../src/domain/admin-keys.js';
import type { Clock, ProvisioningLogEntry } from '../../src/domain/ports.js';
import { createScimToken } from '../../src/domain/scim-tokens.js';
import { GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from '../integration/scim-request.js';
import { openTestDatabase, type TestDatabase } from '../support/test-store.js';
import { expectProblem } from './admin-request.js';

interface Dashboard {
  readonly users: { readonly total: number; readonly active: number; readonly inactive: number };
  readonly teams: { readonly total: number; readonly idpManaged: number };
  readonly apiKeys: Record<'active' | 'blocked' | 'revoked' | 'expired', number>;
  readonly scimTokens: readonly {
    readonly id: string;
    readonly name: string;
    readonly lastUsedAt: string | null;
    readonly expiresAt: string | null;
    readonly revokedAt: string | null;
    readonly lastRequest: { at: string; method: string; path: string; status: number } | null;
  }[];
  readonly activity: {
    readonly range: string;
    readonly bucket: string;
    readonly buckets: readonly {
      readonly start: string;
      readonly requests: number;
      readonly errors: number;
    }[];
  };
  readonly recentErrors: readonly { readonly id: string; readonly status: number; readonly at: string }[];
}

const START = '2026-03-08T12:30:00.000Z';
/** Where the clock stands while the dashboard is read: two days after seeding, so a one-day key has expired. */
const NOW = '2026-03-10T12:30:00.000Z';
let nowMs = Date.parse(START);
const clock: Clock = { now: () => new Date(nowMs) };

let database: TestDatabase;
let muster: Muster;
let adminKey: string;
let acmeKey: string;
const tokens: Record<'okta' | 'entra' | 'spare' | 'old' | 'acme', { id: string; token: string }> = {
  okta: { id: '', token: '' },
  entra: { id: '', token: '' },
  spare: { id: '', token: '' },
  old: { id: '', token: '' },
  acme: { id: '', token: '' },
};
const entries: ProvisioningLogEntry[] = [];

async function admin(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  key = adminKey,
) {
  return muster.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function created(method: 'POST', url: string, body: unknown): Promise<string> {
  const res = await admin(method, url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function scim(method: 'POST' | 'PATCH', path: string, body: unknown, token = tokens.okta.token) {
  const res = await muster.app.inject({
    method,
    url: `/scim/v2${path}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    payload: JSON.stringify(body),
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<{ id: string }>().id;
}

function entry(orgId: string, at: string, status: number, tokenId: string | null): ProvisioningLogEntry {
  return {
    id: uuidV7Ids.newId(),
    orgId,
    tokenId,
    requestId: `req-${String(entries.length)}`,
    at,
    method: status === 201 ? 'POST' : 'GET',
    path: `/scim/v2/Users?n=${String(entries.length)}`,
    status,
    durationMs: 3,
    scimType: null,
    resourceType: 'User',
    resourceId: null,
    requestBody: null,
    responseBody: null,
  };
}

async function dashboard(query = '', key = adminKey): Promise<Dashboard> {
  const res = await admin('GET', `/dashboard${query}`, undefined, key);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Dashboard>();
}

beforeAll(async () => {
  database = await openTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    PUBLIC_URL: 'http://muster.test',
    LOG_LEVEL: 'silent',
  });
  muster = await createMuster(config, {
    clock,
    provisioningLog: { writer: { flushIntervalMs: 3_600_000, maxBatchSize: 100_000 } },
  });
  const deps = { store: muster.store, clock, ids: uuidV7Ids };
  adminKey = (await createAdminKey(deps, { name: 'ops' })).key;
  acmeKey = (await createAdminKey(deps, { name: 'acme-ops', orgSlug: 'acme' })).key;
  for (const [name, slug] of [
    ['okta', 'default'],
    ['entra', 'default'],
    ['spare', 'default'],
    ['old', 'default'],
    ['acme', 'acme'],
  ] as const) {
    const made = await createScimToken(muster.tokenDeps, { orgSlug: slug, name });
    tokens[name] = { id: made.record.id, token: made.token };
    nowMs += 1000; // distinct creation times: the order below is by creation
  }
  expect((await admin('DELETE', `/scim-tokens/${tokens.old.id}`)).statusCode).toBe(200);

  // Users: ada, bob (deactivated later), cyd (inactive) through SCIM; dan through the admin API.
  const ada = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'ada' });
  const bob = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'bob' });
  await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'cyd', active: false });
  const dan = await created('POST', '/users', { userName: 'dan' });
  // Teams: one from the IdP, one from the admin API.
  await scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Eng', members: [{ value: ada }] });
  const ops = await created('POST', '/teams', { displayName: 'Ops' });

  // API keys: two active, one revoked, one blocked (its user deactivated by the IdP), one expired.
  await created('POST', `/users/${ada}/api-keys`, { name: 'ada-laptop' });
  await created('POST', `/teams/${ops}/api-keys`, { name: 'ops-ci' });
  const revoked = await created('POST', `/users/${ada}/api-keys`, { name: 'ada-old' });
  expect((await admin('DELETE', `/api-keys/${revoked}`)).statusCode).toBe(200);
  await created('POST', `/users/${bob}/api-keys`, { name: 'bob-cli' });
  await scim('PATCH', `/Users/${bob}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: 'replace', path: 'active', value: false }],
  });
  await created('POST', `/users/${dan}/api-keys`, { name: 'dan-day', expiresInDays: 1 });

  // Another organization: a user, a team, a key and log entries that must never be counted in `default`.
  const zed = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'zed' }, tokens.acme.token);
  await scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Acme' }, tokens.acme.token);
  const zedKey = await admin('POST', `/users/${zed}/api-keys`, { name: 'zed' }, acmeKey);
  expect(zedKey.statusCode).toBe(201);

  nowMs = Date.parse(NOW);
  const orgId = muster.defaultOrganization.id;
  const acme = (await muster.store.organizations.findBySlug('acme'))?.id ?? '';
  entries.push(
    entry(orgId, '2026-03-10T12:10:00.000Z', 200, tokens.okta.id), // 0  current hour
    entry(orgId, '2026-03-10T12:20:00.000Z', 404, tokens.okta.id), // 1  current hour, okta's newest
    entry(orgId, '2026-03-10T09:59:59.999Z', 500, tokens.okta.id), // 2  09:00 bucket
    entry(orgId, '2026-03-09T13:00:00.000Z', 201, tokens.okta.id), // 3  first hour of the 24h range
    entry(orgId, '2026-03-09T12:59:59.999Z', 200, tokens.okta.id), // 4  just before it: 7d only
    entry(orgId, '2026-03-05T08:00:00.000Z', 409, tokens.entra.id), // 5  7d; entra's newest
    entry(orgId, '2026-03-04T23:00:00.000Z', 200, tokens.entra.id), // 6  7d's first day
    entry(orgId, '2026-03-03T23:59:59.999Z', 200, tokens.entra.id), // 7  before 7d
    entry(orgId, '2026-02-20T10:00:00.000Z', 400, tokens.old.id), // 8  30d
    entry(orgId, '2026-02-08T23:59:59.999Z', 500, tokens.okta.id), // 9  before 30d
    entry(orgId, '2026-03-10T13:00:00.000Z', 200, null), // 10 after the current hour
    entry(acme, '2026-03-10T12:25:00.000Z', 503, tokens.acme.id), // 11 another organization
  );
  // Ten older failures, so only some of the errors above make the ten newest.
  for (let day = 10; day < 20; day++) {
    entries.push(entry(orgId, `2026-02-${String(day)}T06:00:00.000Z`, 422, tokens.okta.id));
  }
  await muster.store.transaction((tx) => tx.provisioningLog.insertMany(entries));
});

afterAll(async () => {
  await muster.close();
  await database.release();
});

describe('GET /api/v1/dashboard', () => {
  it('counts the organization’s users, teams and API keys', async () => {
    const d = await dashboard();
    expect(d.users).toEqual({ total: 4, active: 2, inactive: 2 });
    expect(d.teams).toEqual({ total: 2, idpManaged: 1 });
    expect(d.apiKeys).toEqual({ active: 2, blocked: 1, revoked: 1, expired: 1 });
  });

  it('counts API keys by the status GET /api-keys shows and filters by', async () => {
    const { apiKeys } = await dashboard();
    const listed = (await admin('GET', '/api-keys')).json<{ items: { status: string }[] }>().items;
    for (const status of ['active', 'blocked', 'revoked', 'expired'] as const) {
      expect(
        listed.filter((k) => k.status === status),
        status,
      ).toHaveLength(apiKeys[status]);
      const filtered = (await admin('GET', `/api-keys?status=${status}`)).json<{
        items: { status: string }[];
      }>();
      expect(filtered.items.map((k) => k.status)).toEqual(Array<string>(apiKeys[status]).fill(status));
    }
  });

  it('lists every SCIM token with its newest request, revoked tokens last', async () => {
    const { scimTokens } = await dashboard();
    expect(scimTokens.map((t) => t.name)).toEqual(['okta', 'entra', 'spare', 'old']);
    const [okta, entra, spare, old] = scimTokens;
    expect(okta).toMatchObject({ id: tokens.okta.id, revokedAt: null, expiresAt: null });
    expect(okta?.lastUsedAt).not.toBeNull();
    expect(okta?.lastRequest).toEqual({
      at: '2026-03-10T12:20:00.000Z',
      method: 'GET',
      path: entries[1]?.path,
      status: 404,
    });
    expect(entra?.lastRequest).toMatchObject({ at: '2026-03-05T08:00:00.000Z', status: 409 });
    expect(spare).toMatchObject({ lastRequest: null, lastUsedAt: null });
    expect(old?.revokedAt).not.toBeNull();
    expect(old?.lastRequest).toMatchObject({ at: '2026-02-20T10:00:00.000Z', status: 400 });
  });

  it('counts requests and errors per hour over the last 24 hours, every hour present, oldest first', async () => {
    const { activity } = await dashboard();
    expect(activity).toMatchObject({ range: '24h', bucket: 'hour' });
    expect(activity.buckets).toHaveLength(24);
    expect(activity.buckets[0]?.start).toBe('2026-03-09T13:00:00.000Z');
    expect(activity.buckets[23]?.start).toBe('2026-03-10T12:00:00.000Z');
    const nonZero = activity.buckets.filter((b) => b.requests > 0);
    expect(nonZero).toEqual([
      { start: '2026-03-09T13:00:00.000Z', requests: 1, errors: 0 },
      { start: '2026-03-10T09:00:00.000Z', requests: 1, errors: 1 },
      { start: '2026-03-10T12:00:00.000Z', requests: 2, errors: 1 },
    ]);
    expect(
      activity.buckets.every((b, i) => i === 0 || b.start > (activity.buckets[i - 1]?.start ?? '')),
    ).toBe(true);
  });

  it('counts per UTC day over 7 and 30 days', async () => {
    const week = (await dashboard('?range=7d')).activity;
    expect(week).toMatchObject({ range: '7d', bucket: 'day' });
    expect(week.buckets.map((b) => b.start)).toEqual(
      ['04', '05', '06', '07', '08', '09', '10'].map((d) => `2026-03-${d}T00:00:00.000Z`),
    );
    expect(week.buckets.map((b) => [b.requests, b.errors])).toEqual([
      [1, 0],
      [1, 1],
      [0, 0],
      [0, 0],
      [0, 0],
      [2, 0],
      // The current day runs to midnight: the entry after the current hour is in it.
      [4, 2],
    ]);

    const month = (await dashboard('?range=30d')).activity;
    expect(month.buckets).toHaveLength(30);
    expect(month.buckets[0]?.start).toBe('2026-02-09T00:00:00.000Z');
    expect(month.buckets.reduce((n, b) => n + b.requests, 0)).toBe(10 + 10);
    expect(month.buckets.reduce((n, b) => n + b.errors, 0)).toBe(4 + 10);
  });

  it('shows the ten newest failed requests, newest first, in the provisioning log’s item shape', async () => {
    const { recentErrors } = await dashboard();
    expect(recentErrors.map((e) => e.id)).toEqual(
      [1, 2, 5, 8, 21, 20, 19, 18, 17, 16].map((i) => entries[i]?.id),
    );
    const listed = await admin('GET', '/provisioning-log?status=error&limit=10');
    expect(recentErrors).toEqual(listed.json<{ items: unknown[] }>().items);
  });

  it('shows another organization only its own rows', async () => {
    const d = await dashboard('', acmeKey);
    expect(d.users).toEqual({ total: 1, active: 1, inactive: 0 });
    expect(d.teams).toEqual({ total: 1, idpManaged: 1 });
    expect(d.apiKeys).toEqual({ active: 1, blocked: 0, revoked: 0, expired: 0 });
    expect(d.scimTokens.map((t) => t.id)).toEqual([tokens.acme.id]);
    expect(d.activity.buckets.filter((b) => b.requests > 0)).toEqual([
      { start: '2026-03-10T12:00:00.000Z', requests: 1, errors: 1 },
    ]);
    expect(d.recentErrors.map((e) => e.id)).toEqual([entries[11]?.id]);
  });

  it.each(['?range=1y', '?range=', '?range=24H', '?since=2026-01-01T00:00:00Z'])(
    'refuses %s with 400',
    async (q) => {
      expectProblem(await admin('GET', `/dashboard${q}`), 400, 'validation-failed');
    },
  );

  it('needs an admin key', async () => {
    const res = await muster.app.inject({ method: 'GET', url: '/api/v1/dashboard' });
    expectProblem(res, 401, 'unauthorized');
  });
});
