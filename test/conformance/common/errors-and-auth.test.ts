// What every IdP relies on at the HTTP edge: 401 in SCIM JSON with or without a token, the SCIM Error shape
// (RFC 7644 §3.12: status as a string, scimType, a detail), application/scim+json on every response, both JSON media
// types accepted on requests, 403 for filters on discovery (RFC 7644 §4) and 400 invalidFilter for bad filters.
import { describe, expect, it } from 'vitest';
import {
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
  createUser,
  filterQuery,
  patchOps,
  useScimApp,
} from '../scim-client.js';
import type { ScimResult } from '../scim-client.js';

const fx = useScimApp();

function expectScimJson(res: ScimResult, label: string): void {
  expect(String(res.headers['content-type']), label).toMatch(/^application\/scim\+json/);
}

function expectScimError(res: ScimResult, status: number, scimType?: string): void {
  expect(res.status).toBe(status);
  expectScimJson(res, `error ${status}`);
  expect(res.body.schemas).toEqual([ERROR_SCHEMA]);
  expect(res.body.status).toBe(String(status));
  if (scimType !== undefined) expect(res.body.scimType).toBe(scimType);
  expect(typeof res.body.detail).toBe('string');
  expect(res.body.detail.length).toBeGreaterThan(0);
}

describe('authentication', () => {
  const paths = ['/Users', '/Groups', '/Users/0190b4d2-0000-7000-8000-000000000000', '/Users?count=1'];

  it.each(paths)('answers GET %s without a token with a SCIM 401', async (path) => {
    expectScimError(await fx.client.get(path, { token: null }), 401);
  });

  it.each(paths)('answers GET %s with a wrong token with a SCIM 401', async (path) => {
    expectScimError(await fx.client.get(path, { token: 'msk_not-a-real-token' }), 401);
  });

  it('answers writes with a wrong token with 401 and creates nothing', async () => {
    const res = await fx.client.post(
      '/Users',
      { schemas: [USER_SCHEMA], userName: 'x@y.z' },
      { token: 'wrong' },
    );
    expectScimError(res, 401);
    expect((await fx.client.get('/Users')).body.totalResults).toBe(0);
  });
});

describe('content types', () => {
  it('sends application/scim+json on successes and on every kind of error', async () => {
    const created = await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'ct@example.com' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const responses: [string, ScimResult][] = [
      ['201 create', created],
      ['200 get', await fx.client.get(`/Users/${id}`)],
      ['200 list', await fx.client.get('/Users')],
      [
        '200 patch',
        await fx.client.patch(`/Users/${id}`, patchOps({ op: 'replace', path: 'title', value: 'x' })),
      ],
      [
        '200 put',
        await fx.client.put(`/Users/${id}`, { schemas: [USER_SCHEMA], userName: 'ct@example.com' }),
      ],
      ['200 discovery', await fx.client.get('/ServiceProviderConfig')],
      ['404', await fx.client.get('/Users/unknown-id')],
      ['409', await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'ct@example.com' })],
      ['400 filter', await fx.client.get(`/Users?${filterQuery('userName eq')}`)],
      ['400 body', await fx.client.send('POST', '/Users', '{"schemas": [', {})],
      ['401', await fx.client.get('/Users', { token: null })],
    ];
    for (const [label, res] of responses) expectScimJson(res, label);
  });

  it('answers malformed JSON with a SCIM 400', async () => {
    expectScimError(await fx.client.send('POST', '/Users', '{"schemas": ['), 400);
  });

  it.each(['application/json', 'application/scim+json; charset=utf-8', 'application/json; charset=utf-8'])(
    'accepts request bodies sent as %s',
    async (contentType) => {
      const created = await fx.client.post(
        '/Users',
        { schemas: [USER_SCHEMA], userName: 'plain@example.com' },
        { contentType },
      );
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const patched = await fx.client.patch(
        `/Users/${id}`,
        patchOps({ op: 'replace', path: 'displayName', value: 'Plain' }),
        { contentType },
      );
      expect(patched.status).toBe(200);
      expect(patched.body.displayName).toBe('Plain');
      const group = await fx.client.post(
        '/Groups',
        { schemas: [GROUP_SCHEMA], displayName: 'g' },
        { contentType },
      );
      expect(group.status).toBe(201);
    },
  );
});

describe('error details', () => {
  it('names scimType for the RFC 7644 §3.12 cases', async () => {
    const id = await createUser(fx.client, 'err@example.com');
    expectScimError(
      await fx.client.post('/Users', { schemas: [USER_SCHEMA], userName: 'ERR@example.com' }),
      409,
      'uniqueness',
    );
    expectScimError(await fx.client.get(`/Users?${filterQuery('userName xx "a"')}`), 400, 'invalidFilter');
    expectScimError(
      await fx.client.patch(`/Users/${id}`, patchOps({ op: 'replace', path: 'id', value: 'other' })),
      400,
      'mutability',
    );
    expectScimError(
      await fx.client.patch(`/Users/${id}`, patchOps({ op: 'replace', path: 'active', value: 'banana' })),
      400,
      'invalidValue',
    );
    expectScimError(await fx.client.get('/Users/does-not-exist'), 404);
  });
});

describe('filters', () => {
  it.each(['/ServiceProviderConfig', '/Schemas', '/ResourceTypes'])(
    'answers a filter on %s with 403 (RFC 7644 §4)',
    async (path) => {
      expectScimError(await fx.client.get(`${path}?${filterQuery('id eq "User"')}`), 403);
    },
  );

  it.each([
    'userName eq',
    'userName eq "unterminated',
    '(userName eq "a"',
    'userName eq "a" and',
    'userName zz "a"',
    'noSuchAttribute eq "a"',
    'emails[type eq "work"',
    '"a" eq userName',
  ])('answers the malformed or unsupported filter %s with 400 invalidFilter', async (filter) => {
    await createUser(fx.client, 'a');
    expectScimError(await fx.client.get(`/Users?${filterQuery(filter)}`), 400, 'invalidFilter');
  });

  it('answers an unknown group filter attribute with invalidFilter rather than every row', async () => {
    await fx.client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'g' });
    expectScimError(await fx.client.get(`/Groups?${filterQuery('colour eq "red"')}`), 400, 'invalidFilter');
  });
});
