// List rules (RFC 7644 §3.4.2): count=0 returns totals only, negative count is 0, startIndex < 1 is 1; filters arrive
// `+`- or `%20`-encoded with case-insensitive attribute names and operators, and caseExact=false attributes compare
// case-insensitively; attributes / excludedAttributes (sub-attributes too) and POST /.search (RFC 7644 §3.4.3).
import { describe, expect, it } from 'vitest';
import {
  GROUP_SCHEMA,
  LIST_RESPONSE,
  USER_SCHEMA,
  filterQuery,
  plusFilterQuery,
  useScimApp,
} from '../scim-client.js';

const fx = useScimApp();
const SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

async function seed(): Promise<string[]> {
  const ids: string[] = [];
  for (const [userName, displayName] of [
    ['Alice@Example.com', 'Alice Adams'],
    ['bob@example.com', 'Bob Brown'],
    ['carol@other.example', 'Carol Clark'],
  ] as const) {
    const res = await fx.client.post('/Users', {
      schemas: [USER_SCHEMA],
      userName,
      displayName,
      name: { givenName: displayName.split(' ')[0], familyName: displayName.split(' ')[1] },
      emails: [{ type: 'work', value: userName.toLowerCase() }],
    });
    expect(res.status).toBe(201);
    ids.push(res.body.id as string);
  }
  return ids;
}

describe('paging parameters', () => {
  it.each(['count=0', 'count=-1', 'count=-50'])('answers %s with totalResults only', async (query) => {
    await seed();
    const res = await fx.client.get(`/Users?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.schemas).toEqual([LIST_RESPONSE]);
    expect(res.body.totalResults).toBe(3);
    expect(res.body.Resources ?? []).toEqual([]);
  });

  it.each(['startIndex=0', 'startIndex=-3'])('treats %s as startIndex=1', async (query) => {
    await seed();
    const first = await fx.client.get('/Users?startIndex=1&count=2');
    const res = await fx.client.get(`/Users?${query}&count=2`);
    expect(res.status).toBe(200);
    expect(res.body.startIndex).toBe(1);
    expect(res.body.Resources.map((r: { id: string }) => r.id)).toEqual(
      first.body.Resources.map((r: { id: string }) => r.id),
    );
  });
});

describe('filter encoding and case', () => {
  it('reads the same filter sent %20-encoded and +-encoded', async () => {
    const [, bob] = await seed();
    for (const query of [
      filterQuery('displayName eq "Bob Brown"'),
      plusFilterQuery('displayName eq "Bob Brown"'),
    ]) {
      const res = await fx.client.get(`/Users?${query}`);
      expect(
        res.body.Resources.map((r: { id: string }) => r.id),
        query,
      ).toEqual([bob]);
    }
  });

  it('treats attribute names and operators case-insensitively', async () => {
    const [alice] = await seed();
    for (const filter of [
      'USERNAME EQ "alice@example.com"',
      'username Eq "ALICE@EXAMPLE.COM"',
      'UserName sW "ALI"',
    ]) {
      const res = await fx.client.get(`/Users?${filterQuery(filter)}`);
      expect(res.status, filter).toBe(200);
      expect(
        res.body.Resources.map((r: { id: string }) => r.id),
        filter,
      ).toEqual([alice]);
    }
  });

  it('compares userName, emails.value and displayName case-insensitively (caseExact=false)', async () => {
    const [alice, , carol] = await seed();
    const cases: [string, string[]][] = [
      ['userName eq "ALICE@example.COM"', [alice!]],
      ['emails.value eq "CAROL@OTHER.EXAMPLE"', [carol!]],
      ['displayName eq "alice adams"', [alice!]],
      ['emails[type eq "work" and value co "OTHER"]', [carol!]],
    ];
    for (const [filter, expected] of cases) {
      const res = await fx.client.get(`/Users?${filterQuery(filter)}`);
      expect(
        res.body.Resources.map((r: { id: string }) => r.id),
        filter,
      ).toEqual(expected);
    }
    const group = await fx.client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Finance Team' });
    const groups = await fx.client.get(`/Groups?${filterQuery('displayName eq "FINANCE TEAM"')}`);
    expect(groups.body.Resources.map((g: { id: string }) => g.id)).toEqual([group.body.id]);
  });
});

describe('projection', () => {
  it('returns only requested attributes (sub-attributes too), always with id and schemas', async () => {
    const [alice] = await seed();
    const res = await fx.client.get(`/Users/${alice!}?attributes=name.givenName,userName`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: alice,
      userName: 'Alice@Example.com',
      name: { givenName: 'Alice' },
    });
    expect(res.body.schemas).toContain(USER_SCHEMA);
    expect(res.body.name.familyName).toBeUndefined();
    expect(res.body.displayName).toBeUndefined();
    expect(res.body.emails).toBeUndefined();
  });

  it('drops excluded attributes (sub-attributes too) on get and list', async () => {
    const [alice] = await seed();
    const one = await fx.client.get(`/Users/${alice!}?excludedAttributes=name.familyName,emails`);
    expect(one.body.name).toEqual({ givenName: 'Alice' });
    expect(one.body.emails).toBeUndefined();
    expect(one.body.userName).toBe('Alice@Example.com');
    const list = await fx.client.get('/Users?excludedAttributes=emails');
    for (const user of list.body.Resources as Record<string, unknown>[]) {
      expect(user).not.toHaveProperty('emails');
      expect(user).toHaveProperty('id');
    }
  });
});

describe('POST /.search', () => {
  it('answers POST /Users/.search like the equivalent GET', async () => {
    const [, bob] = await seed();
    const res = await fx.client.post('/Users/.search', {
      schemas: [SEARCH_REQUEST],
      filter: 'userName eq "BOB@example.com"',
      attributes: ['userName'],
      startIndex: 1,
      count: 10,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 1 });
    expect(res.body.Resources[0]).toMatchObject({ id: bob, userName: 'bob@example.com' });
    expect(res.body.Resources[0].displayName).toBeUndefined();
  });

  it('answers POST /.search at the root across users and groups', async () => {
    await seed();
    await fx.client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Root search group' });
    const res = await fx.client.post('/.search', { schemas: [SEARCH_REQUEST], count: 100 });
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(4);
    expect(res.body.Resources).toHaveLength(4);
  });
});
