// The SCIM HTTP edge: bearer authentication (RFC 6750) with SCIM 401 bodies, the principal passed as the
// ScimContext, request media types (RFC 7644 §8.1), body limits (413), 415 and malformed JSON (400 invalidSyntax).
import { afterEach, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  ERROR_SCHEMA,
  TOKEN_A,
  TOKEN_B,
  USER_SCHEMA,
  createHttpFixture,
  type CallResult,
  type HttpFixture,
} from './http-fixture.js';

let fx: HttpFixture | undefined;
afterEach(async () => {
  await fx?.app.close();
  fx = undefined;
});

const SCIM_JSON = 'application/scim+json; charset=utf-8';

function expectScimError(res: CallResult, status: number, scimType?: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe(SCIM_JSON);
  expect(res.body.schemas).toEqual([ERROR_SCHEMA]);
  expect(res.body.status).toBe(String(status));
  expect(res.body.scimType).toBe(scimType);
  expect(res.body.detail).toEqual(expect.any(String));
}

describe('bearer authentication', () => {
  it.each([
    ['no Authorization header', {}],
    ['an unknown token', { authorization: 'Bearer msk_unknown' }],
    ['the Basic scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
    ['a bare token', { authorization: TOKEN_A }],
    ['an empty Bearer', { authorization: 'Bearer ' }],
  ])('answers a request with %s with a SCIM 401 and WWW-Authenticate', async (_label, headers) => {
    fx = await createHttpFixture();
    for (const url of ['/scim/v2/Users', '/scim/v2/Groups/x', '/scim/v2/Schemas', '/scim/v2/Bulk']) {
      const res = await fx.call('GET', url, { token: null, headers });
      expectScimError(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(fx.services.users.calls).toEqual([]);
  });

  it('rejects a write without a token before reading its body', async () => {
    fx = await createHttpFixture();
    const res = await fx.call('POST', '/scim/v2/Users', { token: null, body: '{not json' });
    expectScimError(res, 401);
    expect(fx.services.users.calls).toEqual([]);
  });

  it('accepts the scheme name in any case', async () => {
    fx = await createHttpFixture();
    const res = await fx.call('GET', '/scim/v2/Users', {
      token: null,
      headers: { authorization: `bearer ${TOKEN_A}` },
    });
    expect(res.status).toBe(200);
  });

  it('passes each request its own organization and the SCIM base URL', async () => {
    fx = await createHttpFixture();
    await Promise.all([
      fx.call('GET', '/scim/v2/Users', { token: TOKEN_A }),
      fx.call('GET', '/scim/v2/Users', { token: TOKEN_B }),
    ]);
    const orgs = fx.services.users.calls.map((c) => c.ctx.orgId).sort();
    expect(orgs).toEqual(['org-a', 'org-b']);
    expect(fx.services.users.calls.map((c) => c.ctx.baseUrl)).toEqual([BASE_URL, BASE_URL]);
  });
});

describe('request media types', () => {
  it.each([
    'application/scim+json',
    'application/json',
    'application/scim+json; charset=utf-8',
    'application/json; charset=utf-8',
    'Application/JSON; charset=UTF-8',
  ])('parses a body sent as %s', async (contentType) => {
    fx = await createHttpFixture();
    const res = await fx.call('POST', '/scim/v2/Users', {
      body: { schemas: [USER_SCHEMA], userName: 'a@example.com' },
      contentType,
    });
    expect(res.status).toBe(201);
    expect(res.body.userName).toBe('a@example.com');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
    'answers a body sent as %s with a SCIM 415',
    async (contentType) => {
      fx = await createHttpFixture();
      const res = await fx.call('POST', '/scim/v2/Users', { body: '{"userName":"a"}', contentType });
      expectScimError(res, 415);
      expect(fx.services.users.calls).toEqual([]);
    },
  );

  it.each(['{"schemas": [', '{"userName": "a",}', 'null x', "{'userName': 'a'}"])(
    'answers the malformed JSON %s with 400 invalidSyntax',
    async (body) => {
      fx = await createHttpFixture();
      expectScimError(await fx.call('POST', '/scim/v2/Users', { body }), 400, 'invalidSyntax');
      expect(fx.services.users.calls).toEqual([]);
    },
  );

  it('answers a body over the payload limit with a SCIM 413', async () => {
    fx = await createHttpFixture({ limits: { maxPayloadBytes: 2048 } });
    const body = { schemas: [USER_SCHEMA], userName: 'big@example.com', title: 'x'.repeat(2100) };
    const res = await fx.call('POST', '/scim/v2/Users', { body });
    expectScimError(res, 413);
    expect(res.body.detail).toContain('2048');
    const small = await fx.call('POST', '/scim/v2/Users', { body: { ...body, title: 'x' } });
    expect(small.status).toBe(201);
  });

  it('defaults the payload limit to 1 MiB', async () => {
    fx = await createHttpFixture();
    const body = { schemas: [USER_SCHEMA], userName: 'big@example.com', title: 'x'.repeat(1024 * 1024) };
    expectScimError(await fx.call('POST', '/scim/v2/Users', { body }), 413);
  });
});

describe('response media type', () => {
  it('sends application/scim+json on successes and errors, and no body type on 204/304', async () => {
    fx = await createHttpFixture();
    const created = await fx.call('POST', '/scim/v2/Users', { body: { userName: 'ct@example.com' } });
    const id = created.body.id as string;
    const withBody = [
      created,
      await fx.call('GET', `/scim/v2/Users/${id}`),
      await fx.call('GET', '/scim/v2/Users'),
      await fx.call('GET', '/scim/v2/ServiceProviderConfig'),
      await fx.call('GET', '/scim/v2/Users/missing'),
      await fx.call('POST', '/scim/v2/Users', { body: { userName: 'ct@example.com' } }),
      await fx.call('GET', '/scim/v2/Users', { token: 'wrong' }),
    ];
    expect(withBody.map((r) => r.status)).toEqual([201, 200, 200, 200, 404, 409, 401]);
    for (const res of withBody) expect(res.headers['content-type']).toBe(SCIM_JSON);
    const deleted = await fx.call('DELETE', `/scim/v2/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.headers['content-type']).toBeUndefined();
  });
});
