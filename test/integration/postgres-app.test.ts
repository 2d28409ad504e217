// The whole app (createMuster, the production wiring) on PostgreSQL: a fresh schema, SCIM requests through inject().
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresTestSchema, type PostgresTestSchema } from '../support/postgres-test-database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { GROUP_SCHEMA, newUser, patchBody, scimRequest, type ScimRequest } from './scim-request.js';

interface Running {
  readonly schema: PostgresTestSchema;
  readonly t: TestApp;
  readonly scim: ScimRequest;
}

async function start(): Promise<Running> {
  const schema = await createPostgresTestSchema();
  const t = await createTestApp({ DATABASE_URL: schema.databaseUrl });
  return { schema, t, scim: scimRequest(t) };
}

describe('Muster on PostgreSQL', () => {
  // Started once; every test awaits it, so without a server each test fails with the reason (none is skipped).
  let running: Promise<Running>;
  let scim: ScimRequest;
  beforeAll(() => {
    running = start();
    running.catch(() => undefined);
  });
  beforeEach(async () => {
    ({ scim } = await running);
  });
  afterAll(async () => {
    const started = await running.catch(() => undefined);
    await started?.t.close();
    await started?.schema.drop();
  });

  it('runs on the configured PostgreSQL database', async () => {
    expect((await running).t.muster.config.database.kind).toBe('postgres');
  });

  it('creates, reads, filters, patches and deletes a user', async () => {
    const created = await scim('POST', '/Users', newUser('Zoë@Example.com', { displayName: 'Zoë' }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const got = await scim('GET', `/Users/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, userName: 'Zoë@Example.com', displayName: 'Zoë', active: true });

    const found = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "zoË@example.com"')}`);
    expect(found.status).toBe(200);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(id);
    const byDisplay = await scim('GET', `/Users?filter=${encodeURIComponent('displayName co "OË"')}`);
    expect(byDisplay.body.totalResults).toBe(1);

    const patched = await scim(
      'PATCH',
      `/Users/${id}`,
      patchBody(
        { op: 'replace', path: 'active', value: false },
        { op: 'add', path: 'title', value: 'Pilot' },
      ),
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ active: false, title: 'Pilot' });
    const inactive = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent('active eq false and title eq "pilot"')}`,
    );
    expect(inactive.body.totalResults).toBe(1);

    const taken = await scim('POST', '/Users', newUser('ZOË@example.com'));
    expect(taken.status).toBe(409);
    expect(taken.body.scimType).toBe('uniqueness');

    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${id}`)).status).toBe(404);
  });

  it('creates, reads, filters, patches and deletes a group with members', async () => {
    const alice = (await scim('POST', '/Users', newUser('alice'))).body.id as string;
    const bob = (await scim('POST', '/Users', newUser('bob'))).body.id as string;
    const created = await scim('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Engineering',
      members: [{ value: alice }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const got = await scim('GET', `/Groups/${id}`);
    expect(got.status).toBe(200);
    expect(got.body.members).toEqual([expect.objectContaining({ value: alice, display: 'alice' })]);

    const patched = await scim(
      'PATCH',
      `/Groups/${id}`,
      patchBody({ op: 'add', path: 'members', value: [{ value: bob }] }),
    );
    // A Group PATCH answers 204 without a body unless attributes are asked for.
    expect(patched.status).toBe(204);
    const byMember = await scim('GET', `/Groups?filter=${encodeURIComponent(`members.value eq "${bob}"`)}`);
    expect(byMember.body.Resources.map((g: { id: string }) => g.id)).toEqual([id]);
    const user = await scim('GET', `/Users/${bob}`);
    expect(user.body.groups).toEqual([expect.objectContaining({ value: id, display: 'Engineering' })]);

    const removed = await scim(
      'PATCH',
      `/Groups/${id}`,
      patchBody({ op: 'remove', path: `members[value eq "${alice}"]` }),
    );
    expect(removed.status).toBe(204);
    const after = await scim('GET', `/Groups/${id}`);
    expect(after.body.members.map((m: { value: string }) => m.value)).toEqual([bob]);

    expect((await scim('DELETE', `/Groups/${id}`)).status).toBe(204);
    expect((await scim('GET', `/Groups/${id}`)).status).toBe(404);
    expect((await scim('GET', `/Users/${bob}`)).body.groups ?? []).toEqual([]);
  });
});
