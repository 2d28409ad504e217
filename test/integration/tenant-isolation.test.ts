// Two organizations provisioning at the same moment each see exactly their own rows; a token never reaches another org.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { GROUP_SCHEMA, newUser, scimRequest, type ScimRequest } from './scim-request.js';

let t: TestApp;
let scim: ScimRequest;
let acmeToken: string;
let globexToken: string;

beforeAll(async () => {
  t = await createTestApp();
  scim = scimRequest(t);
  acmeToken = await t.createOrgToken('acme');
  globexToken = await t.createOrgToken('globex');
});
afterAll(async () => {
  await t.close();
});

describe('organization isolation', () => {
  it('keeps concurrent provisioning of two organizations apart', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `person${i}@shared.example`);
    // Same userNames in both orgs, interleaved: uniqueness is per organization.
    const writes = names.flatMap((name) => [
      scim('POST', '/Users', newUser(name, { externalId: `acme-${name}` }), acmeToken),
      scim('POST', '/Users', newUser(name, { externalId: `globex-${name}` }), globexToken),
    ]);
    const results = await Promise.all(writes);
    expect(results.every((r) => r.status === 201)).toBe(true);

    for (const [token, prefix] of [
      [acmeToken, 'acme-'],
      [globexToken, 'globex-'],
    ] as const) {
      const list = await scim('GET', '/Users?count=1000', undefined, token);
      expect(list.body.totalResults).toBe(names.length);
      const externalIds = (list.body.Resources as { externalId: string }[]).map((u) => u.externalId);
      expect(externalIds.every((id) => id.startsWith(prefix))).toBe(true);
    }
  });

  it('answers 404 for another organization’s resource and refuses its members', async () => {
    const user = await scim('POST', '/Users', newUser('only-acme@example.com'), acmeToken);
    expect(user.status).toBe(201);
    const id: string = user.body.id;

    expect((await scim('GET', `/Users/${id}`, undefined, globexToken)).status).toBe(404);
    expect((await scim('DELETE', `/Users/${id}`, undefined, globexToken)).status).toBe(404);
    const filtered = await scim('GET', `/Users?filter=id eq "${id}"`, undefined, globexToken);
    expect(filtered.body.totalResults).toBe(0);

    const group = await scim(
      'POST',
      '/Groups',
      { schemas: [GROUP_SCHEMA], displayName: 'Globex team', members: [{ value: id }] },
      globexToken,
    );
    expect(group.status).toBe(400);
    expect((await scim('GET', `/Users/${id}`, undefined, acmeToken)).status).toBe(200);
  });
});
