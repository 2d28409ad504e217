// Console sign-in end to end: the first-admin setup link, invitations bound to one email, email + password sign-in
// with its throttle, the session cookie as a credential of the whole admin API (same origin and X-CSRF-Token for
// anything that changes), sign-out, the session's lifetime and idle timeout, and admin keys working as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inviteAdmin } from '../../src/domain/admin-accounts.js';
import type { Clock } from '../../src/domain/ports.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { expectProblem, type Page } from './admin-request.js';
import {
  firstSetupToken,
  json,
  PASSWORD,
  sessionCookieOf,
  setUpFirstAdmin,
  signIn,
  withCookie,
  type SessionBody,
} from './console-session.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestApp;
let nowMs: number;
const clock: Clock = { now: () => new Date(nowMs) };

beforeEach(async () => {
  nowMs = Date.parse('2026-03-01T09:00:00.000Z');
  t = await createTestApp({}, { clock });
});
afterEach(() => t.close());

const accountDeps = () => ({ ...t.muster.tokenDeps, store: t.muster.store });

describe('setup', () => {
  it('is required until the first admin is created with the setup token, which signs them in', async () => {
    expect((await json(t, 'GET', '/setup')).json()).toEqual({ setupRequired: true });
    const admin = await setUpFirstAdmin(t, 'Root@Example.com');
    expect(admin).toMatchObject({ admin: { email: 'Root@Example.com', orgId: null } });
    expect((await json(t, 'GET', '/setup')).json()).toEqual({ setupRequired: false });
    const res = await withCookie(t, admin.token, 'GET', '/session');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SessionBody>().admin.id).toBe(admin.admin.id);
  });

  it('a setup token works once: used again → 401', async () => {
    const token = await firstSetupToken(t);
    const body = { token, email: 'root@example.com', password: PASSWORD };
    expect((await json(t, 'POST', '/setup', body)).statusCode).toBe(201);
    const again = await json(t, 'POST', '/setup', { ...body, email: 'other@example.com' });
    expectProblem(again, 401, 'unauthorized');
  });

  it('another first-admin token once an admin exists → 409 setup_done', async () => {
    const second = await firstSetupToken(t);
    await setUpFirstAdmin(t);
    const res = await json(t, 'POST', '/setup', {
      token: second,
      email: 'late@example.com',
      password: PASSWORD,
    });
    expectProblem(res, 409, 'setup-done');
  });

  it('an unknown, malformed or expired token → 401', async () => {
    const token = await firstSetupToken(t);
    const body = { email: 'root@example.com', password: PASSWORD };
    expectProblem(await json(t, 'POST', '/setup', { ...body, token: 'msu_nope' }), 401, 'unauthorized');
    nowMs += 24 * HOUR;
    expectProblem(await json(t, 'POST', '/setup', { ...body, token }), 401, 'unauthorized');
  });

  it('a password outside 12–1024 characters → 400 saying so, and the token stays usable', async () => {
    const token = await firstSetupToken(t);
    for (const password of ['short', 'x'.repeat(1025)]) {
      const res = await json(t, 'POST', '/setup', { token, email: 'root@example.com', password });
      const problem = expectProblem(res, 400, 'bad-request');
      expect(problem.detail).toContain('12 to 1024 characters');
    }
    // 12 characters of which some outside the BMP count as 12, however many UTF-16 units they take.
    const res = await json(t, 'POST', '/setup', {
      token,
      email: 'root@example.com',
      password: '😀'.repeat(12),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('an invitation token sets the invited admin’s password, for that email only, in their organization', async () => {
    await setUpFirstAdmin(t);
    const invited = await inviteAdmin(accountDeps(), { email: 'ann@acme.example', orgSlug: 'acme' });
    const body = { token: invited.token, password: PASSWORD };
    const wrong = await json(t, 'POST', '/setup', { ...body, email: 'eve@example.com' });
    expectProblem(wrong, 403, 'forbidden');
    const res = await json(t, 'POST', '/setup', { ...body, email: 'ANN@acme.example' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<SessionBody>().admin).toEqual({
      id: invited.user.id,
      email: 'ann@acme.example',
      orgId: invited.organization?.id,
    });
    expect((await signIn(t, 'ann@acme.example')).admin.id).toBe(invited.user.id);
  });
});

describe('sign-in', () => {
  beforeEach(async () => {
    await setUpFirstAdmin(t);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie for the whole site, as long as the session lasts', async () => {
    const res = await json(t, 'POST', '/session', { email: 'root@example.com', password: PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = sessionCookieOf(res);
    expect(cookie.value).toMatch(/^mss_[A-Za-z0-9_-]{43}$/);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 12 * 3600 });
    // PUBLIC_URL is http here: a Secure cookie would never come back.
    expect(cookie.secure).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json<SessionBody>()).toMatchObject({
      admin: { email: 'root@example.com', orgId: null },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      expiresAt: new Date(nowMs + 12 * HOUR).toISOString(),
    });
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    const wrong = await json(t, 'POST', '/session', {
      email: 'root@example.com',
      password: 'not the password',
    });
    const unknown = await json(t, 'POST', '/session', { email: 'nobody@example.com', password: PASSWORD });
    expect(expectProblem(wrong, 401, 'unauthorized').detail).toBe('Email or password is incorrect');
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.cookies).toEqual([]);
  });

  it('5 failures for one email within 15 minutes → 429 with Retry-After, even with the right password, until the window passes', async () => {
    const attempt = (password: string) =>
      json(t, 'POST', '/session', { email: 'root@example.com', password });
    for (let i = 0; i < 5; i += 1) expect((await attempt('wrong password!')).statusCode).toBe(401);
    nowMs += 5 * MINUTE;
    const throttled = await attempt(PASSWORD);
    expectProblem(throttled, 429, 'too-many-requests');
    expect(throttled.headers['retry-after']).toBe(String(10 * 60));
    nowMs += 10 * MINUTE;
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('a success clears the email’s failures', async () => {
    const attempt = (password: string) =>
      json(t, 'POST', '/session', { email: 'root@example.com', password });
    for (let i = 0; i < 4; i += 1) expect((await attempt('wrong password!')).statusCode).toBe(401);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await attempt('wrong password!')).statusCode).toBe(401);
    expect((await attempt('wrong password!')).statusCode).toBe(401);
  });

  it('20 failures from one address, whatever the emails → 429', async () => {
    for (let i = 0; i < 20; i += 1) {
      const res = await json(t, 'POST', '/session', { email: `guess${i}@example.com`, password: PASSWORD });
      expect(res.statusCode).toBe(401);
    }
    const res = await json(t, 'POST', '/session', { email: 'root@example.com', password: PASSWORD });
    expectProblem(res, 429, 'too-many-requests');
  });

  it('GET /session: 401 without a cookie or with an unknown one, the session with it', async () => {
    expectProblem(await json(t, 'GET', '/session'), 401, 'unauthorized');
    expectProblem(await withCookie(t, `mss_${'a'.repeat(43)}`, 'GET', '/session'), 401, 'unauthorized');
    const session = await signIn(t, 'root@example.com');
    const res = await withCookie(t, session.token, 'GET', '/session');
    expect(res.statusCode).toBe(200);
    const { token: _token, ...body } = session;
    expect(res.json()).toEqual(body);
  });

  it('sets a Secure cookie when PUBLIC_URL is https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://muster.example.com' });
    try {
      await setUpFirstAdmin(secure);
      const res = await json(secure, 'POST', '/session', { email: 'root@example.com', password: PASSWORD });
      expect(sessionCookieOf(res).secure).toBe(true);
    } finally {
      await secure.close();
    }
  });
});

describe('the session cookie as a credential of the admin API', () => {
  let session: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    session = await setUpFirstAdmin(t);
  });
  const createUser = (headers: Record<string, string>, userName = 'ann@example.com') =>
    withCookie(t, session.token, 'POST', '/users', { body: { userName }, headers });

  it('authenticates reads without a CSRF token', async () => {
    const res = await withCookie(t, session.token, 'GET', '/users');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Page<unknown>>().items).toEqual([]);
  });

  it('a change needs the session’s X-CSRF-Token: missing or wrong → 403, right → done', async () => {
    const missing = expectProblem(await createUser({}), 403, 'forbidden');
    expect(missing.detail).toContain('CSRF token is missing or wrong');
    expectProblem(await createUser({ 'x-csrf-token': 'A'.repeat(43) }), 403, 'forbidden');
    const other = await signIn(t, 'root@example.com');
    expectProblem(await createUser({ 'x-csrf-token': other.csrfToken }), 403, 'forbidden');
    const done = await createUser({ 'x-csrf-token': session.csrfToken });
    expect(done.statusCode, done.body).toBe(201);
  });

  it('a change from another origin → 403, from this one (Host or PUBLIC_URL) → done', async () => {
    const csrf = { 'x-csrf-token': session.csrfToken };
    const cross = await createUser({ ...csrf, origin: 'https://evil.example' });
    expect(expectProblem(cross, 403, 'forbidden').detail).toContain('Cross-origin');
    expectProblem(await createUser({ ...csrf, origin: 'null' }), 403, 'forbidden');
    expect((await createUser({ ...csrf, origin: 'http://muster.test' }, 'a@example.com')).statusCode).toBe(
      201,
    );
    const viaHost = await createUser(
      { ...csrf, origin: 'http://localhost:8080', host: 'localhost:8080' },
      'b@x.io',
    );
    expect(viaHost.statusCode, viaHost.body).toBe(201);
  });

  it('sign-in and setup from another origin → 403', async () => {
    const origin = { origin: 'https://evil.example' };
    const login = await json(
      t,
      'POST',
      '/session',
      { email: 'root@example.com', password: PASSWORD },
      origin,
    );
    expectProblem(login, 403, 'forbidden');
    const token = await inviteAdmin(accountDeps(), { email: 'ann@example.com' });
    const setup = await json(
      t,
      'POST',
      '/setup',
      { token: token.token, email: 'ann@example.com', password: PASSWORD },
      origin,
    );
    expectProblem(setup, 403, 'forbidden');
  });

  it('sign-out needs the CSRF token, revokes the session and clears the cookie', async () => {
    expectProblem(await withCookie(t, session.token, 'DELETE', '/session'), 403, 'forbidden');
    const out = await withCookie(t, session.token, 'DELETE', '/session', {
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(sessionCookieOf(out)).toMatchObject({ value: '', maxAge: 0 });
    expectProblem(await withCookie(t, session.token, 'GET', '/users'), 401, 'unauthorized');
    expectProblem(await withCookie(t, session.token, 'GET', '/session'), 401, 'unauthorized');
  });

  it('ends 12 hours after sign-in however much it is used', async () => {
    for (let h = 1; h < 12; h += 1) {
      nowMs += HOUR;
      expect((await withCookie(t, session.token, 'GET', '/users')).statusCode).toBe(200);
    }
    nowMs += HOUR;
    expectProblem(await withCookie(t, session.token, 'GET', '/users'), 401, 'unauthorized');
  });

  it('ends after 2 hours without a request; each request (a minute apart) keeps it alive', async () => {
    nowMs += 119 * MINUTE;
    expect((await withCookie(t, session.token, 'GET', '/users')).statusCode).toBe(200);
    nowMs += 119 * MINUTE;
    expect((await withCookie(t, session.token, 'GET', '/users')).statusCode).toBe(200);
    nowMs += 120 * MINUTE;
    expectProblem(await withCookie(t, session.token, 'GET', '/users'), 401, 'unauthorized');
  });

  it('stops working when its admin is deleted', async () => {
    expect(await t.muster.store.adminAccounts.deleteUser(session.admin.id)).toBe(true);
    expectProblem(await withCookie(t, session.token, 'GET', '/users'), 401, 'unauthorized');
  });

  it('an organization admin acts on its own organization only', async () => {
    const invited = await inviteAdmin(accountDeps(), { email: 'ann@acme.example', orgSlug: 'acme' });
    await json(t, 'POST', '/setup', { token: invited.token, email: 'ann@acme.example', password: PASSWORD });
    const ann = await signIn(t, 'ann@acme.example');
    const orgs = await withCookie(t, ann.token, 'GET', '/organizations');
    expect(orgs.json<Page<{ slug: string }>>().items.map((o) => o.slug)).toEqual(['acme']);
    const other = await withCookie(t, ann.token, 'GET', '/users', { headers: { 'x-muster-org': 'default' } });
    expect(expectProblem(other, 403, 'forbidden').detail).toContain(
      'admin account belongs to organization "acme"',
    );
  });

  it('without a cookie or key → 401 naming both ways to authenticate', async () => {
    const problem = expectProblem(await json(t, 'GET', '/users'), 401, 'unauthorized');
    expect(problem.detail).toContain('Bearer <admin key>');
    expect(problem.detail).toContain('sign in');
  });
});

describe('admin keys next to sessions', () => {
  it('work unchanged, without a CSRF token, and take precedence over a cookie', async () => {
    const session = await setUpFirstAdmin(t);
    const bearer = { authorization: `Bearer ${t.adminKey}` };
    const created = await withCookie(t, session.token, 'POST', '/users', {
      body: { userName: 'ann@example.com' },
      headers: bearer,
    });
    expect(created.statusCode, created.body).toBe(201);
    const keyOnly = await json(t, 'POST', '/users', { userName: 'bob@example.com' }, bearer);
    expect(keyOnly.statusCode).toBe(201);
    // A bad key is not rescued by a good cookie: the Authorization header decides.
    const badKey = await withCookie(t, session.token, 'GET', '/users', {
      headers: { authorization: 'Bearer mak_wrong' },
    });
    expectProblem(badKey, 401, 'unauthorized');
  });
});
