// Console sign-in under attack: setup links raced by simultaneous requests, bursts of password guesses, email
// spellings that must share one throttle, requests from other origins (null, another port, a Host or X-Forwarded-Host
// the attacker chose) and answers that must not be cached.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { expectProblem } from './admin-request.js';
import {
  firstSetupToken,
  json,
  PASSWORD,
  sessionCookieOf,
  setUpFirstAdmin,
  signIn,
  withCookie,
} from './console-session.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const statuses = (responses: readonly { readonly statusCode: number }[]) =>
  responses.map((r) => r.statusCode).sort();

describe('setup links under concurrency', () => {
  it('two simultaneous POST /setup with one token create exactly one admin', async () => {
    const token = await firstSetupToken(t);
    const responses = await Promise.all(
      ['one@example.com', 'two@example.com'].map((email) =>
        json(t, 'POST', '/setup', { token, email, password: PASSWORD }),
      ),
    );
    expect(statuses(responses)).toEqual([201, 401]);
    expect(await t.muster.store.adminAccounts.listUsers()).toHaveLength(1);
  });

  it('two different first-admin tokens used at once create exactly one admin', async () => {
    const tokens = [await firstSetupToken(t), await firstSetupToken(t)];
    const responses = await Promise.all(
      tokens.map((token, i) =>
        json(t, 'POST', '/setup', { token, email: `admin${i}@example.com`, password: PASSWORD }),
      ),
    );
    expect(statuses(responses)).toEqual([201, 409]);
    const loser = responses.find((r) => r.statusCode === 409);
    if (loser !== undefined) expectProblem(loser, 409, 'setup-done');
    expect(await t.muster.store.adminAccounts.listUsers()).toHaveLength(1);
  });

  it('a setup answer is not cached and sets a fresh session, never one the client brought', async () => {
    const planted = `mss_${'p'.repeat(43)}`;
    const res = await json(
      t,
      'POST',
      '/setup',
      { token: await firstSetupToken(t), email: 'root@example.com', password: PASSWORD },
      { cookie: `muster_session=${planted}` },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(sessionCookieOf(res).value).not.toBe(planted);
    expectProblem(await withCookie(t, planted, 'GET', '/session'), 401, 'unauthorized');
  });
});

describe('the sign-in throttle', () => {
  beforeEach(async () => {
    await setUpFirstAdmin(t);
  });

  it('holds for a burst of simultaneous guesses: 5 are checked, the rest are refused, the right password too', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () =>
        json(t, 'POST', '/session', { email: 'root@example.com', password: 'wrong password!' }),
      ),
    );
    expect(statuses(guesses)).toEqual([...Array<number>(5).fill(401), ...Array<number>(7).fill(429)]);
    const right = await json(t, 'POST', '/session', { email: 'root@example.com', password: PASSWORD });
    expectProblem(right, 429, 'too-many-requests');
  });

  it('counts every spelling of one email (case, surrounding spaces) against the same limit', async () => {
    for (const email of [
      'ROOT@example.com',
      ' root@example.com',
      'Root@Example.COM ',
      'root@EXAMPLE.com',
      'rOOt@example.com',
    ]) {
      expect((await json(t, 'POST', '/session', { email, password: 'wrong password!' })).statusCode).toBe(
        401,
      );
    }
    const res = await json(t, 'POST', '/session', { email: 'root@example.com', password: PASSWORD });
    expectProblem(res, 429, 'too-many-requests');
  });

  it('a successful sign-in does not count against the client’s limit', async () => {
    for (let i = 0; i < 19; i += 1) {
      const res = await json(t, 'POST', '/session', { email: `guess${i}@example.com`, password: PASSWORD });
      expect(res.statusCode).toBe(401);
    }
    for (let i = 0; i < 3; i += 1) await signIn(t, 'root@example.com');
    const last = await json(t, 'POST', '/session', { email: 'guess19@example.com', password: PASSWORD });
    expect(last.statusCode).toBe(401);
  });
});

describe('requests from another origin', () => {
  let csrf: Record<string, string>;
  let token: string;
  beforeEach(async () => {
    const admin = await setUpFirstAdmin(t);
    token = admin.token;
    csrf = { 'x-csrf-token': admin.csrfToken };
  });

  const login = (headers: Record<string, string>) =>
    json(t, 'POST', '/session', { email: 'root@example.com', password: PASSWORD }, headers);

  it.each([
    ['Origin: null (a sandboxed frame)', { origin: 'null' }],
    ['another port of this host', { origin: 'http://muster.test:8443' }],
    ['another scheme of this host', { origin: 'https://muster.test' }],
    [
      'X-Forwarded-Host naming the attacker (no proxy is trusted)',
      { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' },
    ],
  ])('sign-in with %s → 403', async (_name, headers) => {
    const res = await login(headers);
    expect(expectProblem(res, 403, 'forbidden').detail).toContain('Cross-origin');
    expect(res.cookies).toEqual([]);
  });

  it.each(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'])(
    'sign-in as an HTML form could send it (%s) → 415, no cookie: no login CSRF without an Origin either',
    async (type) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': type },
        payload: '{"email":"root@example.com","password":"correct horse battery staple"}',
      });
      expectProblem(res, 415, 'unsupported-media-type');
      expect(res.cookies).toEqual([]);
    },
  );

  it('sign-out from another origin → 403, even with the CSRF token, and the session keeps working', async () => {
    const out = await withCookie(t, token, 'DELETE', '/session', {
      headers: { ...csrf, origin: 'https://evil.example' },
    });
    expectProblem(out, 403, 'forbidden');
    expect((await withCookie(t, token, 'GET', '/session')).statusCode).toBe(200);
  });

  it('a change with Origin: null or another port → 403', async () => {
    for (const origin of ['null', 'http://muster.test:8443']) {
      const res = await withCookie(t, token, 'POST', '/users', {
        body: { userName: 'ann@example.com' },
        headers: { ...csrf, origin },
      });
      expectProblem(res, 403, 'forbidden');
    }
  });

  it('GET /session is not cached', async () => {
    const res = await withCookie(t, token, 'GET', '/session');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
