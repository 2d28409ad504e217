// What SSO sign-in must refuse or undo, through the real app and a real OpenID Provider: takeovers by a second IdP
// account with the same email or a self-chosen name, roles from group names anyone can create, open redirects after
// sign-in, sessions outliving a connection turned off or an admin mapping removed, a client secret sent to a new issuer,
// and settings that would make the server fetch from its own network.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { startOidcIdp, type OidcIdp } from '../support/oidc-idp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  asSession,
  callback,
  createScimUser,
  OIDC_CLIENT,
  outcomeOf,
  PUBLIC_URL,
  putOidc,
  signInWithOidc,
  startOidc,
  type SignInOutcome,
} from './sso-sign-in.js';

let idp: OidcIdp;
let graph: FakeGraph;
let t: TestApp | undefined;

beforeAll(async () => {
  idp = await startOidcIdp({ clients: [OIDC_CLIENT] });
  graph = await startFakeGraph({
    groupsOf: async (token) =>
      (await idp.accountOfAccessToken(token)) === 'entra-self-made-group'
        ? [{ id: 'a0f3-user-created', displayName: 'muster-admins' }]
        : undefined,
  });
});

afterAll(async () => {
  await graph.close();
  await idp.close();
});

afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function app(env: Record<string, string> = { SSO_ALLOW_LOCAL_IDP: 'on' }): Promise<TestApp> {
  t = await createTestApp({ PUBLIC_URL, ...env });
  return t;
}

async function configure(test: TestApp, settings: Record<string, unknown> = {}): Promise<void> {
  const res = await putOidc(test, idp, { graphBaseUrl: graph.baseUrl, ...settings });
  expect(res.statusCode, res.body).toBe(200);
}

function tokenOf(outcome: SignInOutcome): string {
  if (outcome.kind !== 'signed_in') throw new Error(`refused: ${outcome.reason}`);
  return outcome.token;
}

describe('SSO sign-in refuses takeovers', () => {
  it('never links a verified email to a user already linked to another account of the IdP', async () => {
    const test = await app();
    await configure(test, { linkByEmail: true });
    await createScimUser(test, 'kim@example.com', { emails: [{ value: 'kim@example.com' }] });
    idp.setAccount('kim-first', { email: 'kim@example.com', email_verified: true });
    tokenOf(await signInWithOidc(test, idp, 'kim-first'));
    idp.setAccount('kim-second', { email: 'KIM@example.com', email_verified: true });
    expect(await signInWithOidc(test, idp, 'kim-second')).toMatchObject({ reason: 'unlinked_user_exists' });
    // Nor to a user whose SCIM externalId names another person.
    await createScimUser(test, 'lee@example.com', { externalId: 'okta-lee' });
    idp.setAccount('not-lee', { email: 'lee@example.com', email_verified: true });
    expect(await signInWithOidc(test, idp, 'not-lee')).toMatchObject({ reason: 'unlinked_user_exists' });
  });

  it('names a created user by the verified email or the subject, never a self-chosen name', async () => {
    const test = await app();
    await configure(test, { createUsers: true });
    idp.setAccount('sub-mallory', {
      preferred_username: 'ceo@example.com',
      email: 'ceo@example.com',
      email_verified: false,
    });
    const token = tokenOf(await signInWithOidc(test, idp, 'sub-mallory'));
    const me = await asSession(test, token, 'GET', '/me');
    expect(me.json()).toMatchObject({ user: { userName: 'sub-mallory', email: 'sub-mallory' } });
    // The verified address of an existing user is refused rather than shared.
    await createScimUser(test, 'someone@example.com', { emails: [{ value: 'dana@example.com' }] });
    idp.setAccount('sub-dana', { email: 'dana@example.com', email_verified: true });
    expect(await signInWithOidc(test, idp, 'sub-dana')).toMatchObject({ reason: 'unlinked_user_exists' });
  });

  it('grants no role and joins no team from a group name Graph reports (anyone may create a group)', async () => {
    const test = await app();
    await configure(test);
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: { authorization: `Bearer ${test.adminKey}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ displayName: 'muster-admins' }),
    });
    const existingTeam = created.json<{ id: string }>().id;
    await createScimUser(test, 'eve@example.com', { externalId: 'entra-self-made-group' });
    idp.setAccount('entra-self-made-group', { overage: true });
    const token = tokenOf(await signInWithOidc(test, idp, 'entra-self-made-group'));
    expect((await asSession(test, token, 'GET', '/session')).json()).toMatchObject({ role: 'member' });
    const team = await test.app.inject({
      method: 'GET',
      url: `/api/v1/teams/${existingTeam}`,
      headers: { authorization: `Bearer ${test.adminKey}` },
    });
    expect(team.json<{ members: unknown[] }>().members).toEqual([]);
  });

  it('lets a user SCIM deleted and created again sign in as the new user', async () => {
    const test = await app();
    await configure(test);
    const first = await createScimUser(test, 'rui@example.com', { externalId: 'okta-rui' });
    idp.setAccount('okta-rui', {});
    tokenOf(await signInWithOidc(test, idp, 'okta-rui'));
    const deleted = await test.app.inject({
      method: 'DELETE',
      url: `/scim/v2/Users/${first}`,
      headers: { authorization: `Bearer ${test.token}` },
    });
    expect(deleted.statusCode).toBe(204);
    expect(await signInWithOidc(test, idp, 'okta-rui')).toMatchObject({ reason: 'deactivated' });
    const again = await createScimUser(test, 'rui@example.com', { externalId: 'okta-rui' });
    const token = tokenOf(await signInWithOidc(test, idp, 'okta-rui'));
    expect((await asSession(test, token, 'GET', '/session')).json()).toMatchObject({ userId: again });
  });
});

describe('SSO sessions and redirects', () => {
  it.each([
    '/%09/evil.example',
    '/\t/evil.example',
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
  ])('lands on / for next=%j', async (next) => {
    const test = await app();
    await configure(test);
    await createScimUser(test, 'ann@example.com', { externalId: 'okta-ann' });
    idp.setAccount('okta-ann', {});
    const started = await startOidc(test, 'default', next);
    const back = await idp.driveLogin(started.authorizationUrl, 'okta-ann');
    const outcome = outcomeOf(await callback(test, back, started.binding));
    expect(outcome.kind).toBe('signed_in');
    expect(new URL(outcome.location, PUBLIC_URL).origin).toBe(PUBLIC_URL);
    expect(outcome.location.startsWith('//')).toBe(false);
  });

  it('turning the connection off ends its sessions; removing an admin mapping ends admin sessions', async () => {
    const test = await app();
    await configure(test);
    await createScimUser(test, 'ops@example.com', { externalId: 'okta-ops' });
    await createScimUser(test, 'dev@example.com', { externalId: 'okta-dev' });
    idp.setAccount('okta-ops', { groups: ['muster-admins'] });
    idp.setAccount('okta-dev', { groups: ['Engineering'] });
    const admin = tokenOf(await signInWithOidc(test, idp, 'okta-ops'));
    const member = tokenOf(await signInWithOidc(test, idp, 'okta-dev'));

    await configure(test, { roleMappings: [] });
    expect((await asSession(test, admin, 'GET', '/users')).statusCode).toBe(401);
    expect((await asSession(test, member, 'GET', '/me')).statusCode).toBe(200);

    const off = await putOidc(test, idp, { graphBaseUrl: graph.baseUrl }, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect((await asSession(test, member, 'GET', '/me')).statusCode).toBe(401);
  });
});

describe('SSO settings cannot be turned against the server', () => {
  it('asks for the client secret again when the issuer or client id changes', async () => {
    const test = await app();
    await configure(test);
    const moved = await putOidc(test, idp, { clientId: 'another-client' }, { clientSecret: null });
    expect(moved.statusCode).toBe(400);
    expect(moved.json<{ detail: string }>().detail).toContain('client secret again');
    const same = await putOidc(test, idp, { scopes: ['openid'] }, { clientSecret: null });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ clientSecretSet: true });
  });

  it('without SSO_ALLOW_LOCAL_IDP refuses IdP URLs on this machine or network, before fetching anything', async () => {
    const test = await app({});
    let fetched = 0;
    const probe = await startFakeGraph({
      groupsOf: () => {
        fetched += 1;
        return Promise.resolve(undefined);
      },
    });
    try {
      const cases: [string, Record<string, unknown>][] = [
        ['/sso/oidc', { enabled: true, settings: { issuer: idp.issuer, clientId: 'x' } }],
        ['/sso/oidc', { enabled: true, settings: { issuer: 'https://127.0.0.1:9/', clientId: 'x' } }],
        ['/sso/oidc', { enabled: true, settings: { issuer: 'https://10.1.2.3/', clientId: 'x' } }],
        [
          '/sso/oidc',
          { enabled: true, settings: { issuer: 'https://[::1]/', clientId: 'x', graphBaseUrl: null } },
        ],
        [
          '/sso/oidc',
          {
            enabled: true,
            settings: { issuer: 'https://8.8.8.8/', clientId: 'x', graphBaseUrl: probe.baseUrl },
          },
        ],
        ['/sso/saml', { enabled: true, settings: { idpMetadataUrl: `${probe.baseUrl}/metadata` } }],
        [
          '/sso/saml',
          { enabled: true, settings: { idpMetadataUrl: 'https://169.254.169.254/latest/meta-data' } },
        ],
      ];
      for (const [url, body] of cases) {
        const res = await test.app.inject({
          method: 'PUT',
          url: `/api/v1${url}`,
          headers: { authorization: `Bearer ${test.adminKey}`, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect(fetched).toBe(0);
      expect(probe.requests).toEqual([]);
    } finally {
      await probe.close();
    }
  });
});
