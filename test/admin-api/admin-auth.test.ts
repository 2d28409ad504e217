// Admin API authentication and organization selection: every route but the OpenAPI document needs a live admin key;
// an organization key acts on its own organization only; an instance-wide key picks one with X-Muster-Org.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAdminKeys, revokeAdminKey } from '../../src/domain/admin-keys.js';
import { generateCredential, hashCredential } from '../../src/domain/credentials.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminRequest, expectProblem, type AdminRequest, type Page } from './admin-request.js';

let t: TestApp;
let api: AdminRequest;

beforeEach(async () => {
  t = await createTestApp();
  api = adminRequest(t);
});
afterEach(() => t.close());

const deps = () => ({ ...t.muster.tokenDeps, store: t.muster.store });

/** A key row written as the CLI would, but already expired. */
async function expiredKey(): Promise<string> {
  const key = generateCredential('mak_');
  await t.muster.store.adminKeys.insert({
    id: 'expired-key',
    orgId: null,
    name: 'old',
    keyHash: hashCredential(key),
    displayPrefix: key.slice(0, 12),
    createdAt: '2020-01-01T00:00:00.000Z',
    expiresAt: '2020-02-01T00:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
  });
  return key;
}

async function userNames(options: { key?: string; org?: string }): Promise<string[]> {
  const res = await api('GET', '/users', options);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page<{ userName: string }>>().items.map((u) => u.userName);
}

describe('admin key authentication', () => {
  const cases: [string, () => Promise<Record<string, string>>][] = [
    ['no Authorization header', () => Promise.resolve({})],
    ['another scheme', () => Promise.resolve({ authorization: `Basic ${t.adminKey}` })],
    ['a malformed key', () => Promise.resolve({ authorization: 'Bearer mak_short' })],
    ['an unknown key', () => Promise.resolve({ authorization: `Bearer ${generateCredential('mak_')}` })],
    ['a SCIM token', () => Promise.resolve({ authorization: `Bearer ${t.token}` })],
    [
      'a revoked key',
      async () => {
        const { id, key } = await t.createAdminKey();
        await revokeAdminKey(deps(), id);
        return { authorization: `Bearer ${key}` };
      },
    ],
    ['an expired key', async () => ({ authorization: `Bearer ${await expiredKey()}` })],
  ];

  it.each(cases)('%s → 401 problem with a Bearer challenge', async (_name, headers) => {
    const res = await api('GET', '/users', { key: null, headers: await headers() });
    expectProblem(res, 401, 'unauthorized');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="muster-admin"');
  });

  it('a live key is accepted and its last use recorded', async () => {
    const { id, key } = await t.createAdminKey({ name: 'ci' });
    expect((await api('GET', '/organizations', { key })).statusCode).toBe(200);
    const listed = (await listAdminKeys(deps())).find((k) => k.id === id);
    expect(listed?.lastUsedAt).toEqual(expect.any(String));
  });

  it('serves the OpenAPI document without a key', async () => {
    const res = await api('GET', '/openapi.json', { key: null });
    expect(res.statusCode).toBe(200);
  });

  it('does not put its admin-key check in front of /api/v1/keys/verify (API keys authenticate there)', async () => {
    const res = await api('GET', '/keys/verify', { key: null });
    expect(res.headers['www-authenticate']).not.toBe('Bearer realm="muster-admin"');
    expect(res.body).not.toContain('admin key');
  });
});

describe('organization selection', () => {
  beforeEach(async () => {
    expect((await api('POST', '/organizations', { body: { slug: 'acme' } })).statusCode).toBe(201);
    expect((await api('POST', '/users', { org: 'acme', body: { userName: 'ann@acme' } })).statusCode).toBe(
      201,
    );
    expect((await api('POST', '/users', { body: { userName: 'dan@default' } })).statusCode).toBe(201);
  });

  it('an instance-wide key acts on "default" without the header, else on the organization it names', async () => {
    const acme = (await t.muster.store.organizations.findBySlug('acme'))?.id ?? '';
    expect(await userNames({})).toEqual(['dan@default']);
    expect(await userNames({ org: 'acme' })).toEqual(['ann@acme']);
    expect(await userNames({ org: acme })).toEqual(['ann@acme']);
  });

  it('an id in the header always means that organization, even if another one took it as its slug', async () => {
    const defaultId = t.muster.defaultOrganization.id;
    expect((await api('POST', '/organizations', { body: { slug: defaultId } })).statusCode).toBe(201);
    expect(await userNames({ org: defaultId })).toEqual(['dan@default']);
  });

  it('an unknown organization in the header → 404 problem', async () => {
    const problem = expectProblem(await api('GET', '/users', { org: 'nope' }), 404, 'not-found');
    expect(problem.detail).toContain('"nope"');
  });

  it('an organization key acts on its own organization, named or not', async () => {
    const { key } = await t.createAdminKey({ orgSlug: 'acme' });
    expect(await userNames({ key })).toEqual(['ann@acme']);
    expect(await userNames({ key, org: 'acme' })).toEqual(['ann@acme']);
  });

  it.each(['default', 'nope'])(
    'an organization key naming another organization (%s) → 403 problem',
    async (org) => {
      const { key } = await t.createAdminKey({ orgSlug: 'acme' });
      const problem = expectProblem(await api('GET', '/users', { key, org }), 403, 'forbidden');
      expect(problem.detail).toContain('"acme"');
    },
  );

  it('a key scoped to an organization the CLI had to create is created with it', async () => {
    const { key } = await t.createAdminKey({ orgSlug: 'brand-new' });
    expect(await userNames({ key })).toEqual([]);
    expect(await t.muster.store.organizations.findBySlug('brand-new')).toBeDefined();
  });
});
