// Every admin API failure is an RFC 9457 problem (application/problem+json): unknown routes, schema validation, bad
// JSON, oversized and non-JSON bodies, domain errors, and internal errors (generic detail, cause not shown).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminRequest, expectProblem, type AdminRequest } from './admin-request.js';

let t: TestApp;
let api: AdminRequest;

beforeEach(async () => {
  t = await createTestApp();
  api = adminRequest(t);
});
afterEach(() => t.close());

const json = { 'content-type': 'application/json' };

describe('problem details', () => {
  it('an unknown route → 404 problem naming it', async () => {
    const problem = expectProblem(await api('GET', '/nope?x=1'), 404, 'not-found');
    expect(problem.detail).toBe('No admin API endpoint GET /api/v1/nope');
  });

  it('an unknown route is a problem even without a key', async () => {
    expectProblem(await api('DELETE', '/organizations', { key: null }), 404, 'not-found');
  });

  it('a body failing its schema → 400 with one error per problem, as JSON Pointers', async () => {
    const res = await api('POST', '/users', {
      body: { extra: 1, emails: [{ value: 'not-an-address' }] },
    });
    const problem = expectProblem(res, 400, 'validation-failed');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { in: 'body', pointer: '#/userName', detail: 'is required' },
        { in: 'body', pointer: '#/extra', detail: 'is not allowed' },
        { in: 'body', pointer: '#/emails/0/value', detail: expect.stringContaining('email') },
      ]),
    );
    expect(problem.errors).toHaveLength(3);
  });

  it.each([['0'], ['201'], ['ten']])('?limit=%s → 400 pointing at the query parameter', async (limit) => {
    const problem = expectProblem(await api('GET', `/users?limit=${limit}`), 400, 'validation-failed');
    expect(problem.errors?.[0]).toMatchObject({ in: 'querystring', pointer: '#/limit' });
  });

  it('an unknown query parameter → 400', async () => {
    const problem = expectProblem(await api('GET', '/users?colour=red'), 400, 'validation-failed');
    expect(problem.errors).toEqual([{ in: 'querystring', pointer: '#/colour', detail: 'is not allowed' }]);
  });

  it('an empty body sent as JSON → 400', async () => {
    const problem = expectProblem(await api('POST', '/teams', { headers: json }), 400, 'bad-request');
    expect(problem.detail).toContain('empty');
  });

  it('malformed JSON → 400', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: { ...json, authorization: `Bearer ${t.adminKey}` },
      payload: '{"displayName": ',
    });
    expect(expectProblem(broken, 400, 'bad-request').detail).toBe('The request body is not valid JSON');
  });

  it('a body over the size limit → 413', async () => {
    const res = await api('POST', '/teams', { body: { displayName: 'x'.repeat(1_100_000) } });
    expectProblem(res, 413, 'payload-too-large');
  });

  it('a body that is not JSON → 415', async () => {
    const res = await api('POST', '/teams', { headers: { 'content-type': 'text/plain' } });
    expectProblem(res, 415, 'unsupported-media-type');
  });

  it('a domain error keeps its status: a taken userName → 409 conflict', async () => {
    expect((await api('POST', '/users', { body: { userName: 'ann' } })).statusCode).toBe(201);
    const problem = expectProblem(
      await api('POST', '/users', { body: { userName: 'ANN' } }),
      409,
      'conflict',
    );
    expect(problem.detail).toContain('ANN');
  });

  it('a cursor this server did not issue → 400 invalid-cursor', async () => {
    expectProblem(await api('GET', '/users?cursor=bm90LWEtY3Vyc29y'), 400, 'invalid-cursor');
    expectProblem(await api('GET', '/organizations?cursor=%%%'), 400, 'invalid-cursor');
  });

  it('an internal failure → 500 with a generic detail; the cause is not shown', async () => {
    vi.spyOn(t.muster.store.users, 'list').mockRejectedValue(new Error('disk on fire at /var/lib/muster'));
    const problem = expectProblem(await api('GET', '/users'), 500, 'internal');
    expect(problem.detail).toBe('The server failed to handle the request');
    expect(JSON.stringify(problem)).not.toContain('disk on fire');
  });
});
