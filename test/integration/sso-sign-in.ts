// inject() helpers for SSO sign-in tests: start at /sso/{org}/login, walk the IdP, come back, and read the outcome
// (a session cookie, or the sign-in page's error reason).
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/test-app.js';
import type { OidcIdp } from '../support/oidc-idp.js';

export const PUBLIC_URL = 'http://muster.test';

export const redirectUriOf = (org: string): string => `${PUBLIC_URL}/sso/${org}/oidc/callback`;

export type SignInOutcome =
  | { readonly kind: 'signed_in'; readonly token: string; readonly location: string }
  | { readonly kind: 'refused'; readonly reason: string; readonly location: string };

/** The value of cookie `name` that `res` sets (undefined when it sets none; '' when it clears it). */
export function cookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

/** Where a sign-in answer sends the browser: a session, or /login?sso_error=<reason>. */
export function outcomeOf(res: LightMyRequestResponse): SignInOutcome {
  expect(res.statusCode, res.body).toBe(303);
  const location = String(res.headers.location);
  const url = new URL(location, PUBLIC_URL);
  if (url.pathname === '/login') {
    expect(cookieOf(res, 'muster_session')).toBeUndefined();
    return { kind: 'refused', reason: url.searchParams.get('sso_error') ?? '', location };
  }
  const token = cookieOf(res, 'muster_session');
  if (token === undefined) throw new Error(`no session cookie with ${location}`);
  return { kind: 'signed_in', token, location };
}

export interface StartedOidc {
  readonly authorizationUrl: string;
  readonly binding: string;
}

export async function startOidc(t: TestApp, org = 'default', next?: string): Promise<StartedOidc> {
  const query = next === undefined ? '' : `?next=${encodeURIComponent(next)}`;
  const res = await t.app.inject({ method: 'GET', url: `/sso/${org}/login${query}` });
  expect(res.statusCode, res.body).toBe(302);
  const binding = cookieOf(res, 'muster_sso');
  if (binding === undefined) throw new Error('no browser-binding cookie');
  return { authorizationUrl: String(res.headers.location), binding };
}

export function callback(
  t: TestApp,
  back: URL,
  binding: string | undefined,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: binding === undefined ? {} : { cookie: `muster_sso=${binding}` },
  });
}

/** The whole round trip as `accountId`. */
export async function signInWithOidc(
  t: TestApp,
  idp: OidcIdp,
  accountId: string,
  org = 'default',
): Promise<SignInOutcome> {
  const started = await startOidc(t, org);
  const back = await idp.driveLogin(started.authorizationUrl, accountId);
  return outcomeOf(await callback(t, back, started.binding));
}

/** A request carrying the console session cookie (unsafe methods with the session's CSRF token). */
export async function asSession(
  t: TestApp,
  token: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { cookie: `muster_session=${token}` };
  if (method !== 'GET') {
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers });
    headers['x-csrf-token'] = session.json<{ csrfToken: string }>().csrfToken;
  }
  return t.app.inject({
    method,
    url: `/api/v1${path}`,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

export const OIDC_CLIENT = {
  clientId: 'muster',
  clientSecret: 'client-secret-for-tests',
  redirectUris: [redirectUriOf('default')],
};

/** PUT /api/v1/sso/oidc for `idp` with the instance-wide admin key; the response. */
export function putOidc(
  t: TestApp,
  idp: OidcIdp,
  settings: Record<string, unknown> = {},
  options: { readonly enabled?: boolean; readonly clientSecret?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const clientSecret = options.clientSecret === undefined ? OIDC_CLIENT.clientSecret : options.clientSecret;
  return t.app.inject({
    method: 'PUT',
    url: '/api/v1/sso/oidc',
    headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json' },
    payload: JSON.stringify({
      enabled: options.enabled ?? true,
      ...(clientSecret === null ? {} : { clientSecret }),
      settings: {
        issuer: idp.issuer,
        clientId: OIDC_CLIENT.clientId,
        scopes: ['openid', 'email', 'profile', 'groups'],
        roleMappings: [{ group: 'muster-admins', role: 'admin' }],
        ...settings,
      },
    }),
  });
}

/** A user created through SCIM (active); its id. */
export async function createScimUser(
  t: TestApp,
  userName: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/scim/v2/Users',
    headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/scim+json' },
    payload: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      active: true,
      ...extra,
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
