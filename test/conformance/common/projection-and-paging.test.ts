// Projection on writes (RFC 7644 §3.9: attributes / excludedAttributes apply to POST and PUT answers too, never to
// what is stored), RFC 9865 cursor paging walked end to end, sortBy / sortOrder (RFC 7644 §3.4.2.3) and POST /.search
// (RFC 7644 §3.4.3) on Groups and Users.
import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_USER,
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  LIST_RESPONSE,
  USER_SCHEMA,
  createUser,
  errorShape,
  filterQuery,
  useScimApp,
} from '../scim-client.js';

const fx = useScimApp();
const SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

const ids = (res: { body: { Resources: { id: string }[] } }): string[] => res.body.Resources.map((r) => r.id);
const userNames = (res: { body: { Resources: { userName: string }[] } }): string[] =>
  res.body.Resources.map((r) => r.userName);

describe('projection on POST and PUT', () => {
  it('answers POST /Users?attributes=userName with schemas, id and userName only (returned:always kept)', async () => {
    const res = await fx.client.post('/Users?attributes=userName', {
      schemas: [USER_SCHEMA, ENTERPRISE_USER],
      userName: 'bjensen@example.com',
      displayName: 'Babs Jensen',
      name: { givenName: 'Barbara', familyName: 'Jensen' },
      emails: [{ value: 'bjensen@example.com', type: 'work' }],
      [ENTERPRISE_USER]: { department: 'Tour Operations' },
    });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    // meta is returned "default" (RFC 7643 §3.1), so attributes=userName leaves it out; the emptied extension
    // goes from `schemas` too.
    expect(res.body).toEqual({ schemas: [USER_SCHEMA], id, userName: 'bjensen@example.com' });
    expect(res.headers['location']).toBe(`${fx.t.scimBase}/Users/${id}`);
    expect(res.headers['etag']).toBe('W/"1"');

    const stored = await fx.client.get(`/Users/${id}`);
    expect(stored.body).toMatchObject({
      displayName: 'Babs Jensen',
      name: { givenName: 'Barbara', familyName: 'Jensen' },
      [ENTERPRISE_USER]: { department: 'Tour Operations' },
      meta: { resourceType: 'User', location: `${fx.t.scimBase}/Users/${id}` },
    });
  });

  it('answers POST /Users?attributes=userName,meta with meta as well', async () => {
    const res = await fx.client.post('/Users?attributes=userName,meta', {
      schemas: [USER_SCHEMA],
      userName: 'meta@example.com',
      title: 'Guide',
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body as object).sort()).toEqual(['id', 'meta', 'schemas', 'userName']);
    expect(res.body.meta).toMatchObject({
      resourceType: 'User',
      location: `${fx.t.scimBase}/Users/${res.body.id as string}`,
      version: 'W/"1"',
    });
  });

  it('leaves excludedAttributes out of a PUT answer but stores them', async () => {
    const id = await createUser(fx.client, 'put@example.com');
    const res = await fx.client.put(`/Users/${id}?excludedAttributes=emails,name.familyName`, {
      schemas: [USER_SCHEMA],
      userName: 'put@example.com',
      displayName: 'Put Person',
      name: { givenName: 'Put', familyName: 'Person' },
      emails: [{ value: 'put@example.com', type: 'work', primary: true }],
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('emails');
    expect(res.body.name).toEqual({ givenName: 'Put' });
    expect(res.body).toMatchObject({ id, userName: 'put@example.com', displayName: 'Put Person' });

    const stored = await fx.client.get(`/Users/${id}`);
    expect(stored.body.name).toEqual({ givenName: 'Put', familyName: 'Person' });
    expect(stored.body.emails).toEqual([{ value: 'put@example.com', type: 'work', primary: true }]);
  });
});

describe('RFC 9865 cursor paging', () => {
  async function createSeven(): Promise<string[]> {
    const created: string[] = [];
    for (let i = 1; i <= 7; i++) created.push(await createUser(fx.client, `cursor${i}@example.com`));
    return created;
  }

  it('walks nextCursor from a bare "cursor" to the last page and sees every user exactly once', async () => {
    const created = await createSeven();
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let query = 'count=3&cursor';
    for (let page = 0; page < 10; page++) {
      const res = await fx.client.get(`/Users?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.body.schemas).toEqual([LIST_RESPONSE]);
      expect(res.body.totalResults).toBe(7);
      expect(res.body.itemsPerPage).toBe(res.body.Resources.length);
      // Cursor paging has no startIndex (RFC 9865 §2).
      expect(res.body).not.toHaveProperty('startIndex');
      seen.push(...ids(res));
      pageSizes.push(res.body.Resources.length);
      const next = res.body.nextCursor as string | undefined;
      if (next === undefined) break;
      query = `count=3&cursor=${encodeURIComponent(next)}`;
    }
    expect(pageSizes).toEqual([3, 3, 1]);
    expect(new Set(seen).size).toBe(7);
    // Without sortBy the order is creation order.
    expect(seen).toEqual(created);
  });

  it('starts cursor paging from "cursor=" just like a bare "cursor"', async () => {
    await createSeven();
    const bare = await fx.client.get('/Users?count=3&cursor');
    const empty = await fx.client.get('/Users?count=3&cursor=');
    expect(empty.status).toBe(200);
    expect(ids(empty)).toEqual(ids(bare));
    expect(empty.body.nextCursor).toEqual(expect.any(String));
  });

  it('walks a descending userName sort with cursors', async () => {
    await createSeven();
    const seen: string[] = [];
    let query = 'sortBy=userName&sortOrder=descending&count=3&cursor';
    for (let page = 0; page < 10; page++) {
      const res = await fx.client.get(`/Users?${query}`);
      expect(res.status, query).toBe(200);
      seen.push(...userNames(res));
      const next = res.body.nextCursor as string | undefined;
      if (next === undefined) break;
      query = `sortBy=userName&sortOrder=descending&count=3&cursor=${encodeURIComponent(next)}`;
    }
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `cursor${i}@example.com`));
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['base64url that is not a cursor', Buffer.from('hello', 'utf8').toString('base64url')],
  ])('answers a %s cursor with 400 invalidCursor', async (_label, cursor) => {
    await createSeven();
    const res = await fx.client.get(`/Users?count=3&cursor=${encodeURIComponent(cursor)}`);
    expect(res.status).toBe(400);
    expect(errorShape(res)).toEqual({ status: '400', scimType: 'invalidCursor', schemas: [ERROR_SCHEMA] });
  });

  it('refuses a cursor issued for another sort with 400 invalidCursor', async () => {
    await createSeven();
    const first = await fx.client.get('/Users?count=3&cursor');
    const next = first.body.nextCursor as string;
    const res = await fx.client.get(
      `/Users?sortBy=userName&sortOrder=descending&count=3&cursor=${encodeURIComponent(next)}`,
    );
    expect(res.status).toBe(400);
    expect(errorShape(res)).toEqual({ status: '400', scimType: 'invalidCursor', schemas: [ERROR_SCHEMA] });
  });
});

describe('sortBy and sortOrder', () => {
  // Created out of alphabetical order, with mixed case: userName is caseExact=false, so it sorts case-insensitively.
  const NAMES = ['bob@example.com', 'Dave@example.com', 'alice@example.com', 'Carol@example.com'];

  async function createNamed(): Promise<string[]> {
    const created: string[] = [];
    for (const name of NAMES) created.push(await createUser(fx.client, name));
    return created;
  }

  it('returns users in descending userName order', async () => {
    await createNamed();
    const res = await fx.client.get('/Users?sortBy=userName&sortOrder=descending');
    expect(res.status).toBe(200);
    expect(userNames(res)).toEqual([
      'Dave@example.com',
      'Carol@example.com',
      'bob@example.com',
      'alice@example.com',
    ]);
    const ascending = await fx.client.get('/Users?sortBy=userName');
    expect(userNames(ascending)).toEqual([
      'alice@example.com',
      'bob@example.com',
      'Carol@example.com',
      'Dave@example.com',
    ]);
  });

  it('sorts by meta.created in both directions', async () => {
    const created = await createNamed();
    const ascending = await fx.client.get('/Users?sortBy=meta.created&sortOrder=ascending');
    expect(ascending.status).toBe(200);
    expect(ids(ascending)).toEqual(created);
    const descending = await fx.client.get('/Users?sortBy=meta.created&sortOrder=descending');
    expect(descending.status).toBe(200);
    expect(ids(descending)).toEqual([...created].reverse());
  });

  it('pages a sorted list with startIndex without losing or repeating a user', async () => {
    await createNamed();
    const first = await fx.client.get('/Users?sortBy=userName&sortOrder=descending&startIndex=1&count=2');
    const second = await fx.client.get('/Users?sortBy=userName&sortOrder=descending&startIndex=3&count=2');
    expect([...userNames(first), ...userNames(second)]).toEqual([
      'Dave@example.com',
      'Carol@example.com',
      'bob@example.com',
      'alice@example.com',
    ]);
  });
});

describe('POST /.search on a resource type', () => {
  it('finds the group a displayName filter names with POST /Groups/.search', async () => {
    const groupIds: string[] = [];
    for (const displayName of ['Tour Guides', 'Employees', 'US Employees']) {
      const res = await fx.client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName });
      expect(res.status).toBe(201);
      groupIds.push(res.body.id as string);
    }
    const res = await fx.client.post('/Groups/.search', {
      schemas: [SEARCH_REQUEST],
      filter: 'displayName eq "employees"',
      startIndex: 1,
      count: 10,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 1, itemsPerPage: 1 });
    expect(res.body.Resources).toEqual([
      expect.objectContaining({ id: groupIds[1], displayName: 'Employees', schemas: [GROUP_SCHEMA] }),
    ]);
    // The same query through GET gives the same answer.
    const get = await fx.client.get(`/Groups?${filterQuery('displayName eq "employees"')}`);
    expect(ids(get)).toEqual(ids(res));
  });

  it('projects POST /Users/.search results onto the attributes it names', async () => {
    const alice = await createUser(fx.client, 'alice@example.com', {
      displayName: 'Alice Adams',
      title: 'Guide',
      emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
    });
    await createUser(fx.client, 'bob@example.com', { displayName: 'Bob Brown' });
    const res = await fx.client.post('/Users/.search', {
      schemas: [SEARCH_REQUEST],
      filter: 'userName sw "ALICE"',
      attributes: ['displayName', 'emails.value'],
    });
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources).toEqual([
      {
        schemas: [USER_SCHEMA],
        id: alice,
        displayName: 'Alice Adams',
        emails: [{ value: 'alice@example.com' }],
      },
    ]);
  });

  it('takes cursor paging and sorting from the search body', async () => {
    for (const name of ['c@example.com', 'a@example.com', 'b@example.com']) await createUser(fx.client, name);
    const first = await fx.client.post('/Users/.search', {
      schemas: [SEARCH_REQUEST],
      sortBy: 'userName',
      count: 2,
      cursor: '',
      attributes: ['userName'],
    });
    expect(first.status).toBe(200);
    expect(userNames(first)).toEqual(['a@example.com', 'b@example.com']);
    const second = await fx.client.post('/Users/.search', {
      schemas: [SEARCH_REQUEST],
      sortBy: 'userName',
      count: 2,
      cursor: first.body.nextCursor as string,
      attributes: ['userName'],
    });
    expect(userNames(second)).toEqual(['c@example.com']);
    expect(second.body).not.toHaveProperty('nextCursor');
  });
});
