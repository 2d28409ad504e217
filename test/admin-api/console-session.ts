// inject() helpers for console sign-in: setup, sign-in and requests authenticated by the session cookie.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ensureSetupToken } from '../../src/domain/admin-accounts.js';
import type { TestApp } from '../support/test-app.js';
import type { Method } from './admin-request.js';

export const PASSWORD = 'correct horse battery staple';

export interface SessionBody {
  readonly admin: { readonly id: string; readonly email: string; readonly orgId: string | null };
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface SignedIn extends SessionBody {
  /** The muster_session cookie's value. */
  readonly token: string;
}

/** The muster_session value a response sets ('' when it clears the cookie), and the cookie's attributes. */
export function sessionCookieOf(res: LightMyRequestResponse) {
  const cookie = res.cookies.find((c) => c.name === 'muster_session');
  if (cookie === undefined) throw new Error(`no muster_session cookie in ${JSON.stringify(res.headers)}`);
  return cookie;
}

export function json(t: TestApp, method: Method, path: string, body?: unknown, headers = {}) {
  return t.app.inject({
    method,
    url: `/api/v1${path}`,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

/** A request with the session cookie (and, for unsafe methods, whatever CSRF header the test sends). */
export function withCookie(
  t: TestApp,
  token: string,
  method: Method,
  path: string,
  options: { readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> } = {},
) {
  return json(t, method, path, options.body, { cookie: `muster_session=${token}`, ...options.headers });
}

export async function firstSetupToken(t: TestApp): Promise<string> {
  const token = await ensureSetupToken({ ...t.muster.tokenDeps, store: t.muster.store });
  if (token === undefined) throw new Error('an admin exists already');
  return token;
}

/** Creates the first admin through POST /setup and returns its session. */
export async function setUpFirstAdmin(t: TestApp, email = 'root@example.com'): Promise<SignedIn> {
  const res = await json(t, 'POST', '/setup', { token: await firstSetupToken(t), email, password: PASSWORD });
  expect(res.statusCode, res.body).toBe(201);
  return { ...res.json<SessionBody>(), token: sessionCookieOf(res).value };
}

export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<SignedIn> {
  const res = await json(t, 'POST', '/session', { email, password });
  expect(res.statusCode, res.body).toBe(200);
  return { ...res.json<SessionBody>(), token: sessionCookieOf(res).value };
}
