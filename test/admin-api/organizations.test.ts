// /api/v1/organizations: listed (paged), found by slug or id, created by instance-wide keys only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminRequest, expectProblem, type AdminRequest, type Page } from './admin-request.js';

interface OrganizationJson {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly createdAt: string;
}

let t: TestApp;
let api: AdminRequest;

beforeEach(async () => {
  t = await createTestApp();
  api = adminRequest(t);
});
afterEach(() => t.close());

async function create(slug: string, name?: string): Promise<OrganizationJson> {
  const res = await api('POST', '/organizations', { body: name === undefined ? { slug } : { slug, name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OrganizationJson>();
}

describe('POST /organizations', () => {
  it('creates an organization, named after its slug unless named', async () => {
    const acme = await create('acme', 'Acme Corp');
    expect(acme).toEqual({
      id: expect.any(String),
      slug: 'acme',
      name: 'Acme Corp',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect((await create('globex')).name).toBe('globex');
    expect((await t.muster.store.organizations.findBySlug('acme'))?.id).toBe(acme.id);
  });

  it('a taken slug → 409', async () => {
    await create('acme');
    expectProblem(await api('POST', '/organizations', { body: { slug: 'acme' } }), 409, 'conflict');
  });

  it.each(['Acme', '-acme', 'a'.repeat(64), ''])('an invalid slug %j → 400', async (slug) => {
    expectProblem(await api('POST', '/organizations', { body: { slug } }), 400, 'validation-failed');
  });

  it('an organization key may not create organizations → 403', async () => {
    const { key } = await t.createAdminKey({ orgSlug: 'acme' });
    expectProblem(await api('POST', '/organizations', { key, body: { slug: 'other' } }), 403, 'forbidden');
    expect(await t.muster.store.organizations.findBySlug('other')).toBeUndefined();
  });
});

describe('GET /organizations', () => {
  it('an instance-wide key lists every organization, oldest first, page by page', async () => {
    await create('acme');
    await create('globex');
    const first = await api('GET', '/organizations?limit=2');
    expect(first.statusCode).toBe(200);
    const page1 = first.json<Page<OrganizationJson>>();
    expect(page1.items.map((o) => o.slug)).toEqual(['default', 'acme']);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await api('GET', `/organizations?limit=2&cursor=${page1.nextCursor ?? ''}`)).json<
      Page<OrganizationJson>
    >();
    expect(page2).toEqual({ items: [expect.objectContaining({ slug: 'globex' })], nextCursor: null });
  });

  it('an organization key lists only its own', async () => {
    await create('acme');
    const { key } = await t.createAdminKey({ orgSlug: 'acme' });
    const page = (await api('GET', '/organizations', { key })).json<Page<OrganizationJson>>();
    expect(page.items.map((o) => o.slug)).toEqual(['acme']);
  });
});

describe('GET /organizations/{slugOrId}', () => {
  it('finds an organization by slug and by id', async () => {
    const acme = await create('acme');
    expect((await api('GET', '/organizations/acme')).json<OrganizationJson>()).toEqual(acme);
    expect((await api('GET', `/organizations/${acme.id}`)).json<OrganizationJson>()).toEqual(acme);
  });

  it('an unknown organization → 404', async () => {
    expectProblem(await api('GET', '/organizations/nope'), 404, 'not-found');
  });

  it('another organization is invisible to an organization key → 404', async () => {
    await create('acme');
    const { key } = await t.createAdminKey({ orgSlug: 'acme' });
    expect((await api('GET', '/organizations/acme', { key })).statusCode).toBe(200);
    expectProblem(await api('GET', '/organizations/default', { key }), 404, 'not-found');
  });
});
