// GET /api/v1/provisioning-log and /api/v1/provisioning-log/{id} on the real app: filters, cursor paging, bodies on
// the single entry only, RFC 9457 errors, and an organization key that never sees another organization's entries.
// Entries are stored directly: how requests become entries is test/http/provisioning-log.test.ts's subject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMuster, systemClock, uuidV7Ids, type Muster } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createAdminKey } from '../../src/domain/admin-keys.js';
import { ensureOrganization } from '../../src/domain/organizations.js';
import type { ProvisioningLogEntry } from '../../src/domain/ports.js';
import { openTestDatabase, type TestDatabase } from '../support/test-store.js';

let database: TestDatabase;
let muster: Muster;
let instanceKey: string;
let otherOrgKey: string;
const entries: ProvisioningLogEntry[] = [];

function entry(
  orgId: string,
  second: number,
  overrides: Partial<ProvisioningLogEntry> = {},
): ProvisioningLogEntry {
  return {
    id: uuidV7Ids.newId(),
    orgId,
    tokenId: 'token-1',
    requestId: `req-${String(second)}`,
    at: new Date(Date.UTC(2026, 0, 1, 8, 0, second)).toISOString(),
    method: 'GET',
    path: '/scim/v2/Users',
    status: 200,
    durationMs: 2,
    scimType: null,
    resourceType: 'User',
    resourceId: null,
    requestBody: null,
    responseBody: '{"totalResults":0}',
    ...overrides,
  };
}

async function get(url: string, key: string = instanceKey) {
  const res = await muster.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  return {
    status: res.statusCode,
    type: String(res.headers['content-type']),
    body: JSON.parse(res.body) as unknown,
  };
}

function itemsOf(body: unknown): { id: string; [key: string]: unknown }[] {
  if (typeof body !== 'object' || body === null || !('items' in body) || !Array.isArray(body.items)) {
    throw new Error(`not a page: ${JSON.stringify(body)}`);
  }
  return body.items as { id: string }[];
}

beforeAll(async () => {
  database = await openTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    PUBLIC_URL: 'http://muster.test',
    LOG_LEVEL: 'silent',
    // The entries below are from January: the retention job, which starts with the app, must not delete them.
    PROVISIONING_LOG_RETENTION_DAYS: 'off',
  });
  muster = await createMuster(config);
  const { store } = muster;
  const deps = { store, clock: systemClock, ids: uuidV7Ids };
  instanceKey = (await createAdminKey(deps, { name: 'ops' })).key;
  otherOrgKey = (await createAdminKey(deps, { name: 'acme-ops', orgSlug: 'acme' })).key;
  const acme = await ensureOrganization(store, systemClock, uuidV7Ids, 'acme');
  const orgId = muster.defaultOrganization.id;
  entries.push(
    entry(orgId, 1, {
      method: 'POST',
      status: 201,
      resourceId: 'u1',
      requestBody: '{"password":"[redacted]"}',
    }),
    entry(orgId, 2, { path: '/scim/v2/Users/u9', status: 404, resourceId: 'u9' }),
    entry(orgId, 3, { method: 'POST', status: 409, scimType: 'uniqueness' }),
    entry(orgId, 4, { method: 'PATCH', path: '/scim/v2/Groups/g1', status: 204, resourceType: 'Group' }),
    entry(orgId, 5, { path: '/scim/v2/Users?filter=bad', status: 400, scimType: 'invalidFilter' }),
    entry(acme.id, 6, { resourceId: 'u1' }),
  );
  await store.transaction((tx) => tx.provisioningLog.insertMany(entries));
});

afterAll(async () => {
  await muster.close();
  await database.release();
});

const idsOf = (...indexes: number[]) => indexes.map((i) => entries[i]?.id);

describe('GET /api/v1/provisioning-log', () => {
  it('lists the organization’s requests newest first, without bodies', async () => {
    const res = await get('/api/v1/provisioning-log');
    expect(res.status).toBe(200);
    const items = itemsOf(res.body);
    expect(items.map((i) => i.id)).toEqual(idsOf(4, 3, 2, 1, 0));
    expect(items[4]).toEqual({
      id: entries[0]?.id,
      at: '2026-01-01T08:00:01.000Z',
      method: 'POST',
      path: '/scim/v2/Users',
      status: 201,
      durationMs: 2,
      scimType: null,
      resourceType: 'User',
      resourceId: 'u1',
      tokenId: 'token-1',
      requestId: 'req-1',
    });
    expect(res.body).toMatchObject({ nextCursor: null });
  });

  it.each([
    ['status=4xx', [4, 2, 1]],
    ['status=404', [1]],
    ['method=POST', [2, 0]],
    ['status=4xx&method=POST', [2]],
    ['pathPrefix=/scim/v2/Groups', [3]],
    ['resourceType=Group', [3]],
    ['resourceId=u1', [0]],
    ['since=2026-01-01T08:00:02Z&until=2026-01-01T08:00:04Z', [2, 1]],
  ])('filters by %s', async (query, expected) => {
    const res = await get(`/api/v1/provisioning-log?${query}`);
    expect(res.status).toBe(200);
    expect(itemsOf(res.body).map((i) => i.id)).toEqual(idsOf(...expected));
  });

  it('pages with the nextCursor until it is null', async () => {
    const seen: string[] = [];
    let url = '/api/v1/provisioning-log?limit=2';
    for (;;) {
      const res = await get(url);
      seen.push(...itemsOf(res.body).map((i) => i.id));
      const next = (res.body as { nextCursor: string | null }).nextCursor;
      if (next === null) break;
      url = `/api/v1/provisioning-log?limit=2&cursor=${next}`;
    }
    expect(seen).toEqual(idsOf(4, 3, 2, 1, 0));
  });

  it.each([
    ['status=teapot', 'urn:muster:problem:validation-failed'],
    ['method=HEAD', 'urn:muster:problem:validation-failed'],
    ['since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z', 'urn:muster:problem:bad-request'],
    ['cursor=bm90LWEtY3Vyc29y', 'urn:muster:problem:invalid-cursor'],
  ])('answers %s with a 400 problem', async (query, type) => {
    const res = await get(`/api/v1/provisioning-log?${query}`);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type, status: 400 });
  });

  it('shows an organization key its own organization’s entries only', async () => {
    const res = await get('/api/v1/provisioning-log', otherOrgKey);
    expect(itemsOf(res.body).map((i) => i.id)).toEqual(idsOf(5));
  });
});

describe('GET /api/v1/provisioning-log/{id}', () => {
  it('returns one entry with its bodies', async () => {
    const res = await get(`/api/v1/provisioning-log/${entries[0]?.id ?? ''}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: entries[0]?.id,
      requestBody: '{"password":"[redacted]"}',
      responseBody: '{"totalResults":0}',
    });
  });

  it('answers 404 for another organization’s entry', async () => {
    const res = await get(`/api/v1/provisioning-log/${entries[0]?.id ?? ''}`, otherOrgKey);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: 'urn:muster:problem:not-found' });
  });
});
