// Property: a PATCH request either succeeds or fails as a whole; a failed one leaves the stored resource unchanged.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { newUser, patchBody, scimRequest, type ScimRequest } from './scim-request.js';

let t: TestApp;
let scim: ScimRequest;

beforeAll(async () => {
  t = await createTestApp();
  scim = scimRequest(t);
});
afterAll(async () => {
  await t.close();
});

const paths = [
  'displayName',
  'title',
  'active',
  'name.givenName',
  'emails',
  'emails[type eq "work"].value',
  'emails[type eq "home"]',
  'phoneNumbers[type eq "work"].value',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
  'id',
  'meta.created',
  'userName',
  'nosuchattribute',
  'emails[type eq',
];
const values = fc.oneof(
  fc.constantFrom('x', 'False', 'true', '', 'banana', '2026-01-01T00:00:00Z'),
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.constant([{ value: 'a@example.com', type: 'work' }]),
  fc.constant({ givenName: 'Ada' }),
);
const operation = fc.record(
  {
    op: fc.constantFrom('add', 'replace', 'remove', 'Add', 'Replace', 'Remove', 'merge'),
    path: fc.constantFrom(...paths),
    value: values,
  },
  { requiredKeys: ['op'] },
);

describe('PATCH atomicity', () => {
  it('leaves the user unchanged whenever a PATCH is rejected, and never answers 500', async () => {
    const created = await scim(
      'POST',
      '/Users',
      newUser('atomic@example.com', {
        displayName: 'Atomic',
        emails: [{ value: 'atomic@example.com', type: 'work', primary: true }],
      }),
    );
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 4 }), async (ops) => {
        const before = await scim('GET', `/Users/${id}`);
        const res = await scim('PATCH', `/Users/${id}`, patchBody(...ops));
        expect([200, 400]).toContain(res.status);
        const after = await scim('GET', `/Users/${id}`);
        if (res.status === 400) {
          expect(after.body).toEqual(before.body);
        } else {
          expect(after.body).toEqual(res.body);
        }
      }),
      { numRuns: 150 },
    );
  });
});
