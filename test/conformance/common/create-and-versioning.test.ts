// Creation and versioning rules every IdP meets: 409 uniqueness on userName regardless of case, retried creates never
// make a second user, client id/meta ignored (RFC 7643 §3.1), Location = meta.location on 201 (RFC 7644 §3.3),
// meta.created/lastModified/version on every resource, ETag = meta.version with If-None-Match → 304 and a stale
// If-Match → 412 (RFC 7644 §3.14).
import { describe, expect, it } from 'vitest';
import { GROUP_SCHEMA, USER_SCHEMA, createUser, patchOps, useScimApp } from '../scim-client.js';

const fx = useScimApp();

describe('create', () => {
  it('rejects a second userName differing only in case with 409 uniqueness and keeps one user', async () => {
    await createUser(fx.client, 'Bjensen@Example.com');
    const res = await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'bjensen@example.com' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect((await fx.client.get('/Users')).body.totalResults).toBe(1);
  });

  it('never creates a second user when the same create is retried concurrently', async () => {
    const body = { schemas: [USER_SCHEMA], userName: 'retry@example.com', externalId: 'ext-retry' };
    const results = await Promise.all([1, 2, 3, 4].map(() => fx.client.post('/Users', body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect((await fx.client.get('/Users')).body.totalResults).toBe(1);
  });

  it('ignores a client-sent id and meta and assigns its own', async () => {
    const res = await fx.client.post('/Users', {
      schemas: [USER_SCHEMA],
      id: 'client-chosen-id',
      userName: 'ids@example.com',
      meta: {
        resourceType: 'Group',
        created: '2001-01-01T00:00:00Z',
        lastModified: '2001-01-01T00:00:00Z',
        location: 'https://evil.example/Users/client-chosen-id',
        version: 'W/"client"',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe('client-chosen-id');
    expect(res.body.meta.resourceType).toBe('User');
    expect(res.body.meta.created).not.toBe('2001-01-01T00:00:00Z');
    expect(res.body.meta.location).toBe(`${fx.t.scimBase}/Users/${res.body.id as string}`);
    expect(res.body.meta.version).not.toBe('W/"client"');
    expect((await fx.client.get('/Users/client-chosen-id')).status).toBe(404);
  });

  it.each([
    ['/Users', { schemas: [USER_SCHEMA], userName: 'loc@example.com' }],
    ['/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Location group' }],
  ])('sends Location = meta.location and full meta on 201 from POST %s', async (path, body) => {
    const res = await fx.client.post(path, body);
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe(res.body.meta.location);
    expect(res.body.meta.location).toBe(`${fx.t.scimBase}${path}/${res.body.id as string}`);
    for (const key of ['created', 'lastModified', 'version', 'resourceType']) {
      expect(typeof res.body.meta[key], key).toBe('string');
    }
    expect(Number.isNaN(Date.parse(res.body.meta.created as string))).toBe(false);
  });
});

describe('versions and preconditions', () => {
  it('sends ETag = meta.version on create, get, put and patch, and changes it on every write', async () => {
    const created = await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'etag@example.com' });
    const id = created.body.id as string;
    const get = await fx.client.get(`/Users/${id}`);
    const put = await fx.client.put(`/Users/${id}`, {
      schemas: [USER_SCHEMA],
      userName: 'etag@example.com',
      title: 'a',
    });
    const patch = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'replace', path: 'title', value: 'b' }),
    );
    for (const res of [created, get, put, patch]) {
      expect(typeof res.headers['etag']).toBe('string');
      expect(res.headers['etag']).toBe(res.body.meta.version);
    }
    expect(get.headers['etag']).toBe(created.headers['etag']);
    expect(put.headers['etag']).not.toBe(get.headers['etag']);
    expect(patch.headers['etag']).not.toBe(put.headers['etag']);
    expect(Date.parse(patch.body.meta.lastModified as string)).toBeGreaterThanOrEqual(
      Date.parse(created.body.meta.created as string),
    );
  });

  it('answers If-None-Match with the current ETag with 304, and a stale one with 200', async () => {
    const created = await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'inm@example.com' });
    const id = created.body.id as string;
    const etag = String(created.headers['etag']);
    const notModified = await fx.client.get(`/Users/${id}`, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    await fx.client.patch(`/Users/${id}`, patchOps({ op: 'replace', path: 'title', value: 'changed' }));
    const changed = await fx.client.get(`/Users/${id}`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.title).toBe('changed');
  });

  it('answers a stale If-Match with 412 on PUT, PATCH and DELETE and applies nothing', async () => {
    const created = await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'im@example.com' });
    const id = created.body.id as string;
    const stale = String(created.headers['etag']);
    const fresh = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'replace', path: 'title', value: 'v2' }),
    );
    const headers = { 'if-match': stale };

    const put = await fx.client.put(
      `/Users/${id}`,
      { schemas: [USER_SCHEMA], userName: 'im@example.com' },
      { headers },
    );
    const patch = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'replace', path: 'title', value: 'v3' }),
      {
        headers,
      },
    );
    const del = await fx.client.delete(`/Users/${id}`, { headers });
    for (const res of [put, patch, del]) {
      expect(res.status).toBe(412);
      expect(res.body.status).toBe('412');
    }
    expect((await fx.client.get(`/Users/${id}`)).body.title).toBe('v2');

    const current = { 'if-match': String(fresh.headers['etag']) };
    const ok = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'replace', path: 'title', value: 'v3' }),
      {
        headers: current,
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.title).toBe('v3');
  });
});
