// /api/v1/scim-tokens: tokens for identity providers, within the request's organization. The token is shown once,
// works on /scim/v2 at once, and stops working the moment it is revoked (the server's token cache is cleared).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminRequest, expectProblem, type AdminRequest, type Page } from './admin-request.js';

interface ScimTokenJson {
  readonly id: string;
  readonly name: string;
  readonly displayPrefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

interface CreatedJson extends ScimTokenJson {
  readonly token: string;
  readonly scimUrl: string;
}

let t: TestApp;
let api: AdminRequest;

beforeEach(async () => {
  t = await createTestApp();
  api = adminRequest(t);
});
afterEach(() => t.close());

async function create(body: object, org?: string): Promise<CreatedJson> {
  const res = await api('POST', '/scim-tokens', org === undefined ? { body } : { body, org });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreatedJson>();
}

function scimUsers(token: string) {
  return t.app.inject({
    method: 'GET',
    url: '/scim/v2/Users',
    headers: { authorization: `Bearer ${token}` },
  });
}

async function list(org?: string): Promise<readonly ScimTokenJson[]> {
  const res = await api('GET', '/scim-tokens', org === undefined ? {} : { org });
  expect(res.statusCode).toBe(200);
  return res.json<Page<ScimTokenJson>>().items;
}

describe('SCIM tokens through the admin API', () => {
  it('creates a token shown once with the SCIM URL; it works on /scim/v2 at once', async () => {
    const created = await create({ name: 'okta', expiresInDays: 30 });
    expect(created).toMatchObject({ name: 'okta', scimUrl: 'http://muster.test/scim/v2', revokedAt: null });
    expect(created.token).toMatch(/^msk_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.displayPrefix)).toBe(true);
    expect(Date.parse(created.expiresAt ?? '') - Date.parse(created.createdAt)).toBe(30 * 86_400_000);
    expect((await scimUsers(created.token)).statusCode).toBe(200);
  });

  it('lists tokens with last use, expiry and revocation and the SCIM URL, never the token itself', async () => {
    const created = await create({ name: 'entra' });
    await scimUsers(created.token);
    const listed = (await list()).find((x) => x.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'entra',
      displayPrefix: created.displayPrefix,
      createdAt: created.createdAt,
      expiresAt: null,
      lastUsedAt: expect.any(String),
      revokedAt: null,
    });
    const res = await api('GET', '/scim-tokens');
    expect(res.body).not.toContain(created.token);
    expect(res.json<{ scimUrl: string }>().scimUrl).toBe('http://muster.test/scim/v2');
  });

  it('revokes a token: SCIM rejects it on the very next request; revoking again changes nothing', async () => {
    const created = await create({ name: 'okta' });
    expect((await scimUsers(created.token)).statusCode).toBe(200);
    const res = await api('DELETE', `/scim-tokens/${created.id}`);
    expect(res.statusCode).toBe(200);
    const revoked = res.json<ScimTokenJson>();
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect((await scimUsers(created.token)).statusCode).toBe(401);
    const again = (await api('DELETE', `/scim-tokens/${created.id}`)).json<ScimTokenJson>();
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it('tokens belong to the selected organization; another organization cannot see or revoke them', async () => {
    expect((await api('POST', '/organizations', { body: { slug: 'acme' } })).statusCode).toBe(201);
    const acmeToken = await create({ name: 'acme-okta' }, 'acme');
    expect((await list('acme')).map((x) => x.name)).toEqual(['acme-okta']);
    expect((await list()).map((x) => x.name)).not.toContain('acme-okta');
    expectProblem(await api('DELETE', `/scim-tokens/${acmeToken.id}`), 404, 'not-found');
    expect((await scimUsers(acmeToken.token)).statusCode).toBe(200);
  });

  it.each([
    [{ name: '' }, 'validation-failed'],
    [{ name: 'x', expiresInDays: 0 }, 'validation-failed'],
    [{ name: 'x', expiresInDays: 5000 }, 'bad-request'],
  ])('rejects %j → 400', async (body, type) => {
    expectProblem(await api('POST', '/scim-tokens', { body }), 400, type);
  });

  it('an unknown token id → 404', async () => {
    expectProblem(await api('DELETE', '/scim-tokens/nope'), 404, 'not-found');
  });
});
