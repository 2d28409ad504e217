// RFC 7644 §3.7 POST /Bulk: per-operation statuses (strings), location and version, error bodies, bulkId
// references in data and paths (also forward ones), unknown/failed/circular references, failOnErrors and limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
  createHttpFixture,
  patchOps,
  type HttpFixture,
} from './http-fixture.js';

const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const BULK_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';

let fx: HttpFixture;
beforeEach(async () => {
  fx = await createHttpFixture();
});
afterEach(async () => {
  await fx.app.close();
});

const bulk = (operations: unknown[], extra: Record<string, unknown> = {}) =>
  fx.call('POST', '/scim/v2/Bulk', { body: { schemas: [BULK_REQUEST], Operations: operations, ...extra } });

const postUser = (bulkId: string, userName: string) => ({
  method: 'POST',
  path: '/Users',
  bulkId,
  data: { schemas: [USER_SCHEMA], userName },
});

describe('POST /Bulk', () => {
  it('runs POST, PUT, PATCH and DELETE and reports each with a string status, location and version', async () => {
    const existing = await fx.call('POST', '/scim/v2/Users', { body: { userName: 'old@example.com' } });
    const id = existing.body.id as string;
    const res = await bulk([
      postUser('u1', 'new@example.com'),
      { method: 'PUT', path: `/Users/${id}`, data: { userName: 'old@example.com', title: 'T' } },
      { method: 'patch', path: `/Users/${id}`, data: patchOps({ op: 'replace', path: 'title', value: 'U' }) },
      { method: 'DELETE', path: `/Users/${id}` },
    ]);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(res.body.schemas).toEqual([BULK_RESPONSE]);
    const [post, put, patch, del] = res.body.Operations;
    expect(post).toMatchObject({ method: 'POST', bulkId: 'u1', status: '201', version: 'W/"1"' });
    expect(post.location).toMatch(new RegExp(`^${BASE_URL}/Users/id-`));
    expect(put).toEqual({
      method: 'PUT',
      status: '200',
      location: `${BASE_URL}/Users/${id}`,
      version: 'W/"2"',
    });
    expect(patch).toEqual({
      method: 'PATCH',
      status: '200',
      location: `${BASE_URL}/Users/${id}`,
      version: 'W/"3"',
    });
    expect(del).toEqual({ method: 'DELETE', status: '204', location: `${BASE_URL}/Users/${id}` });
    expect((await fx.call('GET', `/scim/v2/Users/${id}`)).status).toBe(404);
  });

  it('reports a failing operation with its SCIM error and carries on', async () => {
    const res = await bulk([postUser('a', 'dup'), postUser('b', 'dup'), postUser('c', 'other')]);
    expect(res.body.Operations.map((op: { status: string }) => op.status)).toEqual(['201', '409', '201']);
    expect(res.body.Operations[1].response).toMatchObject({
      schemas: [ERROR_SCHEMA],
      status: '409',
      scimType: 'uniqueness',
    });
  });

  it('applies version as If-Match', async () => {
    const existing = await fx.call('POST', '/scim/v2/Users', { body: { userName: 'v' } });
    const res = await bulk([
      { method: 'DELETE', path: `/Users/${existing.body.id as string}`, version: 'W/"5"' },
    ]);
    expect(res.body.Operations[0]).toMatchObject({ status: '412', response: { status: '412' } });
  });

  it('resolves bulkId references in data and paths, also when the reference comes first', async () => {
    const res = await bulk([
      {
        method: 'POST',
        path: '/Groups',
        bulkId: 'g',
        data: { schemas: [GROUP_SCHEMA], displayName: 'G', members: [{ value: 'bulkId:u' }] },
      },
      {
        method: 'PATCH',
        path: '/Groups/bulkId:g',
        data: patchOps({ op: 'replace', path: 'externalId', value: 'bulkId:u' }),
      },
      postUser('u', 'member@example.com'),
    ]);
    const [group, patch, user] = res.body.Operations;
    expect([group.status, patch.status, user.status]).toEqual(['201', '200', '201']);
    const userId = String(user.location).split('/').at(-1);
    const read = await fx.call('GET', String(group.location).replace(BASE_URL, '/scim/v2'));
    expect(read.body.members).toEqual([{ value: userId }]);
    expect(read.body.externalId).toBe(userId);
    expect(patch.location).toBe(group.location);
  });

  it.each([
    [
      'an unknown bulkId',
      [{ method: 'PATCH', path: '/Users/bulkId:ghost', data: patchOps() }],
      ['400'],
      'invalidValue',
    ],
    [
      'a bulkId whose POST failed',
      [postUser('x', ''), { method: 'DELETE', path: '/Users/bulkId:x' }],
      ['400', '409'],
      'invalidValue',
    ],
    [
      'a circular reference',
      [
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'a',
          data: { displayName: 'A', members: [{ value: 'bulkId:b' }] },
        },
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'b',
          data: { displayName: 'B', members: [{ value: 'bulkId:a' }] },
        },
      ],
      ['409', '409'],
      'invalidValue',
    ],
    [
      'a self-reference',
      [
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 's',
          data: { displayName: 'S', members: [{ value: 'bulkId:s' }] },
        },
      ],
      ['409'],
      'invalidValue',
    ],
    ['a reused bulkId', [postUser('d', 'd1'), postUser('d', 'd2')], ['201', '400'], 'invalidValue'],
  ])('fails the operation that uses %s', async (_label, operations, statuses, scimType) => {
    const res = await bulk(operations);
    expect(res.status).toBe(200);
    expect(res.body.Operations.map((op: { status: string }) => op.status)).toEqual(statuses);
    expect(res.body.Operations.at(-1).response.scimType).toBe(scimType);
  });

  it('stops after failOnErrors errors and reports only what ran', async () => {
    const res = await bulk(
      [postUser('a', ''), postUser('b', ''), postUser('c', 'ok'), postUser('d', 'ok2')],
      { failOnErrors: 2 },
    );
    expect(res.body.Operations.map((op: { bulkId: string }) => op.bulkId)).toEqual(['a', 'b']);
    expect(fx.services.users.calls.filter((c) => c.method === 'create')).toHaveLength(2);
  });

  it.each([
    ['a missing Operations', { schemas: [BULK_REQUEST] }, 'invalidSyntax'],
    ['an unknown method', { Operations: [{ method: 'GET', path: '/Users' }] }, 'invalidSyntax'],
    ['a missing path', { Operations: [{ method: 'POST', data: {} }] }, 'invalidSyntax'],
    ['failOnErrors 0', { Operations: [], failOnErrors: 0 }, 'invalidValue'],
  ])('answers %s with a SCIM 400', async (_label, body, scimType) => {
    const res = await fx.call('POST', '/scim/v2/Bulk', { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '400', scimType });
  });

  it('answers more operations than maxOperations with 413 and runs none', async () => {
    await fx.app.close();
    fx = await createHttpFixture({ limits: { maxBulkOperations: 2 } });
    const res = await bulk([postUser('a', 'a'), postUser('b', 'b'), postUser('c', 'c')]);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '413' });
    expect(res.body.detail).toContain('2');
    expect(fx.services.users.calls).toEqual([]);
  });

  it('answers a bulk body over maxPayloadBytes with 413', async () => {
    await fx.app.close();
    fx = await createHttpFixture({ limits: { maxPayloadBytes: 2048 } });
    const res = await bulk([postUser('a', 'x'.repeat(3000))]);
    expect(res.status).toBe(413);
  });

  it('answers an operation on an unknown endpoint with a per-operation 404', async () => {
    const res = await bulk([{ method: 'POST', path: '/Devices', data: {} }]);
    expect(res.body.Operations[0]).toMatchObject({ status: '404', response: { status: '404' } });
  });
});
