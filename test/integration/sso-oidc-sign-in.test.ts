// SSO sign-in with OpenID Connect against a real OpenID Provider (oidc-provider) on 127.0.0.1: linking by subject,
// externalId and (only when enabled and verified) email; group → team sync in both modes without touching SCIM's
// memberships; role mapping; Entra's group overage through a local Graph; refusals; deprovisioning ending sessions.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { startOidcIdp, type OidcIdp } from '../support/oidc-idp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminRequest, type AdminRequest } from '../admin-api/admin-request.js';
import { GROUP_SCHEMA, PATCH_OP, scimRequest, type ScimRequest } from './scim-request.js';
import {
  asSession,
  callback,
  createScimUser,
  OIDC_CLIENT,
  putOidc,
  outcomeOf,
  PUBLIC_URL,
  redirectUriOf,
  signInWithOidc,
  startOidc,
  type SignInOutcome,
} from './sso-sign-in.js';

const CLIENT = OIDC_CLIENT;

interface Team {
  id: string;
  displayName: string;
  externalId: string | null;
  managedBy: string;
}

let idp: OidcIdp;
let graph: FakeGraph;
let t: TestApp;
let admin: AdminRequest;
let scim: ScimRequest;

beforeAll(async () => {
  idp = await startOidcIdp({ clients: [CLIENT] });
  graph = await startFakeGraph({
    groupsOf: async (token) => {
      const account = await idp.accountOfAccessToken(token);
      return account === 'entra-overage'
        ? Array.from({ length: 1_200 }, (_, i) => ({ id: `gid-${i}`, displayName: `Graph Group ${i}` }))
        : undefined;
    },
  });
});

afterAll(async () => {
  await graph.close();
  await idp.close();
});

beforeEach(async () => {
  t = await createTestApp({ PUBLIC_URL, SSO_ALLOW_LOCAL_IDP: 'on' });
  admin = adminRequest(t);
  scim = scimRequest(t);
});

afterEach(async () => {
  await t.close();
});

async function configure(settings: Record<string, unknown> = {}, enabled = true): Promise<void> {
  const res = await putOidc(t, idp, { graphBaseUrl: graph.baseUrl, ...settings }, { enabled });
  expect(res.statusCode, res.body).toBe(200);
}

const scimUser = (userName: string, extra: Record<string, unknown> = {}) =>
  createScimUser(t, userName, extra);

async function teams(): Promise<Team[]> {
  const res = await admin('GET', '/teams?limit=200');
  return res.json<{ items: Team[] }>().items;
}

async function memberIds(teamId: string): Promise<string[]> {
  const res = await admin('GET', `/teams/${teamId}`);
  return res.json<{ members: { id: string }[] }>().members.map((m) => m.id);
}

function signedIn(outcome: SignInOutcome): string {
  if (outcome.kind !== 'signed_in') throw new Error(`refused: ${outcome.reason}`);
  return outcome.token;
}

describe('OIDC sign-in settings', () => {
  it('keeps the client secret write-only and shows the URLs to give the IdP', async () => {
    await configure();
    const res = await admin('GET', '/sso');
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(JSON.stringify(body)).not.toContain(CLIENT.clientSecret);
    expect(body).toMatchObject({
      endpoints: {
        loginUrl: `${PUBLIC_URL}/sso/default/login`,
        redirectUrl: redirectUriOf('default'),
        acsUrl: `${PUBLIC_URL}/sso/default/saml/acs`,
      },
      oidc: {
        enabled: true,
        clientSecretSet: true,
        settings: { issuer: idp.issuer, membershipSync: 'add_only' },
      },
      saml: null,
    });
  });

  it('refuses an http issuer that is not loopback, in problem+json', async () => {
    const res = await admin('PUT', '/sso/oidc', {
      body: { enabled: true, settings: { issuer: 'http://idp.example.com', clientId: 'x' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json<{ detail: string }>().detail).toContain('https');
  });
});

describe('OIDC sign-in', () => {
  it('links by SCIM externalId, syncs groups into teams, maps the admin group, and opens the console', async () => {
    await configure();
    const aliceId = await scimUser('alice@example.com', { externalId: 'okta-alice' });
    idp.setAccount('okta-alice', {
      email: 'alice@example.com',
      email_verified: true,
      groups: ['Engineering', 'muster-admins'],
    });
    const started = await startOidc(t, 'default', '/teams');
    expect(new URL(started.authorizationUrl).searchParams.get('code_challenge_method')).toBe('S256');
    const back = await idp.driveLogin(started.authorizationUrl, 'okta-alice');
    const outcome = outcomeOf(await callback(t, back, started.binding));
    expect(outcome).toMatchObject({ kind: 'signed_in', location: '/teams' });
    const token = signedIn(outcome);

    const session = await asSession(t, token, 'GET', '/session');
    expect(session.json()).toMatchObject({
      role: 'admin',
      signedInWith: 'oidc',
      userId: aliceId,
      admin: { id: aliceId, email: 'alice@example.com' },
    });
    // An admin by role: the organization's admin API answers.
    expect((await asSession(t, token, 'GET', '/users')).statusCode).toBe(200);

    const created = await teams();
    expect(created.map((team) => team.displayName).sort()).toEqual(['Engineering', 'muster-admins']);
    for (const team of created) {
      expect(team.managedBy).toBe('sso');
      expect(await memberIds(team.id)).toEqual([aliceId]);
    }
    const events = await admin('GET', '/events?limit=100');
    const types = events.json<{ items: { type: string }[] }>().items.map((e) => e.type);
    expect(types.filter((type) => type === 'team.created')).toHaveLength(2);
    expect(types.filter((type) => type === 'team.member_added')).toHaveLength(2);
  });

  it('full sync removes what sign-in added and the IdP no longer reports, never SCIM memberships', async () => {
    await configure({ membershipSync: 'full' });
    const bobId = await scimUser('bob@example.com', { externalId: 'okta-bob' });
    const platform = await scim('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Platform',
      members: [{ value: bobId }],
    });
    expect(platform.status).toBe(201);
    idp.setAccount('okta-bob', { email: 'bob@example.com', groups: ['Engineering', 'Design', 'Platform'] });
    signedIn(await signInWithOidc(t, idp, 'okta-bob'));
    const byName = new Map((await teams()).map((team) => [team.displayName, team.id]));
    expect([...byName.keys()].sort()).toEqual(['Design', 'Engineering', 'Platform']);

    idp.setAccount('okta-bob', { email: 'bob@example.com', groups: ['Engineering'] });
    signedIn(await signInWithOidc(t, idp, 'okta-bob'));
    expect(await memberIds(byName.get('Engineering') ?? '')).toEqual([bobId]);
    expect(await memberIds(byName.get('Design') ?? '')).toEqual([]);
    // SCIM put bob in Platform: a sign-in that no longer reports it leaves that membership alone.
    expect(await memberIds(platform.body.id as string)).toEqual([bobId]);
    const events = await admin('GET', `/events?limit=100&type=team.member_removed`);
    expect(events.json<{ items: { resourceId: string }[] }>().items.map((e) => e.resourceId)).toEqual([
      byName.get('Design'),
    ]);

    // In no group at all, the IdP leaves the claim out: full sync reads that as no groups.
    idp.setAccount('okta-bob', { email: 'bob@example.com' });
    signedIn(await signInWithOidc(t, idp, 'okta-bob'));
    expect(await memberIds(byName.get('Engineering') ?? '')).toEqual([]);
    expect(await memberIds(platform.body.id as string)).toEqual([bobId]);
  });

  it('add-only keeps memberships the IdP stops reporting; "existing" creates no team', async () => {
    await configure({ teamCreation: 'existing' });
    const carolId = await scimUser('carol@example.com', { externalId: 'okta-carol' });
    const created = await admin('POST', '/teams', { body: { displayName: 'Support' } });
    const supportId = created.json<{ id: string }>().id;
    idp.setAccount('okta-carol', { groups: ['Support', 'Unknown Group'] });
    signedIn(await signInWithOidc(t, idp, 'okta-carol'));
    idp.setAccount('okta-carol', { groups: [] });
    signedIn(await signInWithOidc(t, idp, 'okta-carol'));
    expect((await teams()).map((team) => team.displayName)).toEqual(['Support']);
    expect(await memberIds(supportId)).toEqual([carolId]);
  });

  it('syncs only allowed groups', async () => {
    await configure({ allowedGroups: ['Engineering'] });
    await scimUser('dan@example.com', { externalId: 'okta-dan' });
    idp.setAccount('okta-dan', { groups: ['Engineering', 'Everyone'] });
    signedIn(await signInWithOidc(t, idp, 'okta-dan'));
    expect((await teams()).map((team) => team.displayName)).toEqual(['Engineering']);
  });

  it("resolves Entra's group overage through Graph, page by page, with the groups' names", async () => {
    await configure();
    await scimUser('erin@example.com', { externalId: 'entra-overage' });
    idp.setAccount('entra-overage', { overage: true, email: 'erin@example.com' });
    signedIn(await signInWithOidc(t, idp, 'entra-overage'));
    const all = await admin('GET', '/teams?limit=200&q=Graph%20Group%201199');
    expect(all.json<{ items: Team[] }>().items).toMatchObject([
      { displayName: 'Graph Group 1199', externalId: 'gid-1199' },
    ]);
    expect(graph.requests.length).toBeGreaterThan(1);
  });

  it('a member sees only their own account and may create keys bound to their teams when allowed', async () => {
    await configure();
    const frankId = await scimUser('frank@example.com', { externalId: 'okta-frank' });
    idp.setAccount('okta-frank', { email: 'frank@example.com', groups: ['Engineering'] });
    const token = signedIn(await signInWithOidc(t, idp, 'okta-frank'));
    expect((await asSession(t, token, 'GET', '/session')).json()).toMatchObject({ role: 'member' });
    expect((await asSession(t, token, 'GET', '/users')).statusCode).toBe(403);
    const me = await asSession(t, token, 'GET', '/me');
    expect(me.json()).toMatchObject({
      user: { id: frankId, userName: 'frank@example.com' },
      role: 'member',
      memberApiKeys: false,
    });
    const teamId = me.json<{ teams: { value: string }[] }>().teams[0]?.value ?? '';

    const refused = await asSession(t, token, 'POST', '/me/api-keys', { name: 'laptop', teamId });
    expect(refused.statusCode).toBe(403);
    expect((await admin('PUT', '/sso/member-api-keys', { body: { allowed: true } })).statusCode).toBe(204);
    const created = await asSession(t, token, 'POST', '/me/api-keys', { name: 'laptop', teamId });
    expect(created.statusCode, created.body).toBe(201);
    const { key, id } = created.json<{ key: string; id: string }>();
    const verify = await t.app.inject({
      method: 'GET',
      url: '/api/v1/keys/verify',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(verify.statusCode).toBe(200);
    const other = await admin('POST', '/teams', { body: { displayName: 'Not mine' } });
    const notMine = await asSession(t, token, 'POST', '/me/api-keys', {
      name: 'x',
      teamId: other.json<{ id: string }>().id,
    });
    expect(notMine.statusCode).toBe(400);
    expect(
      (await asSession(t, token, 'GET', '/me/api-keys')).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
    expect((await asSession(t, token, 'DELETE', `/me/api-keys/${id}`)).json()).toMatchObject({
      status: 'revoked',
    });
  });

  it('deprovisioning by SCIM ends the session in the same change and refuses the next sign-in', async () => {
    await configure();
    const userId = await scimUser('gina@example.com', { externalId: 'okta-gina' });
    idp.setAccount('okta-gina', { groups: ['muster-admins'] });
    const token = signedIn(await signInWithOidc(t, idp, 'okta-gina'));
    expect((await asSession(t, token, 'GET', '/session')).statusCode).toBe(200);

    const off = await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: 'False' }],
    });
    expect(off.status).toBe(200);
    expect((await asSession(t, token, 'GET', '/session')).statusCode).toBe(401);
    expect((await asSession(t, token, 'GET', '/users')).statusCode).toBe(401);
    expect(await signInWithOidc(t, idp, 'okta-gina')).toMatchObject({
      kind: 'refused',
      reason: 'deactivated',
    });

    // Reactivation lets them sign in again, but never revives the ended session.
    await scim('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: true }],
    });
    expect((await asSession(t, token, 'GET', '/session')).statusCode).toBe(401);
    signedIn(await signInWithOidc(t, idp, 'okta-gina'));

    // Deleted by SCIM: the subject stays linked to nothing and is refused, even when users may be created.
    await configure({ createUsers: true });
    expect((await scim('DELETE', `/Users/${userId}`)).status).toBe(204);
    expect(await signInWithOidc(t, idp, 'okta-gina')).toMatchObject({
      kind: 'refused',
      reason: 'deactivated',
    });
  });
});

describe('OIDC linking and refusals', () => {
  it('never links by email unless enabled, and then only a verified one', async () => {
    await configure();
    const hanaId = await scimUser('hana@example.com', {
      emails: [{ value: 'hana@example.com', primary: true }],
    });
    idp.setAccount('other-subject', { email: 'hana@example.com', email_verified: true });
    expect(await signInWithOidc(t, idp, 'other-subject')).toMatchObject({
      kind: 'refused',
      reason: 'not_provisioned',
    });
    await configure({ createUsers: true });
    // The name is taken by a user this sign-in is not linked to: no second account, no takeover.
    expect(await signInWithOidc(t, idp, 'other-subject')).toMatchObject({
      kind: 'refused',
      reason: 'unlinked_user_exists',
    });
    await configure({ linkByEmail: true });
    idp.setAccount('other-subject', { email: 'hana@example.com', email_verified: false });
    expect(await signInWithOidc(t, idp, 'other-subject')).toMatchObject({ kind: 'refused' });
    idp.setAccount('other-subject', { email: 'hana@example.com', email_verified: true });
    const token = signedIn(await signInWithOidc(t, idp, 'other-subject'));
    expect((await asSession(t, token, 'GET', '/session')).json()).toMatchObject({ userId: hanaId });
    // Signing out ends the SSO session like an admin's.
    expect((await asSession(t, token, 'DELETE', '/session')).statusCode).toBe(204);
    expect((await asSession(t, token, 'GET', '/me')).statusCode).toBe(401);
  });

  it('creates a user at first sign-in only when allowed', async () => {
    await configure({ createUsers: true });
    idp.setAccount('new-person', { email: 'ivy@example.com', email_verified: true, name: 'Ivy Example' });
    const token = signedIn(await signInWithOidc(t, idp, 'new-person'));
    const me = await asSession(t, token, 'GET', '/me');
    expect(me.json()).toMatchObject({ user: { userName: 'ivy@example.com', displayName: 'Ivy Example' } });
    const users = await admin('GET', '/users?managedBy=sso');
    expect(users.json<{ items: { userName: string }[] }>().items.map((u) => u.userName)).toEqual([
      'ivy@example.com',
    ]);
    // The second sign-in finds the same user by its linked subject.
    const again = signedIn(await signInWithOidc(t, idp, 'new-person'));
    expect((await asSession(t, again, 'GET', '/me')).json()).toMatchObject({
      user: me.json<{ user: object }>().user,
    });
  });

  it('refuses a wrong state, a missing or foreign browser binding and a reused answer', async () => {
    await configure();
    await scimUser('jo@example.com', { externalId: 'okta-jo' });
    idp.setAccount('okta-jo', {});
    const started = await startOidc(t);
    const back = await idp.driveLogin(started.authorizationUrl, 'okta-jo');

    const wrongState = new URL(back);
    wrongState.searchParams.set('state', 'not-the-state');
    expect(outcomeOf(await callback(t, wrongState, started.binding))).toMatchObject({
      reason: 'invalid_request',
    });
    // The answer without this browser's binding cookie (or with another browser's) is refused, and does not use up
    // the sign-in: the browser that started it still finishes it, once.
    const started2 = await startOidc(t);
    const back2 = await idp.driveLogin(started2.authorizationUrl, 'okta-jo');
    expect(outcomeOf(await callback(t, back2, undefined))).toMatchObject({ reason: 'invalid_request' });
    expect(outcomeOf(await callback(t, back2, started.binding))).toMatchObject({ reason: 'invalid_request' });
    expect(outcomeOf(await callback(t, back2, started2.binding))).toMatchObject({ kind: 'signed_in' });
    expect(outcomeOf(await callback(t, back2, started2.binding))).toMatchObject({
      reason: 'invalid_request',
    });
  });

  it('an IdP error, a disabled connection and an unknown organization go back to the sign-in page', async () => {
    await configure();
    const started = await startOidc(t);
    const state = new URL(started.authorizationUrl).searchParams.get('state') ?? '';
    const denied = new URL(`${redirectUriOf('default')}?error=access_denied&state=${state}`);
    expect(outcomeOf(await callback(t, denied, started.binding))).toMatchObject({ reason: 'idp_error' });

    await configure({}, false);
    const off = await t.app.inject({ method: 'GET', url: '/sso/default/login' });
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe('/login?sso_error=not_configured&org=default');
    const unknown = await t.app.inject({ method: 'GET', url: '/sso/nope/login' });
    expect(unknown.headers.location).toBe('/login?sso_error=unknown_organization&org=nope');
  });
});
