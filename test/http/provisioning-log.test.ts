// The provisioning log through the real app: one scripted IdP session (every kind of SCIM request, failures
// included, two organizations), then the app is closed (which writes the buffered entries) and the stored rows are
// read back raw from the database and through the query use case.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMuster, openStore, type Muster } from '../../src/compose.js';
import { loadConfig, type DatabaseConfig } from '../../src/config/load-config.js';
import type { Store } from '../../src/domain/ports.js';
import { getProvisioningLogEntry, listProvisioningLog } from '../../src/domain/provisioning-log.js';
import { READ_BODY_NOT_KEPT } from '../../src/domain/to-provisioning-log-entry.js';
import { createScimToken } from '../../src/domain/scim-tokens.js';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { openTestDatabase, testStoreKind, type TestDatabase } from '../support/test-store.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const SECRETS = [
  'Create-Secret-0001',
  'Put-Secret-0002',
  'PatchPath-Secret-0003',
  'PatchValue-Secret-0004',
  'BulkPost-Secret-0005',
  'BulkPatch-Secret-0006',
  'Urn-Secret-0007',
] as const;
const secret = (i: number): string => SECRETS[i] ?? '';

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly requestId: string;
  readonly body: unknown;
}

interface RawRow {
  readonly id: string;
  readonly org_id: string;
  readonly token_id: string | null;
  readonly request_id: string;
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly duration_ms: number;
  readonly scim_type: string | null;
  readonly resource_type: string | null;
  readonly resource_id: string | null;
  readonly request_body: string | null;
  readonly response_body: string | null;
}

let database: TestDatabase;
let muster: Muster;
let store: Store;
let rows: readonly RawRow[];
const sent: Sent[] = [];
const ids: Record<string, string> = {};
let defaultOrg: { orgId: string; token: string; tokenId: string };
let acme: { orgId: string; token: string; tokenId: string };

async function newToken(slug: string): Promise<{ orgId: string; token: string; tokenId: string }> {
  const created = await createScimToken(muster.tokenDeps, { orgSlug: slug, name: `idp-${slug}` });
  return { orgId: created.organization.id, token: created.token, tokenId: created.record.id };
}

async function scim(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  token: string | null = defaultOrg.token,
): Promise<Sent> {
  const res = await muster.app.inject({
    method,
    url: `/scim/v2${path}`,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  const result: Sent = {
    method,
    path: `/scim/v2${path}`,
    status: res.statusCode,
    requestId: String(res.headers['x-request-id']),
    body: res.body === '' ? undefined : (JSON.parse(res.body) as unknown),
  };
  sent.push(result);
  return result;
}

function idOf(response: Sent): string {
  const body = response.body;
  if (typeof body !== 'object' || body === null || !('id' in body) || typeof body.id !== 'string') {
    throw new Error(`no id in ${JSON.stringify(body)}`);
  }
  return body.id;
}

const patch = (...operations: object[]): object => ({ schemas: [PATCH_OP], Operations: operations });

function rowOf(response: Sent): RawRow {
  const row = rows.find((r) => r.request_id === response.requestId);
  if (row === undefined) throw new Error(`no row for ${response.method} ${response.path}`);
  return row;
}

async function runSession(): Promise<void> {
  defaultOrg = await newToken('default');
  acme = await newToken('acme');

  const alice = await scim('POST', '/Users', {
    schemas: [USER],
    userName: 'alice',
    password: secret(0),
    emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
  });
  ids['alice'] = idOf(alice);
  const a = `/Users/${idOf(alice)}`;
  await scim('GET', a);
  await scim('GET', '/Users?filter=userName%20eq%20%22alice%22');
  await scim('PUT', a, { schemas: [USER], userName: 'alice', password: secret(1), active: true });
  await scim('PATCH', a, patch({ op: 'replace', path: 'password', value: secret(2) }));
  await scim('PATCH', a, patch({ op: 'Replace', value: { Password: secret(3), displayName: 'Alice' } }));
  await scim('PATCH', a, patch({ op: 'replace', path: `${USER}:password`, value: secret(6) }));
  const group = await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'eng' });
  ids['group'] = idOf(group);
  await scim(
    'PATCH',
    `/Groups/${idOf(group)}`,
    patch({ op: 'add', path: 'members', value: [{ value: idOf(alice) }] }),
  );
  await scim('POST', '/Bulk', {
    schemas: [BULK],
    Operations: [
      {
        method: 'POST',
        path: '/Users',
        bulkId: 'b1',
        data: { schemas: [USER], userName: 'bob', password: secret(4) },
      },
      { method: 'PATCH', path: a, data: patch({ op: 'replace', path: 'password', value: secret(5) }) },
    ],
  });
  await scim('GET', '/Users/00000000-0000-7000-8000-000000000000');
  await scim('POST', '/Users', { schemas: [USER], userName: 'ALICE' });
  await scim('GET', '/Users?filter=userName%20eq');
  await scim('POST', '/.search', { filter: 'userName sw "a"' });
  await scim('POST', '/Users/.search', { filter: 'userName sw "a"' });
  await scim('GET', '/ServiceProviderConfig');
  await scim('GET', '/Schemas');
  await scim('GET', '/ResourceTypes/User');
  await scim('GET', `/Users?count=1&access_token=${defaultOrg.token}`);
  await scim('POST', '/Users', { schemas: [USER], userName: 'big', nickName: 'x'.repeat(100_000) });
  await scim('DELETE', a);

  // Not authenticated: no organization to file them under.
  await scim('GET', '/Users', undefined, null);
  await scim('GET', '/Users', undefined, 'msk_not-a-token');

  const acmeUser = await scim('POST', '/Users', { schemas: [USER], userName: 'alice' }, acme.token);
  ids['acme-alice'] = idOf(acmeUser);
  await scim('GET', '/Users', undefined, acme.token);
}

/** A database that outlives the app: a file on SQLite (not one in memory), the project's schema on PostgreSQL. */
async function openLastingDatabase(): Promise<TestDatabase> {
  if (testStoreKind() === 'postgres') return openTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'muster-provisioning-log-'));
  return {
    url: `sqlite:${join(dir, 'muster.db')}`,
    release: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** Every stored row as the database holds it, bypassing the store. */
async function readRawRows(config: DatabaseConfig): Promise<RawRow[]> {
  if (config.kind === 'postgres') {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    try {
      return (await client.query<RawRow>('select * from provisioning_log')).rows;
    } finally {
      await client.end();
    }
  }
  const raw = openSqliteDatabase(config.filename);
  try {
    return raw.prepare('select * from provisioning_log').all([]) as RawRow[];
  } finally {
    raw.close();
  }
}

beforeAll(async () => {
  database = await openLastingDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    PUBLIC_URL: 'http://muster.test',
    LOG_LEVEL: 'silent',
  });
  // Nothing is written before close(): every row below was written by the flush on close.
  muster = await createMuster(config, {
    provisioningLog: { writer: { flushIntervalMs: 3_600_000, maxBatchSize: 100_000 } },
  });
  try {
    await runSession();
  } finally {
    await muster.close();
  }
  rows = await readRawRows(config.database);
  store = await openStore(config.database);
});

afterAll(async () => {
  await store.close();
  await database.release();
});

describe('provisioning log: recording', () => {
  it('writes every authenticated request on close, none of the unauthenticated ones', () => {
    const authenticated = sent.filter((s) => s.status !== 401);
    expect(sent.filter((s) => s.status === 401)).toHaveLength(2);
    expect(rows).toHaveLength(authenticated.length);
    for (const s of authenticated)
      expect(rowOf(s)).toMatchObject({
        method: s.method,
        path: s.path.replace(/access_token=[^&]*/, 'access_token=[redacted]'),
        status: s.status,
      });
  });

  it('records each kind of SCIM request', () => {
    const kinds = rows.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '{id}')} ${r.status}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'POST /scim/v2/Users 201',
        'GET /scim/v2/Users/{id} 200',
        'GET /scim/v2/Users?filter=userName%20eq%20%22alice%22 200',
        'PUT /scim/v2/Users/{id} 200',
        'PATCH /scim/v2/Users/{id} 200',
        'POST /scim/v2/Groups 201',
        'PATCH /scim/v2/Groups/{id} 204',
        'POST /scim/v2/Bulk 200',
        'GET /scim/v2/Users/{id} 404',
        'POST /scim/v2/Users 409',
        'GET /scim/v2/Users?filter=userName%20eq 400',
        'POST /scim/v2/.search 200',
        'POST /scim/v2/Users/.search 200',
        'GET /scim/v2/ServiceProviderConfig 200',
        'GET /scim/v2/Schemas 200',
        'GET /scim/v2/ResourceTypes/User 200',
        'DELETE /scim/v2/Users/{id} 204',
      ]),
    );
  });

  it('keeps the response bodies of writes and errors, not of successful reads (PROVISIONING_LOG_READ_BODIES off)', () => {
    const byKind = (method: string, status: number, path: RegExp): RawRow => {
      const row = rows.find((r) => r.method === method && r.status === status && path.test(r.path));
      if (row === undefined) throw new Error(`no ${method} ${String(status)} row`);
      return row;
    };
    expect(byKind('GET', 200, /\/Users\/[0-9a-f-]{36}$/).response_body).toBe(READ_BODY_NOT_KEPT);
    expect(byKind('POST', 200, /\/Users\/\.search$/).response_body).toBe(READ_BODY_NOT_KEPT);
    expect(byKind('POST', 201, /\/Users$/).response_body).toContain('"userName"');
    expect(byKind('GET', 404, /\/Users\//).response_body).toContain('"status":"404"');
    expect(byKind('GET', 400, /filter=/).response_body).toContain('invalidFilter');
  });

  it('keeps the scimType of error responses', () => {
    const byStatus = (status: number) =>
      rows.filter((r) => r.status === status && r.org_id === defaultOrg.orgId);
    expect(byStatus(404).map((r) => r.scim_type)).toEqual([null]);
    expect(byStatus(409).map((r) => r.scim_type)).toEqual(['uniqueness']);
    expect(byStatus(400).map((r) => r.scim_type)).toContain('invalidFilter');
    expect(rows.filter((r) => r.status < 400).every((r) => r.scim_type === null)).toBe(true);
  });

  it('names the resource from the path, or from the id a POST created', () => {
    const alice = ids['alice'];
    const created = rowOf(sent[0] ?? expect.fail('no request'));
    expect(created).toMatchObject({ resource_type: 'User', resource_id: alice, status: 201 });
    const aliceRows = rows.filter((r) => r.resource_id === alice);
    expect(aliceRows.map((r) => r.method).sort()).toEqual([
      'DELETE',
      'GET',
      'PATCH',
      'PATCH',
      'PATCH',
      'POST',
      'PUT',
    ]);
    expect(rows.find((r) => r.method === 'POST' && r.path === '/scim/v2/Groups')?.resource_id).toBe(
      ids['group'],
    );
    expect(rows.find((r) => r.path === '/scim/v2/Bulk')).toMatchObject({
      resource_type: null,
      resource_id: null,
    });
    expect(rows.find((r) => r.path === '/scim/v2/Schemas')?.resource_type).toBeNull();
  });

  it('stores org, token id, request id, time and duration of each request', () => {
    for (const row of rows) {
      const org = row.org_id === acme.orgId ? acme : defaultOrg;
      expect(row.token_id).toBe(org.tokenId);
      expect(row.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Number.isInteger(row.duration_ms) && row.duration_ms >= 0).toBe(true);
    }
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(rows.length);
  });
});

describe('provisioning log: secrets', () => {
  it('stores no password value anywhere: POST, PUT, PATCH with and without path, Bulk', () => {
    const text = JSON.stringify(rows);
    for (const value of SECRETS) expect(text).not.toContain(value);
    const patchBodies = rows.filter((r) => r.method === 'PATCH' && r.path.startsWith('/scim/v2/Users'));
    expect(patchBodies.map((r) => r.request_body).every((b) => b?.includes('"[redacted]"'))).toBe(true);
    expect(rows.find((r) => r.path === '/scim/v2/Bulk')?.request_body).toContain('"password":"[redacted]"');
  });

  it('stores neither the Authorization header nor any token', () => {
    const text = JSON.stringify(rows);
    for (const token of [defaultOrg.token, acme.token]) expect(text).not.toContain(token);
    expect(text).not.toMatch(/Bearer msk_|msk_[A-Za-z0-9_-]{43}/);
    const withQueryToken = rows.find((r) => r.path.includes('access_token'));
    expect(withQueryToken?.path).toBe('/scim/v2/Users?count=1&access_token=[redacted]');
  });

  it('cuts a large body to 64 KiB with a marker', () => {
    const big = rows.find((r) => r.request_body?.includes('"userName":"big"'));
    const body = big?.request_body ?? '';
    expect(body).toMatch(/…\[truncated: \d+ bytes\]$/);
    expect(Buffer.byteLength(body.slice(0, body.lastIndexOf('…')), 'utf8')).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('provisioning log: reading', () => {
  it('lists an organization’s entries newest first, and only its own', async () => {
    const page = await listProvisioningLog({ store }, acme.orgId);
    expect(page.items.map((e) => e.method)).toEqual(['GET', 'POST']);
    expect(page.items.every((e) => e.orgId === acme.orgId)).toBe(true);
    const ofDefault = await listProvisioningLog({ store }, defaultOrg.orgId, { limit: 200 });
    expect(ofDefault.items.some((e) => e.orgId === acme.orgId)).toBe(false);
    expect(ofDefault.items.length + page.items.length).toBe(rows.length);
  });

  it('finds the requests about one user, and never another organization’s', async () => {
    const acmeAlice = ids['acme-alice'] ?? '';
    const found = await listProvisioningLog({ store }, acme.orgId, { resourceId: acmeAlice });
    expect(found.items).toHaveLength(1);
    const entryId = found.items[0]?.id ?? '';
    expect((await getProvisioningLogEntry({ store }, acme.orgId, entryId)).responseBody).toContain(acmeAlice);
    await expect(getProvisioningLogEntry({ store }, defaultOrg.orgId, entryId)).rejects.toMatchObject({
      status: 404,
    });
    expect((await listProvisioningLog({ store }, defaultOrg.orgId, { resourceId: acmeAlice })).items).toEqual(
      [],
    );
  });
});
