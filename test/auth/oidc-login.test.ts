import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchGraphGroups, type GraphGroup } from '../../src/auth/oidc/fetch-graph-groups.js';
import { OidcLoginError, type OidcLoginErrorReason } from '../../src/auth/oidc/oidc-login-error.js';
import { createOidcLogin, type OidcClientSettings } from '../../src/auth/oidc/oidc-login.js';
import { readGroupsClaim } from '../../src/auth/oidc/read-groups-claim.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { startOidcIdp, type OidcIdp } from '../support/oidc-idp.js';

const REDIRECT_URI = 'http://127.0.0.1:9/sso/oidc/callback';
const SCOPES = ['openid', 'email', 'profile', 'groups'];
const OVERAGE_GROUPS: GraphGroup[] = Array.from({ length: 2100 }, (_, index) => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  displayName: `Group ${index}`,
}));

let idp: OidcIdp;
let graph: FakeGraph;
let confidential: OidcClientSettings;
let publicClient: OidcClientSettings;

beforeAll(async () => {
  idp = await startOidcIdp({
    clients: [
      { clientId: 'muster', clientSecret: 'muster-secret', redirectUris: [REDIRECT_URI] },
      { clientId: 'muster-public', redirectUris: [REDIRECT_URI] },
    ],
  });
  idp.setAccount('alice', {
    email: 'alice@example.com',
    email_verified: true,
    name: 'Alice Liddell',
    preferred_username: 'alice',
    oid: '6f1c2a5e-0000-4000-8000-000000000001',
    groups: ['engineering', 'admins'],
  });
  idp.setAccount('bob', {
    email: 'bob@example.com',
    email_verified: true,
    name: 'Bob Overage',
    groups: ['would-be-too-many'],
    overage: true,
  });
  confidential = { issuer: idp.issuer, clientId: 'muster', clientSecret: 'muster-secret' };
  publicClient = { issuer: idp.issuer, clientId: 'muster-public', clientSecret: null };
  const overageAccounts = new Map([['bob', OVERAGE_GROUPS]]);
  graph = await startFakeGraph({
    groupsOf: async (token) => {
      const account = await idp.accountOfAccessToken(token);
      return account === undefined ? undefined : (overageAccounts.get(account) ?? []);
    },
  });
});

afterAll(async () => {
  await graph.close();
  await idp.close();
});

/** Starts a sign-in, logs in at the IdP as `accountId`, returns what finish() needs. */
async function signIn(settings: OidcClientSettings, accountId: string) {
  const login = createOidcLogin();
  const started = await login.start(settings, { redirectUri: REDIRECT_URI, scopes: SCOPES });
  const callbackUrl = await idp.driveLogin(started.url, accountId);
  const expected = { state: started.state, nonce: started.nonce, codeVerifier: started.codeVerifier };
  return { login, started, callbackUrl, expected };
}

async function reasonOf(promise: Promise<unknown>): Promise<OidcLoginErrorReason> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(OidcLoginError);
  return (error as OidcLoginError).reason;
}

describe('OIDC sign-in against oidc-provider', () => {
  it('returns the subject, the email and groups claims and an access token (confidential client)', async () => {
    const { login, callbackUrl, expected } = await signIn(confidential, 'alice');
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();
    const identity = await login.finish(confidential, { redirectUri: REDIRECT_URI, callbackUrl, expected });
    expect(identity.issuer).toBe(idp.issuer);
    expect(identity.subject).toBe('alice');
    expect(identity.claims).toMatchObject({
      sub: 'alice',
      email: 'alice@example.com',
      email_verified: true,
      name: 'Alice Liddell',
      preferred_username: 'alice',
      oid: '6f1c2a5e-0000-4000-8000-000000000001',
      groups: ['engineering', 'admins'],
      nonce: expected.nonce,
    });
    expect(readGroupsClaim(identity.claims, 'groups')).toEqual({
      kind: 'groups',
      groups: ['engineering', 'admins'],
    });
    expect(await idp.accountOfAccessToken(identity.accessToken)).toBe('alice');
  });

  it('signs in a public client (no secret) with PKCE alone', async () => {
    const { login, callbackUrl, expected } = await signIn(publicClient, 'alice');
    const identity = await login.finish(publicClient, { redirectUri: REDIRECT_URI, callbackUrl, expected });
    expect(identity.subject).toBe('alice');
    expect(identity.claims['email']).toBe('alice@example.com');
  });

  it('sends a PKCE S256 challenge, state, nonce and the scopes in the authorization URL', async () => {
    const login = createOidcLogin();
    const started = await login.start(confidential, { redirectUri: REDIRECT_URI, scopes: ['email'] });
    const url = new URL(started.url);
    expect(url.origin).toBe(idp.issuer);
    const challenge = url.searchParams.get('code_challenge');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(started.codeVerifier));
    expect(challenge).toBe(Buffer.from(digest).toString('base64url'));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(started.state);
    expect(url.searchParams.get('nonce')).toBe(started.nonce);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('muster');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    // OIDC Core §3.1.2.1: openid is added when the configured scopes lack it.
    expect(url.searchParams.get('scope')).toBe('openid email');
    const again = await login.start(confidential, { redirectUri: REDIRECT_URI, scopes: SCOPES });
    expect(again.state).not.toBe(started.state);
    expect(again.nonce).not.toBe(started.nonce);
    expect(again.codeVerifier).not.toBe(started.codeVerifier);
  });

  it('refuses a callback whose state is not the expected one', async () => {
    const { login, callbackUrl, expected } = await signIn(confidential, 'alice');
    const finishing = login.finish(confidential, {
      redirectUri: REDIRECT_URI,
      callbackUrl,
      expected: { ...expected, state: 'another-attempt' },
    });
    expect(await reasonOf(finishing)).toBe('state_mismatch');
  });

  it('refuses an ID token whose nonce is not the expected one', async () => {
    const { login, callbackUrl, expected } = await signIn(confidential, 'alice');
    const finishing = login.finish(confidential, {
      redirectUri: REDIRECT_URI,
      callbackUrl,
      expected: { ...expected, nonce: 'another-nonce' },
    });
    expect(await reasonOf(finishing)).toBe('nonce_mismatch');
  });

  it('fails the token exchange with a wrong PKCE code verifier', async () => {
    const { login, callbackUrl, expected } = await signIn(confidential, 'alice');
    const finishing = login.finish(confidential, {
      redirectUri: REDIRECT_URI,
      callbackUrl,
      expected: { ...expected, codeVerifier: 'x'.repeat(43) },
    });
    const error = await finishing.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OidcLoginError);
    expect((error as OidcLoginError).reason).toBe('token_exchange_failed');
    expect((error as OidcLoginError).idpError).toBe('invalid_grant');
    expect((error as OidcLoginError).message).toContain('invalid_grant');
  });

  it('reports an error callback from the IdP with its error and description', async () => {
    const login = createOidcLogin();
    const started = await login.start(confidential, { redirectUri: REDIRECT_URI, scopes: SCOPES });
    const callbackUrl = new URL(REDIRECT_URI);
    callbackUrl.search = new URLSearchParams({
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
      state: started.state,
    }).toString();
    const error = await login
      .finish(confidential, { redirectUri: REDIRECT_URI, callbackUrl, expected: started })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OidcLoginError);
    expect(error).toMatchObject({
      reason: 'idp_error',
      idpError: 'access_denied',
      idpErrorDescription: 'End-User aborted interaction',
    });
    expect((error as OidcLoginError).message).toContain('access_denied (End-User aborted interaction)');
  });

  it('fails the token exchange with a wrong client secret, naming the client credentials', async () => {
    const login = createOidcLogin();
    const wrongSecret = { ...confidential, clientSecret: 'not-the-secret' };
    const started = await login.start(wrongSecret, { redirectUri: REDIRECT_URI, scopes: SCOPES });
    const callbackUrl = await idp.driveLogin(started.url, 'alice');
    const error = await login
      .finish(wrongSecret, { redirectUri: REDIRECT_URI, callbackUrl, expected: started })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OidcLoginError);
    expect((error as OidcLoginError).reason).toBe('token_exchange_failed');
    expect((error as OidcLoginError).message).toMatch(/invalid_client.*check the client ID and secret/);
  });

  it('refuses an http issuer that is not on a loopback host', async () => {
    const login = createOidcLogin();
    // .test never resolves (RFC 6761): were a request made, discovery would fail instead.
    const settings = { issuer: 'http://idp.example.test', clientId: 'muster', clientSecret: null };
    expect(await reasonOf(login.start(settings, { redirectUri: REDIRECT_URI, scopes: SCOPES }))).toBe(
      'insecure_issuer',
    );
  });

  it('fails discovery for an issuer nothing answers at', async () => {
    const login = createOidcLogin();
    const settings = { issuer: await closedPortUrl(), clientId: 'muster', clientSecret: null };
    const error = await login
      .start(settings, { redirectUri: REDIRECT_URI, scopes: SCOPES })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OidcLoginError);
    expect((error as OidcLoginError).reason).toBe('discovery_failed');
    expect((error as OidcLoginError).message).toContain(settings.issuer);
  });

  it('refuses an issuer spelled otherwise than the discovery document names it', async () => {
    const login = createOidcLogin();
    const settings = { ...publicClient, issuer: idp.issuer.replace('127.0.0.1', 'localhost') };
    const error = await login
      .start(settings, { redirectUri: REDIRECT_URI, scopes: SCOPES })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OidcLoginError);
    expect((error as OidcLoginError).reason).toBe('discovery_failed');
    expect((error as OidcLoginError).message).toContain('names another issuer');
  });

  it('caches discovery for its TTL, and forget() drops it', async () => {
    const own = await startOidcIdp({ clients: [{ clientId: 'muster', redirectUris: [REDIRECT_URI] }] });
    const settings = { issuer: own.issuer, clientId: 'muster', clientSecret: null };
    let now = 0;
    const login = createOidcLogin({ discoveryTtlMs: 1000, now: () => now });
    await login.start(settings, { redirectUri: REDIRECT_URI, scopes: SCOPES });
    await own.close();
    // The IdP is gone: start() works only from the cached discovery.
    await expect(login.start(settings, { redirectUri: REDIRECT_URI, scopes: SCOPES })).resolves.toBeDefined();
    now = 1000;
    expect(await reasonOf(login.start(settings, { redirectUri: REDIRECT_URI, scopes: SCOPES }))).toBe(
      'discovery_failed',
    );

    const other = await startOidcIdp({ clients: [{ clientId: 'muster', redirectUris: [REDIRECT_URI] }] });
    const otherSettings = { ...settings, issuer: other.issuer };
    await login.start(otherSettings, { redirectUri: REDIRECT_URI, scopes: SCOPES });
    await other.close();
    login.forget(other.issuer);
    expect(await reasonOf(login.start(otherSettings, { redirectUri: REDIRECT_URI, scopes: SCOPES }))).toBe(
      'discovery_failed',
    );
  });
});

describe('Entra group overage', () => {
  it('reads overage from the ID token and fetches all 2,100 groups from Graph over 3 pages', async () => {
    const { login, callbackUrl, expected } = await signIn(confidential, 'bob');
    const identity = await login.finish(confidential, { redirectUri: REDIRECT_URI, callbackUrl, expected });
    expect(identity.claims['groups']).toBeUndefined();
    expect(identity.claims['_claim_names']).toEqual({ groups: 'src1' });
    expect(readGroupsClaim(identity.claims, 'groups')).toEqual({ kind: 'overage' });

    graph.requests.length = 0;
    const groups = await fetchGraphGroups({ graphBaseUrl: graph.baseUrl, accessToken: identity.accessToken });
    expect(groups).toEqual(OVERAGE_GROUPS);
    expect(graph.requests).toHaveLength(3);
    expect(graph.requests[0]).toBe(
      '/v1.0/me/transitiveMemberOf/microsoft.graph.group?$select=id,displayName&$top=999',
    );
    expect(graph.requests[2]).toContain('%24skiptoken=1998');
  });

  it('refuses a nextLink on another origin without following it', async () => {
    const requested: string[] = [];
    const foreignFetch: typeof fetch = (input) => {
      requested.push(input instanceof URL ? input.href : input instanceof Request ? input.url : input);
      const body = {
        value: [{ id: 'g1', displayName: 'One' }],
        '@odata.nextLink': 'https://attacker.example/v1.0/me/transitiveMemberOf?$skiptoken=1',
      };
      return Promise.resolve(Response.json(body));
    };
    await expect(
      fetchGraphGroups({ graphBaseUrl: graph.baseUrl, accessToken: 't', fetch: foreignFetch }),
    ).rejects.toThrow(/another origin \(https:\/\/attacker\.example\)/);
    expect(requested).toHaveLength(1);
  });

  it('stops past maxPages instead of returning part of the list', async () => {
    const { login, callbackUrl, expected } = await signIn(confidential, 'bob');
    const identity = await login.finish(confidential, { redirectUri: REDIRECT_URI, callbackUrl, expected });
    await expect(
      fetchGraphGroups({ graphBaseUrl: graph.baseUrl, accessToken: identity.accessToken, maxPages: 2 }),
    ).rejects.toThrow(/more than 2 pages/);
  });

  it('turns a 401 from Graph into an error with the status and Graph error code', async () => {
    await expect(
      fetchGraphGroups({ graphBaseUrl: graph.baseUrl, accessToken: 'not-a-token-the-idp-issued' }),
    ).rejects.toThrow(/HTTP 401 \(InvalidAuthenticationToken: Access token validation failure\.\)/);
  });
});

describe('the test IdP', () => {
  it('refuses to log in an account that was never set', async () => {
    const login = createOidcLogin();
    const started = await login.start(confidential, { redirectUri: REDIRECT_URI, scopes: SCOPES });
    await expect(idp.driveLogin(started.url, 'mallory')).rejects.toThrow(
      /refused the login of unknown account "mallory"/,
    );
  });
});

/** An http URL on 127.0.0.1 where nothing listens (a port just released). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}
