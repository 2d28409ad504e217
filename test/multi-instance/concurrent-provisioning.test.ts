// Two Muster instances on one PostgreSQL database, hit at the same moment over real HTTP: uniqueness holds across
// them, no membership or attribute change is lost, versions count every change, and organizations never mix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTwoInstances,
  type RunningInstance,
  type TwoInstances,
} from '../support/start-two-instances.js';
import { newGroup, newUser, patchBody, scim, type HttpResponse } from './http-client.js';

let both: TwoInstances;
beforeAll(async () => {
  both = await startTwoInstances();
});
afterAll(async () => {
  await both.close();
});

/** Instance a for even i, b for odd i: the requests of one test are spread over both. */
const either = (i: number): RunningInstance => (i % 2 === 0 ? both.a : both.b);

function statusCounts(responses: readonly HttpResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) counts[String(r.status)] = (counts[String(r.status)] ?? 0) + 1;
  return counts;
}

/** The version number inside a weak ETag (`W/"7"`). */
function versionOf(etag: string | null): number {
  const match = /^W\/"(\d+)"$/.exec(etag ?? '');
  if (match?.[1] === undefined) throw new Error(`not a Muster ETag: ${String(etag)}`);
  return Number(match[1]);
}

async function createUsers(token: string, prefix: string, count: number): Promise<string[]> {
  const created = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      scim(either(i), token, 'POST', '/Users', newUser(`${prefix}-${String(i)}@example.com`)),
    ),
  );
  expect(statusCounts(created)).toEqual({ '201': count });
  return created.map((r) => r.body.id as string);
}

describe('two instances, one database', () => {
  it('the same userName POSTed to both at once: exactly one 201, every other answer 409 uniqueness', async () => {
    for (const round of [1, 2, 3, 4, 5]) {
      const userName = `race-${String(round)}@example.com`;
      // Case variants too: userName is unique case-insensitively (RFC 7643 §4.1.1).
      const attempts = Array.from({ length: 20 }, (_, i) =>
        scim(
          either(i),
          both.token,
          'POST',
          '/Users',
          newUser(i % 3 === 0 ? userName.toUpperCase() : userName),
        ),
      );
      const responses = await Promise.all(attempts);
      expect(statusCounts(responses)).toEqual({ '201': 1, '409': 19 });
      for (const r of responses.filter((x) => x.status === 409)) expect(r.body.scimType).toBe('uniqueness');
      const rows = await both.query<{ n: number }>(
        'select count(*)::int as n from users where user_name_key = $1',
        [userName],
      );
      expect(rows[0]?.n).toBe(1);
    }
  });

  it('100 member adds to one group, spread over both instances at once: all 100 are members', async () => {
    const userIds = await createUsers(both.token, 'member', 100);
    const group = await scim(both.a, both.token, 'POST', '/Groups', newGroup('Everyone'));
    expect(group.status).toBe(201);
    const groupId = group.body.id as string;
    const startVersion = versionOf(group.headers.get('etag'));

    const patches = await Promise.all(
      userIds.map((id, i) =>
        scim(
          either(i),
          both.token,
          'PATCH',
          `/Groups/${groupId}`,
          patchBody({ op: 'add', path: 'members', value: [{ value: id }] }),
        ),
      ),
    );
    expect(statusCounts(patches)).toEqual({ '204': 100 });

    for (const instance of [both.a, both.b]) {
      const read = await scim(instance, both.token, 'GET', `/Groups/${groupId}`);
      const members = (read.body.members as { value: string }[]).map((m) => m.value);
      expect(members.sort()).toEqual([...userIds].sort());
      // Every add changed the group, so every one counts: no two PATCHes wrote the same version.
      expect(versionOf(read.headers.get('etag'))).toBe(startVersion + 100);
      expect(read.body.meta.version).toBe(read.headers.get('etag'));
    }
    const versions = patches.map((p) => versionOf(p.headers.get('etag'))).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: 100 }, (_, i) => startVersion + 1 + i));

    const user = await scim(both.b, both.token, 'GET', `/Users/${userIds[42] ?? ''}`);
    expect(user.body.groups).toEqual([expect.objectContaining({ value: groupId })]);
  });

  it('concurrent PATCHes of one user through both instances, each to another attribute: none is lost', async () => {
    const created = await scim(both.a, both.token, 'POST', '/Users', newUser('patched@example.com'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const startVersion = versionOf(created.headers.get('etag'));
    const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    const changes: readonly (readonly [string, string])[] = [
      ['displayName', 'Patched Person'],
      ['nickName', 'Pat'],
      ['title', 'Engineer'],
      ['userType', 'Employee'],
      ['locale', 'en-GB'],
      ['timezone', 'Europe/London'],
      ['preferredLanguage', 'en'],
      ['profileUrl', 'https://example.com/pat'],
      ['name.givenName', 'Pat'],
      ['name.familyName', 'Person'],
      ['name.middleName', 'Q'],
      ['name.honorificPrefix', 'Dr'],
      [`${enterprise}:employeeNumber`, '4711'],
      [`${enterprise}:department`, 'Platform'],
      [`${enterprise}:costCenter`, 'CC-9'],
      [`${enterprise}:division`, 'R&D'],
    ];
    const patches = await Promise.all(
      changes.map(([path, value], i) =>
        scim(either(i), both.token, 'PATCH', `/Users/${id}`, patchBody({ op: 'replace', path, value })),
      ),
    );
    expect(statusCounts(patches)).toEqual({ '200': changes.length });
    const versions = patches.map((p) => versionOf(p.headers.get('etag'))).sort((x, y) => x - y);
    expect(versions).toEqual(changes.map((_, i) => startVersion + 1 + i));

    const read = await scim(both.b, both.token, 'GET', `/Users/${id}`);
    expect(read.body).toMatchObject({
      displayName: 'Patched Person',
      nickName: 'Pat',
      title: 'Engineer',
      userType: 'Employee',
      locale: 'en-GB',
      timezone: 'Europe/London',
      preferredLanguage: 'en',
      profileUrl: 'https://example.com/pat',
      name: { givenName: 'Pat', familyName: 'Person', middleName: 'Q', honorificPrefix: 'Dr' },
      [enterprise]: { employeeNumber: '4711', department: 'Platform', costCenter: 'CC-9', division: 'R&D' },
    });
    expect(versionOf(read.headers.get('etag'))).toBe(startVersion + changes.length);
  });

  it('two organizations provisioning at once through both instances: every row lands in its own organization', async () => {
    const tokens = {
      north: await both.createOrgToken('north'),
      south: await both.createOrgToken('south'),
    };
    const orgs = ['north', 'south'] as const;
    // The same userNames in both organizations: unique per organization, not across them.
    const userResponses = await Promise.all(
      orgs.flatMap((org, o) =>
        Array.from({ length: 30 }, (_, i) =>
          scim(
            either(i + o),
            tokens[org],
            'POST',
            '/Users',
            newUser(`shared-${String(i)}@example.com`, {
              displayName: `${org} ${String(i)}`,
            }),
          ).then((r) => ({ org, r })),
        ),
      ),
    );
    expect(statusCounts(userResponses.map((x) => x.r))).toEqual({ '201': 60 });
    const groupResponses = await Promise.all(
      orgs.map((org, o) =>
        scim(
          either(o),
          tokens[org],
          'POST',
          '/Groups',
          newGroup(`${org} team`, {
            members: userResponses
              .filter((x) => x.org === org)
              .map((x) => ({ value: x.r.body.id as string })),
          }),
        ).then((r) => ({ org, r })),
      ),
    );
    expect(statusCounts(groupResponses.map((x) => x.r))).toEqual({ '201': 2 });

    const rows = await both.query<{ slug: string; display_name: string }>(
      `select o.slug, u.display_name from users u join organizations o on o.id = u.org_id
        where o.slug in ('north', 'south')`,
    );
    expect(rows).toHaveLength(60);
    for (const row of rows) expect(row.display_name.startsWith(`${row.slug} `)).toBe(true);
    const mixed = await both.query(
      `select 1 from group_members m join users u on u.id = m.member_id join groups g on g.id = m.group_id
        where u.org_id <> m.org_id or g.org_id <> m.org_id`,
    );
    expect(mixed).toEqual([]);
    const events = await both.query<{ slug: string; n: number }>(
      `select o.slug, count(*)::int as n from events e join organizations o on o.id = e.org_id
        join users u on u.id = e.resource_id where u.org_id <> e.org_id group by o.slug`,
    );
    expect(events).toEqual([]);

    for (const [o, org] of orgs.entries()) {
      for (const instance of [both.a, both.b]) {
        const list = await scim(instance, tokens[org], 'GET', '/Users?count=100');
        expect(list.body.totalResults).toBe(30);
        for (const user of list.body.Resources as { displayName: string }[]) {
          expect(user.displayName.startsWith(`${org} `)).toBe(true);
        }
        const groups = await scim(instance, tokens[org], 'GET', '/Groups');
        expect(groups.body.Resources.map((g: { displayName: string }) => g.displayName)).toEqual([
          `${org} team`,
        ]);
        expect(groups.body.Resources[0].members).toHaveLength(30);
        const other = orgs[1 - o] ?? 'north';
        const foreign = groupResponses.find((x) => x.org === other)?.r.body.id as string;
        expect((await scim(instance, tokens[org], 'GET', `/Groups/${foreign}`)).status).toBe(404);
      }
    }
  });
});
