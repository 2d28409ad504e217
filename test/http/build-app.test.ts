// buildApp: health probes, request ids, the SCIM 404 and 500 shapes, and the base URL answering with the
// ServiceProviderConfig.
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_SCHEMA, createHttpFixture, type HttpFixture } from './http-fixture.js';

let fx: HttpFixture | undefined;
afterEach(async () => {
  await fx?.app.close();
  fx = undefined;
});

describe('health probes', () => {
  it('answers /healthz with 200 and no token', async () => {
    fx = await createHttpFixture();
    const res = await fx.call('GET', '/healthz', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it.each([
    ['ready', () => Promise.resolve(), 200, 'ok'],
    ['not ready', () => Promise.reject(new Error('database is locked')), 503, 'unavailable'],
  ] as const)('answers /readyz when %s with %i', async (_label, checkReady, status, text) => {
    fx = await createHttpFixture({ checkReady });
    const res = await fx.call('GET', '/readyz', { token: null });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ status: text });
  });
});

describe('request ids', () => {
  it('generates a distinct id per request, ignoring one the client sends', async () => {
    fx = await createHttpFixture();
    const a = await fx.call('GET', '/healthz', { headers: { 'x-request-id': 'forged' } });
    const b = await fx.call('GET', '/healthz');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('passes the request id to the service in the ScimContext', async () => {
    fx = await createHttpFixture();
    const res = await fx.call('GET', '/scim/v2/Users');
    expect(fx.services.users.calls[0]?.ctx.requestId).toBe(res.headers['x-request-id']);
  });
});

describe('SCIM fallbacks', () => {
  it.each(['/scim/v2/Nope', '/scim/v2/Users/a/b', '/scim/v2/Users/'])(
    'answers the unknown route %s with a SCIM 404',
    async (url) => {
      fx = await createHttpFixture();
      const res = await fx.call('GET', url);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
      expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
    },
  );

  it('answers an unexpected failure with a generic 500 that does not leak the cause', async () => {
    fx = await createHttpFixture();
    fx.services.users.failNextWith(new Error('SQLITE_CORRUPT at /var/lib/secret.db'));
    const res = await fx.call('GET', '/scim/v2/Users');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ schemas: [ERROR_SCHEMA], status: '500', detail: 'Internal server error' });
    expect(res.text).not.toContain('secret');
  });

  it.each(['/scim/v2', '/scim/v2/'])('answers GET %s with the ServiceProviderConfig', async (url) => {
    fx = await createHttpFixture();
    const res = await fx.call('GET', url);
    expect(res.status).toBe(200);
    expect(res.body.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
  });

  it('does not apply the SCIM parser or error shape outside /scim/v2', async () => {
    fx = await createHttpFixture();
    const res = await fx.call('GET', '/nope', { token: null });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('tenant URL pasted with a trailing slash', () => {
  it('serves `/scim/v2//Users` (…/scim/v2/ + /Users) as `/scim/v2/Users`', async () => {
    fx = await createHttpFixture();
    const doubled = await fx.call('GET', '/scim/v2//Users?filter=userName%20eq%20%22nobody%22');
    const plain = await fx.call('GET', '/scim/v2/Users?filter=userName%20eq%20%22nobody%22');
    expect(doubled.status).toBe(200);
    expect(doubled.body).toEqual(plain.body);
  });
});
