// /Users and /Groups over HTTP (RFC 7644 §3.3–§3.6): status codes, Location/ETag headers, conditional requests,
// PATCH 200 vs 204, list query plumbing (+ and %20 encodings, paging, cursors), /.search and /Me.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  LIST_RESPONSE,
  USER_SCHEMA,
  createHttpFixture,
  patchOps,
  type HttpFixture,
} from './http-fixture.js';

let fx: HttpFixture;
beforeEach(async () => {
  fx = await createHttpFixture();
});
afterEach(async () => {
  await fx.app.close();
});

async function createUser(userName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await fx.call('POST', '/scim/v2/Users', {
    body: { schemas: [USER_SCHEMA], userName, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function createGroup(displayName: string): Promise<string> {
  const res = await fx.call('POST', '/scim/v2/Groups', { body: { schemas: [GROUP_SCHEMA], displayName } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const ids = (res: { body: { Resources: { id: string }[] } }): string[] => res.body.Resources.map((r) => r.id);

describe('create, read, replace, delete', () => {
  it.each([
    ['/Users', { schemas: [USER_SCHEMA], userName: 'a@example.com' }],
    ['/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Team' }],
  ])('answers POST %s with 201, Location = meta.location and ETag = meta.version', async (path, body) => {
    const res = await fx.call('POST', `/scim/v2${path}`, { body });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe(`${BASE_URL}${path}/${res.body.id as string}`);
    expect(res.headers['location']).toBe(res.body.meta.location);
    expect(res.headers['etag']).toBe(res.body.meta.version);
  });

  it('answers GET by id with the ETag, and If-None-Match with 304 only while it matches', async () => {
    const id = await createUser('inm@example.com');
    const got = await fx.call('GET', `/scim/v2/Users/${id}`);
    expect(got.status).toBe(200);
    const etag = String(got.headers['etag']);
    expect(etag).toBe('W/"1"');
    for (const header of [etag, '"1"', `W/"9", ${etag}`, '*']) {
      const notModified = await fx.call('GET', `/scim/v2/Users/${id}`, {
        headers: { 'if-none-match': header },
      });
      expect(notModified.status, header).toBe(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers['etag']).toBe(etag);
    }
    await fx.call('PATCH', `/scim/v2/Users/${id}`, {
      body: patchOps({ op: 'replace', path: 'title', value: 'x' }),
    });
    const changed = await fx.call('GET', `/scim/v2/Users/${id}`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.title).toBe('x');
  });

  it('passes If-Match to PUT, PATCH and DELETE and renders the 412', async () => {
    const id = await createUser('im@example.com');
    const headers = { 'if-match': 'W/"7"' };
    const results = [
      await fx.call('PUT', `/scim/v2/Users/${id}`, { body: { userName: 'im@example.com' }, headers }),
      await fx.call('PATCH', `/scim/v2/Users/${id}`, {
        body: patchOps({ op: 'replace', path: 'title', value: 'x' }),
        headers,
      }),
      await fx.call('DELETE', `/scim/v2/Users/${id}`, { headers }),
    ];
    expect(results.map((r): unknown[] => [r.status, r.body?.status])).toEqual([
      [412, '412'],
      [412, '412'],
      [412, '412'],
    ]);
    const writes = fx.services.users.calls.filter((c) => ['replace', 'patch', 'delete'].includes(c.method));
    expect(writes.map((c) => c.options?.ifMatch)).toEqual(['W/"7"', 'W/"7"', 'W/"7"']);
  });

  it('sends no ifMatch when the header is absent', async () => {
    const id = await createUser('nim@example.com');
    await fx.call('PUT', `/scim/v2/Users/${id}`, { body: { userName: 'nim@example.com' } });
    expect(fx.services.users.calls.at(-1)?.options).toEqual({});
  });

  it('answers PUT with 200 and the new ETag, also with a trailing "?" (OneLogin)', async () => {
    const id = await createUser('ol@example.com');
    const res = await fx.call('PUT', `/scim/v2/Users/${id}?`, {
      body: { userName: 'ol@example.com', title: 'VP' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, title: 'VP', meta: { location: `${BASE_URL}/Users/${id}` } });
    expect(res.headers['etag']).toBe('W/"2"');
  });

  it('answers DELETE with 204 and an empty body, then GET with a SCIM 404', async () => {
    const id = await createUser('del@example.com');
    const res = await fx.call('DELETE', `/scim/v2/Users/${id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const gone = await fx.call('GET', `/scim/v2/Users/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
  });

  it('passes attributes / excludedAttributes of a GET as the projection', async () => {
    const id = await createUser('p@example.com', { title: 'T', displayName: 'D' });
    const res = await fx.call('GET', `/scim/v2/Users/${id}?attributes=userName,name.givenName`);
    expect(res.body.title).toBeUndefined();
    expect(res.body.userName).toBe('p@example.com');
    expect(fx.services.users.calls.at(-1)?.projection).toEqual({
      attributes: [{ name: 'userName' }, { name: 'name', subAttr: 'givenName' }],
      excludedAttributes: [],
    });
  });

  it.each([
    ['PUT', '/scim/v2/Users'],
    ['PATCH', '/scim/v2/Groups'],
    ['DELETE', '/scim/v2/Users'],
    ['POST', '/scim/v2/Users/some-id'],
  ] as const)('answers %s %s with a SCIM 405', async (method, url) => {
    const res = await fx.call(method, url, method === 'DELETE' ? {} : { body: {} });
    expect(res.status).toBe(405);
    expect(res.body.status).toBe('405');
  });
});

describe('PATCH answers', () => {
  const rename = patchOps({ op: 'replace', path: 'displayName', value: 'Renamed' });

  it('answers PATCH /Users with 200, the resource and its ETag', async () => {
    const id = await createUser('u@example.com');
    const res = await fx.call('PATCH', `/scim/v2/Users/${id}`, { body: rename });
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('Renamed');
    expect(res.headers['etag']).toBe(res.body.meta.version);
    expect(fx.services.users.calls.at(-1)?.options?.wantResource).toBe(true);
  });

  it('answers PATCH /Groups with 204 and the ETag, without asking for the resource', async () => {
    const id = await createGroup('g');
    const res = await fx.call('PATCH', `/scim/v2/Groups/${id}`, { body: rename });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers['etag']).toBe('W/"2"');
    expect(fx.services.groups.calls.at(-1)?.options?.wantResource).toBe(false);
  });

  it.each(['attributes=displayName', 'excludedAttributes=members'])(
    'answers PATCH /Groups?%s with 200 and the projected group',
    async (query) => {
      const id = await createGroup('g');
      const res = await fx.call('PATCH', `/scim/v2/Groups/${id}?${query}`, { body: rename });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, displayName: 'Renamed' });
      expect(fx.services.groups.calls.at(-1)?.options?.wantResource).toBe(true);
    },
  );
});

describe('list', () => {
  it('answers an empty directory with 200, totalResults 0 and Resources []', async () => {
    const res = await fx.call('GET', '/scim/v2/Users?filter=userName+eq+%22nobody%22&startIndex=1&count=100');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      schemas: [LIST_RESPONSE],
      totalResults: 0,
      itemsPerPage: 0,
      startIndex: 1,
      Resources: [],
    });
  });

  it.each([
    'filter=displayName+eq+%22Bob+Brown%22',
    'filter=displayName%20eq%20%22Bob%20Brown%22',
    'filter=displayName eq "Bob Brown"',
    'FILTER=displayName+EQ+%22Bob+Brown%22',
  ])('reads the filter %s', async (query) => {
    await createUser('alice@example.com', { displayName: 'Alice Adams' });
    const bob = await createUser('bob@example.com', { displayName: 'Bob Brown' });
    const res = await fx.call('GET', `/scim/v2/Users?${query}`);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([bob]);
  });

  it('keeps a + inside a %2B-encoded filter value', async () => {
    const plus = await createUser('a+b@example.com');
    const res = await fx.call(
      'GET',
      `/scim/v2/Users?filter=${encodeURIComponent('userName eq "a+b@example.com"')}`,
    );
    expect(ids(res)).toEqual([plus]);
  });

  it('pages with startIndex and count and reports itemsPerPage as the returned count', async () => {
    const all = [await createUser('a'), await createUser('b'), await createUser('c')];
    const res = await fx.call('GET', '/scim/v2/Users?startIndex=2&count=1');
    expect(res.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(ids(res)).toEqual([all[1]]);
    expect(fx.services.users.calls.at(-1)?.query).toEqual({
      sortOrder: 'ascending',
      startIndex: 2,
      count: 1,
    });
  });

  it('caps count at maxResults', async () => {
    await fx.app.close();
    fx = await createHttpFixture({ limits: { maxResults: 2 } });
    await createUser('a');
    await createUser('b');
    await createUser('c');
    const res = await fx.call('GET', '/scim/v2/Users?count=50');
    expect(res.body).toMatchObject({ totalResults: 3, itemsPerPage: 2 });
    const noCount = await fx.call('GET', '/scim/v2/Users');
    expect(noCount.body.itemsPerPage).toBe(2);
  });

  it('follows RFC 9865 cursors: nextCursor until the last page, no startIndex', async () => {
    const all = [await createUser('a'), await createUser('b'), await createUser('c')];
    const first = await fx.call('GET', '/scim/v2/Users?cursor&count=2');
    expect(first.body).toMatchObject({ totalResults: 3, itemsPerPage: 2, nextCursor: '2' });
    expect(first.body.startIndex).toBeUndefined();
    const second = await fx.call('GET', `/scim/v2/Users?cursor=${first.body.nextCursor as string}&count=2`);
    expect([...ids(first), ...ids(second)]).toEqual(all);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it.each([
    ['cursor=abc&startIndex=2', 'invalidValue'],
    ['count=ten', 'invalidValue'],
    ['sortOrder=sideways', 'invalidValue'],
    ['filter=userName+eq', 'invalidFilter'],
    ['attributes=name..x', 'invalidPath'],
  ])('answers ?%s with 400 %s', async (query, scimType) => {
    const res = await fx.call('GET', `/scim/v2/Users?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '400', scimType });
  });
});

describe('POST /.search', () => {
  const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

  it('answers POST /Users/.search like the equivalent GET', async () => {
    await createUser('alice@example.com', { displayName: 'Alice' });
    const bob = await createUser('bob@example.com', { displayName: 'Bob' });
    const res = await fx.call('POST', '/scim/v2/Users/.search', {
      body: {
        schemas: [SEARCH],
        filter: 'userName eq "BOB@example.com"',
        attributes: ['userName'],
        count: 10,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 1, startIndex: 1 });
    expect(res.body.Resources[0]).toMatchObject({ id: bob, userName: 'bob@example.com' });
    expect(res.body.Resources[0].displayName).toBeUndefined();
  });

  it.each([['[]'], ['"filter"'], ['42']])(
    'answers the non-object body %s with 400 invalidSyntax',
    async (body) => {
      const res = await fx.call('POST', '/scim/v2/Groups/.search', { body });
      expect(res.status).toBe(400);
      expect(res.body.scimType).toBe('invalidSyntax');
    },
  );

  it('searches users then groups at the root, paging over the concatenation', async () => {
    const users = [await createUser('a'), await createUser('b'), await createUser('c')];
    const groups = [await createGroup('g1'), await createGroup('g2')];
    const everything = [...users, ...groups];
    for (const [startIndex, count] of [
      [1, 10],
      [1, 2],
      [2, 2],
      [3, 2],
      [4, 2],
      [5, 5],
      [6, 5],
      [1, 0],
    ] as const) {
      const res = await fx.call('POST', '/scim/v2/.search', { body: { startIndex, count } });
      expect(res.status).toBe(200);
      expect(res.body.totalResults, `${startIndex}/${count}`).toBe(5);
      expect(res.body.startIndex).toBe(startIndex);
      expect(ids(res), `${startIndex}/${count}`).toEqual(
        everything.slice(startIndex - 1, startIndex - 1 + count),
      );
    }
  });

  it('applies a filter one type cannot answer to the other type only', async () => {
    const alice = await createUser('alice');
    await createGroup('g1');
    const res = await fx.call('POST', '/scim/v2/.search', { body: { filter: 'userName eq "alice"' } });
    expect(res.body.totalResults).toBe(1);
    expect(ids(res)).toEqual([alice]);
    const neither = await fx.call('POST', '/scim/v2/.search', { body: { filter: 'colour eq "red"' } });
    expect(neither.status).toBe(400);
    expect(neither.body.scimType).toBe('invalidFilter');
  });

  it('refuses cursor paging at the root', async () => {
    const res = await fx.call('POST', '/scim/v2/.search', { body: { cursor: '' } });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe('invalidValue');
  });
});

describe('/Me', () => {
  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const)(
    'answers %s /Me with a SCIM 501',
    async (method) => {
      const res = await fx.call(
        method,
        '/scim/v2/Me',
        method === 'GET' || method === 'DELETE' ? {} : { body: {} },
      );
      expect(res.status).toBe(501);
      expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '501' });
      expect(res.body.detail).toContain('/Me');
    },
  );
});
