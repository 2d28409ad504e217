// SSO sign-in with SAML 2.0 against a local IdP that signs real assertions (test/support/saml-idp.ts): the
// SP-initiated round trip through the HTTP-POST binding, group → team sync and role mapping, and the refusals a SAML
// SP owes: tampered, expired, replayed, unsolicited and wrongly addressed assertions, and deprovisioned users.
import { inflateRawSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminRequest, type AdminRequest } from '../admin-api/admin-request.js';
import { startSamlIdp, type SamlTestUser, type TestSamlIdp } from '../support/saml-idp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PATCH_OP, scimRequest, USER_SCHEMA, type ScimRequest } from './scim-request.js';
import { asSession, outcomeOf, PUBLIC_URL, type SignInOutcome } from './sso-sign-in.js';

const ACS_URL = `${PUBLIC_URL}/sso/default/saml/acs`;
const SP_ENTITY_ID = `${PUBLIC_URL}/sso/default/saml/metadata`;

let idp: TestSamlIdp;
let t: TestApp;
let admin: AdminRequest;
let scim: ScimRequest;

beforeAll(async () => {
  idp = await startSamlIdp({ acsUrl: ACS_URL, spEntityId: SP_ENTITY_ID });
});

afterAll(async () => {
  await idp.close();
});

beforeEach(async () => {
  t = await createTestApp({ PUBLIC_URL, SSO_ALLOW_LOCAL_IDP: 'on' });
  admin = adminRequest(t);
  scim = scimRequest(t);
  const res = await admin('PUT', '/sso/saml', {
    body: {
      enabled: true,
      settings: {
        idpMetadataUrl: idp.metadataUrl,
        membershipSync: 'full',
        roleMappings: [{ group: 'muster-admins', role: 'admin' }],
      },
    },
  });
  expect(res.statusCode, res.body).toBe(200);
});

afterEach(async () => {
  await t.close();
});

/** Starts a sign-in here: the IdP URL it redirects to and the AuthnRequest's ID (what InResponseTo must repeat). */
async function start(): Promise<{ readonly location: string; readonly requestId: string }> {
  const res = await t.app.inject({ method: 'GET', url: '/sso/default/login?next=%2Fteams' });
  expect(res.statusCode, res.body).toBe(302);
  const location = String(res.headers.location);
  const request = new URL(location).searchParams.get('SAMLRequest') ?? '';
  const xml = inflateRawSync(Buffer.from(request, 'base64')).toString('utf8');
  const requestId = /\sID="([^"]+)"/.exec(xml)?.[1];
  if (requestId === undefined) throw new Error(`no ID in ${xml}`);
  return { location, requestId };
}

function post(samlResponse: string) {
  return t.app.inject({
    method: 'POST',
    url: '/sso/default/saml/acs',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: '' }).toString(),
  });
}

/** The whole browser round trip: redirect to the IdP, its auto-posting form, the POST back to the ACS. */
async function signIn(user: SamlTestUser): Promise<SignInOutcome> {
  idp.setUser(user);
  const { location } = await start();
  const page = await (await fetch(location)).text();
  const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page)?.[1];
  if (samlResponse === undefined) throw new Error('the IdP page has no SAMLResponse');
  return outcomeOf(await post(samlResponse));
}

async function scimUser(userName: string, externalId: string): Promise<string> {
  const res = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName, externalId, active: true });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const KIM: SamlTestUser = {
  nameId: '00u-kim',
  email: 'kim@example.com',
  groups: ['Engineering', 'muster-admins'],
};

describe('SAML sign-in', () => {
  it('serves SP metadata naming the entity id and the ACS URL; the metadata URL was fetched at save', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sso/default/saml/metadata' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/samlmetadata+xml');
    expect(res.body).toContain(`entityID="${SP_ENTITY_ID}"`);
    expect(res.body).toContain(`Location="${ACS_URL}"`);
    const overview = await admin('GET', '/sso');
    expect(overview.json()).toMatchObject({
      saml: { enabled: true, settings: { idpMetadataUrl: idp.metadataUrl, idpMetadataXml: idp.metadataXml } },
    });
  });

  it('signs in through the IdP, links by externalId = NameID, syncs teams and maps the admin role', async () => {
    const kimId = await scimUser('kim@example.com', '00u-kim');
    const outcome = await signIn(KIM);
    expect(outcome).toMatchObject({ kind: 'signed_in', location: '/teams' });
    if (outcome.kind !== 'signed_in') return;
    expect((await asSession(t, outcome.token, 'GET', '/session')).json()).toMatchObject({
      role: 'admin',
      signedInWith: 'saml',
      userId: kimId,
    });
    const teams = (await admin('GET', '/teams')).json<{ items: { displayName: string; id: string }[] }>()
      .items;
    expect(teams.map((team) => team.displayName).sort()).toEqual(['Engineering', 'muster-admins']);

    // Full sync: the next sign-in without Engineering leaves it, and without the admin group is a member.
    const member = await signIn({ ...KIM, groups: ['Design'] });
    if (member.kind !== 'signed_in') throw new Error('refused');
    expect((await asSession(t, member.token, 'GET', '/session')).json()).toMatchObject({ role: 'member' });
    const engineering = teams.find((team) => team.displayName === 'Engineering');
    const detail = await admin('GET', `/teams/${engineering?.id ?? ''}`);
    expect(detail.json<{ members: unknown[] }>().members).toEqual([]);
  });

  it('refuses a replayed assertion', async () => {
    await scimUser('kim@example.com', '00u-kim');
    const { requestId } = await start();
    const response = idp.buildResponse({
      acsUrl: ACS_URL,
      audience: SP_ENTITY_ID,
      inResponseTo: requestId,
      user: KIM,
    });
    expect(outcomeOf(await post(response))).toMatchObject({ kind: 'signed_in' });
    expect(outcomeOf(await post(response))).toMatchObject({ kind: 'refused', reason: 'replayed' });
  });

  it.each([
    ['tampered after signing', { tamper: (xml: string) => xml.replace('00u-kim', '00u-admin') }],
    ['expired beyond the clock skew', { notOnOrAfter: new Date(Date.now() - 5 * 60_000) }],
    ['signed by another key', { signWithOtherKey: true }],
    ['unsigned', { signing: 'none' as const }],
    ['for another audience', { audience: 'https://other.example/sp' }],
  ])('refuses an assertion %s', async (_name, override) => {
    await scimUser('admin@example.com', '00u-admin');
    await scimUser('kim@example.com', '00u-kim');
    const { requestId } = await start();
    const response = idp.buildResponse({
      acsUrl: ACS_URL,
      audience: SP_ENTITY_ID,
      inResponseTo: requestId,
      user: KIM,
      ...override,
    });
    expect(outcomeOf(await post(response))).toMatchObject({ kind: 'refused', reason: 'invalid_response' });
  });

  it('refuses an unsolicited response and one answering no request of this server', async () => {
    await scimUser('kim@example.com', '00u-kim');
    const unsolicited = idp.buildResponse({
      acsUrl: ACS_URL,
      audience: SP_ENTITY_ID,
      inResponseTo: null,
      user: KIM,
    });
    expect(outcomeOf(await post(unsolicited))).toMatchObject({ reason: 'invalid_request' });
    const unknown = idp.buildResponse({
      acsUrl: ACS_URL,
      audience: SP_ENTITY_ID,
      inResponseTo: '_nope',
      user: KIM,
    });
    expect(outcomeOf(await post(unknown))).toMatchObject({ reason: 'invalid_request' });
    const missing = await t.app.inject({
      method: 'POST',
      url: '/sso/default/saml/acs',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'RelayState=x',
    });
    expect(outcomeOf(missing)).toMatchObject({ reason: 'invalid_response' });
  });

  it('accepts an IdP-initiated response once only when the admin allowed it', async () => {
    await scimUser('kim@example.com', '00u-kim');
    const res = await admin('PUT', '/sso/saml', {
      body: { enabled: true, settings: { idpMetadataXml: idp.metadataXml, allowIdpInitiated: true } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const unsolicited = idp.buildResponse({
      acsUrl: ACS_URL,
      audience: SP_ENTITY_ID,
      inResponseTo: null,
      user: KIM,
    });
    expect(outcomeOf(await post(unsolicited))).toMatchObject({ kind: 'signed_in', location: '/' });
    expect(outcomeOf(await post(unsolicited))).toMatchObject({ kind: 'refused', reason: 'replayed' });
  });

  it('refuses a user SCIM deactivated and ends their sessions; an unprovisioned user is refused', async () => {
    const kimId = await scimUser('kim@example.com', '00u-kim');
    const outcome = await signIn(KIM);
    if (outcome.kind !== 'signed_in') throw new Error('refused');
    await scim('PATCH', `/Users/${kimId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect((await asSession(t, outcome.token, 'GET', '/session')).statusCode).toBe(401);
    expect(await signIn(KIM)).toMatchObject({ kind: 'refused', reason: 'deactivated' });
    expect(await signIn({ nameId: 'never-provisioned' })).toMatchObject({ reason: 'not_provisioned' });
  });

  it('refuses metadata that is not SAML metadata, in problem+json', async () => {
    const res = await admin('PUT', '/sso/saml', {
      body: { enabled: true, settings: { idpMetadataXml: '<html>not metadata</html>' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json<{ detail: string }>().detail).toContain('IdP metadata');
  });
});
