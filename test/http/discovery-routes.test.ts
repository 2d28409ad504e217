// RFC 7644 §4 discovery endpoints: the documents, 403 on filters, 405 on writes, 404 on unknown ids, and the
// advertised limits equal to the enforced ones.
import { afterEach, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  ERROR_SCHEMA,
  LIST_RESPONSE,
  USER_SCHEMA,
  createHttpFixture,
  type HttpFixture,
} from './http-fixture.js';

let fx: HttpFixture | undefined;
afterEach(async () => {
  await fx?.app.close();
  fx = undefined;
});

const ENDPOINTS = [
  '/ServiceProviderConfig',
  '/ResourceTypes',
  '/ResourceTypes/User',
  '/Schemas',
  `/Schemas/${USER_SCHEMA}`,
];

describe('discovery documents', () => {
  it('advertises the configured limits in /ServiceProviderConfig', async () => {
    fx = await createHttpFixture({ limits: { maxResults: 50, maxBulkOperations: 7, maxPayloadBytes: 4096 } });
    const res = await fx.call('GET', '/scim/v2/ServiceProviderConfig');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      filter: { supported: true, maxResults: 50 },
      bulk: { supported: true, maxOperations: 7, maxPayloadSize: 4096 },
      meta: { location: `${BASE_URL}/ServiceProviderConfig` },
    });
  });

  it.each([
    ['/ResourceTypes', ['User', 'Group']],
    ['/Schemas', [USER_SCHEMA, 'urn:ietf:params:scim:schemas:core:2.0:Group']],
  ])('lists %s as a ListResponse', async (path, expected) => {
    fx = await createHttpFixture();
    const res = await fx.call('GET', `/scim/v2${path}`);
    expect(res.body.schemas).toEqual([LIST_RESPONSE]);
    expect(res.body.totalResults).toBe(res.body.Resources.length);
    expect(res.body.itemsPerPage).toBe(res.body.Resources.length);
    expect(res.body.Resources.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['/ResourceTypes/User', 'User'],
    ['/ResourceTypes/group', 'Group'],
    [`/Schemas/${USER_SCHEMA}`, USER_SCHEMA],
    [
      '/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ],
  ])('answers GET %s with that document', async (path, id) => {
    fx = await createHttpFixture();
    const res = await fx.call('GET', `/scim/v2${path}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(id);
  });

  it.each(['/ResourceTypes/Device', '/Schemas/urn:nope'])('answers GET %s with a SCIM 404', async (path) => {
    fx = await createHttpFixture();
    const res = await fx.call('GET', `/scim/v2${path}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
  });
});

describe('discovery is read-only and unfiltered', () => {
  it.each(ENDPOINTS)('answers GET %s?filter=… with a SCIM 403', async (path) => {
    fx = await createHttpFixture();
    const res = await fx.call('GET', `/scim/v2${path}?filter=id+eq+%22User%22`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '403' });
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
  });

  it.each(
    ENDPOINTS.flatMap((path) => (['POST', 'PUT', 'PATCH', 'DELETE'] as const).map((m) => [m, path] as const)),
  )('answers %s %s with a SCIM 405', async (method, path) => {
    fx = await createHttpFixture();
    const res = await fx.call(
      method,
      `/scim/v2${path}`,
      method === 'DELETE' ? {} : { body: { schemas: [] } },
    );
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '405' });
    expect(res.headers['allow']).toBe('GET');
  });
});
