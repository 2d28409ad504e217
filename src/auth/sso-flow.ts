// The SSO sign-in round trip of one organization: start (redirect to the IdP, remembering state, nonce and PKCE
// verifier or the SAML request id), then finish (verify the IdP's answer with openid-client or node-saml, turn it into
// a SignInIdentity, resolve Entra's group overage through Graph) and hand over to domain/sso-sign-in.ts.
//
// Pending sign-ins live in the database (sso_login_requests), so any instance can finish what another started, and
// each answer is accepted once. OIDC answers also need the browser-binding cookie set at start: a code and state
// stolen from a URL cannot be redeemed in another browser (RFC 9700 §4.7, login CSRF).
import { randomBytes } from 'node:crypto';
import type { AdminSessionPolicy } from '../domain/admin-sessions.js';
import { hashCredential } from '../domain/credentials.js';
import type { Clock, Ids, Organization, SsoConnectionRecord, SsoKind, Store } from '../domain/ports.js';
import { ssoEndpointsOf } from '../domain/sso-connections.js';
import {
  parseSsoSettings,
  type IdpUrlPolicy,
  type OidcSettings,
  type SamlSettings,
} from '../domain/sso-settings.js';
import { completeSignIn, type SignInIdentity, type SignInResult } from '../domain/sso-sign-in.js';
import { fetchGraphGroups } from './oidc/fetch-graph-groups.js';
import type { OidcLogin } from './oidc/oidc-login.js';
import { readGroupsClaim } from './oidc/read-groups-claim.js';
import { parseSamlIdpMetadata } from './saml/parse-saml-idp-metadata.js';
import {
  buildSamlSpMetadata,
  createSamlAuthnRequest,
  validateSamlResponse,
  type SamlSpSettings,
} from './saml/saml-service-provider.js';
import { SsoFlowError } from './sso-flow-error.js';

/** How long a person may take at the IdP before the pending sign-in expires. */
const LOGIN_REQUEST_MS = 10 * 60_000;

export interface SsoFlowDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly policy: AdminSessionPolicy;
  readonly publicUrl: string;
  /** SSO_ALLOW_LOCAL_IDP: whether settings may point at IdPs on this machine or network. */
  readonly urls: IdpUrlPolicy;
  readonly oidc: OidcLogin;
  readonly fetchGraphGroups?: typeof fetchGraphGroups;
}

export interface StartedSignIn {
  readonly redirectUrl: string;
  /** Value of the browser-binding cookie to set (OIDC); null for SAML. */
  readonly browserBinding: string | null;
}

export type FinishedSignIn = SignInResult & { readonly next: string };

export interface SsoFlow {
  start(input: {
    readonly orgSlug: string;
    readonly kind?: SsoKind;
    readonly next: string;
  }): Promise<StartedSignIn>;
  finishOidc(input: {
    readonly orgSlug: string;
    readonly callbackUrl: URL;
    readonly browserBinding: string | undefined;
  }): Promise<FinishedSignIn>;
  finishSaml(input: { readonly orgSlug: string; readonly samlResponse: string }): Promise<FinishedSignIn>;
  spMetadata(orgSlug: string): Promise<string>;
}

const NEXT_BASE = 'http://muster.invalid';

/**
 * A path on this server (`/teams?x=1`), never another origin (`//evil`, `https://…`, `/\evil`, `/\t/evil`: browsers
 * drop tabs and newlines from URLs), as the URL parser resolves it; `/` for anything else.
 */
export function safeNext(next: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (next === undefined || next.length > 2000 || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  if (!next.startsWith('/') || next.startsWith('//')) return '/';
  let url: URL;
  try {
    url = new URL(next, NEXT_BASE);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can resolve to `//host` (`/.//evil`), which a browser reads as another site.
  return url.origin === NEXT_BASE && !path.startsWith('//') ? path : '/';
}

/** Entra ID's issuers (every cloud): only their `oid` claim is the stable object id SCIM may have as externalId. */
const ENTRA_ISSUER_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'sts.windows.net',
]);

function isEntraIssuer(issuer: string): boolean {
  try {
    return ENTRA_ISSUER_HOSTS.has(new URL(issuer).hostname);
  } catch {
    return false;
  }
}

function stringClaim(claims: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function createSsoFlow(deps: SsoFlowDeps): SsoFlow {
  const { store, clock, publicUrl, oidc } = deps;
  const graphGroups = deps.fetchGraphGroups ?? fetchGraphGroups;

  async function organization(slug: string): Promise<Organization> {
    const org = await store.organizations.findBySlug(slug);
    if (org === undefined) throw new SsoFlowError('unknown_organization', `No organization "${slug}"`);
    return org;
  }

  async function connectionOf(org: Organization, kind: SsoKind | undefined): Promise<SsoConnectionRecord> {
    const all = (await store.sso.listConnections(org.id)).filter((c) => c.enabled);
    const found =
      kind === undefined ? (all.find((c) => c.kind === 'oidc') ?? all[0]) : all.find((c) => c.kind === kind);
    if (found === undefined) {
      throw new SsoFlowError('not_configured', `Organization "${org.slug}" has no SSO sign-in turned on`);
    }
    return found;
  }

  function samlSettingsOf(org: Organization, settings: SamlSettings): SamlSpSettings {
    const endpoints = ssoEndpointsOf(publicUrl, org);
    return {
      spEntityId: endpoints.spEntityId,
      acsUrl: endpoints.acsUrl,
      idp: parseSamlIdpMetadata(settings.idpMetadataXml),
      clockSkewMs: settings.clockSkewSeconds * 1000,
    };
  }

  async function pendingRequest(id: string, connection: SsoConnectionRecord, browserHash: string | null) {
    const request = await store.sso.takeLoginRequest(id, browserHash);
    if (request?.connectionId !== connection.id) {
      throw new SsoFlowError(
        'invalid_request',
        'This sign-in answer matches no sign-in started here (or was used)',
      );
    }
    if (Date.parse(request.expiresAt) <= clock.now().getTime()) {
      throw new SsoFlowError('expired_request', 'The sign-in took too long: start again');
    }
    return request;
  }

  async function groupsOf(
    settings: OidcSettings,
    claims: Readonly<Record<string, unknown>>,
    accessToken: string,
  ): Promise<SignInIdentity['groups']> {
    let claim: ReturnType<typeof readGroupsClaim>;
    try {
      claim = readGroupsClaim(claims, settings.groupsClaim);
    } catch (error) {
      throw new SsoFlowError('invalid_response', `The ${settings.groupsClaim} claim is malformed`, {
        cause: error,
      });
    }
    if (claim.kind === 'absent') return undefined;
    if (claim.kind === 'groups') return claim.groups.map((ref) => ({ ref, displayName: null }));
    if (settings.graphBaseUrl === null) {
      throw new SsoFlowError(
        'groups_overage',
        'The IdP reported too many groups to list in the token and Microsoft Graph lookups are turned off',
      );
    }
    try {
      const groups = await graphGroups({ graphBaseUrl: settings.graphBaseUrl, accessToken });
      return groups.map((g) => ({ ref: g.id, displayName: g.displayName }));
    } catch (error) {
      // Never a partial or empty list in place of the real one: a full sync would remove every membership.
      throw new SsoFlowError('idp_error', 'Microsoft Graph did not list the groups', { cause: error });
    }
  }

  return {
    async start({ orgSlug, kind, next }) {
      const org = await organization(orgSlug);
      const connection = await connectionOf(org, kind);
      const settings = parseSsoSettings(connection.kind, connection.settings, deps.urls);
      const now = clock.now();
      const base = {
        connectionId: connection.id,
        next: safeNext(next),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + LOGIN_REQUEST_MS).toISOString(),
      };
      if (settings.kind === 'oidc') {
        const started = await oidc.start(
          { issuer: settings.issuer, clientId: settings.clientId, clientSecret: connection.clientSecret },
          { redirectUri: ssoEndpointsOf(publicUrl, org).redirectUrl, scopes: settings.scopes },
        );
        const browserBinding = randomBytes(32).toString('base64url');
        await store.sso.insertLoginRequest({
          ...base,
          id: started.state,
          browserHash: hashCredential(browserBinding),
          nonce: started.nonce,
          codeVerifier: started.codeVerifier,
        });
        return { redirectUrl: started.url, browserBinding };
      }
      const request = await createSamlAuthnRequest(samlSettingsOf(org, settings), '');
      await store.sso.insertLoginRequest({
        ...base,
        id: request.requestId,
        browserHash: null,
        nonce: null,
        codeVerifier: null,
      });
      return { redirectUrl: request.url, browserBinding: null };
    },

    async finishOidc({ orgSlug, callbackUrl, browserBinding }) {
      const org = await organization(orgSlug);
      const connection = await connectionOf(org, 'oidc');
      const settings = parseSsoSettings('oidc', connection.settings, deps.urls);
      if (settings.kind !== 'oidc') throw new Error('OIDC connection with SAML settings');
      const state = callbackUrl.searchParams.get('state') ?? '';
      if (browserBinding === undefined) {
        throw new SsoFlowError(
          'invalid_request',
          'This sign-in was started in another browser: start again here',
        );
      }
      // Found only together with this browser's binding (compared by the unique lookup on its hash).
      const request = await pendingRequest(state, connection, hashCredential(browserBinding));
      const identity = await oidc.finish(
        { issuer: settings.issuer, clientId: settings.clientId, clientSecret: connection.clientSecret },
        {
          redirectUri: ssoEndpointsOf(publicUrl, org).redirectUrl,
          callbackUrl,
          expected: { state, nonce: request.nonce ?? '', codeVerifier: request.codeVerifier ?? '' },
        },
      );
      const { claims } = identity;
      // Entra's object id, the value its SCIM may send as externalId; another IdP's `oid` claim means nothing here.
      const oid = isEntraIssuer(settings.issuer) ? stringClaim(claims, 'oid') : null;
      const email = stringClaim(claims, 'email');
      const result = await completeSignIn(deps, {
        connection,
        settings,
        identity: {
          subject: identity.subject,
          alternateSubjects: oid === null || oid === identity.subject ? [] : [oid],
          email,
          // OIDC Core §5.1: only email_verified true says the IdP checked the address.
          emailVerified: claims['email_verified'] === true,
          displayName: stringClaim(claims, 'name'),
          groups: await groupsOf(settings, claims, identity.accessToken),
        },
      });
      return { ...result, next: request.next };
    },

    async finishSaml({ orgSlug, samlResponse }) {
      const org = await organization(orgSlug);
      const connection = await connectionOf(org, 'saml');
      const settings = parseSsoSettings('saml', connection.settings, deps.urls);
      if (settings.kind !== 'saml') throw new Error('SAML connection with OIDC settings');
      const assertion = await validateSamlResponse(samlSettingsOf(org, settings), samlResponse);
      // SAML core §8.3.8: a transient NameID changes at every sign-in and cannot name a person.
      if (assertion.nameIdFormat?.endsWith(':nameid-format:transient') === true) {
        throw new SsoFlowError(
          'invalid_response',
          'The IdP sent a transient NameID: configure a persistent, email or unspecified NameID',
        );
      }
      // An unsolicited (IdP-initiated) response has no InResponseTo: accepted only when the admin allowed it.
      if (assertion.inResponseTo === null && !settings.allowIdpInitiated) {
        throw new SsoFlowError(
          'invalid_request',
          "Sign-in started at the IdP is not accepted: start from this server's sign-in page",
        );
      }
      // Each assertion once (SAML Profiles §4.1.4.5), whatever request it answers.
      if (!(await store.sso.useSamlAssertion(connection.id, assertion.assertionId, assertion.notOnOrAfter))) {
        throw new SsoFlowError('replayed', 'This SAML assertion was used already');
      }
      const next =
        assertion.inResponseTo === null
          ? '/'
          : (await pendingRequest(assertion.inResponseTo, connection, null)).next;
      const first = (name: string): string | null => {
        const value = assertion.attributes[name]?.[0]?.trim() ?? '';
        return value === '' ? null : value;
      };
      const emailFormat = assertion.nameIdFormat?.endsWith(':emailAddress') === true;
      const email = first(settings.emailAttribute) ?? (emailFormat ? assertion.nameId : null);
      const groups = assertion.attributes[settings.groupsClaim];
      const result = await completeSignIn(deps, {
        connection,
        settings,
        identity: {
          subject: assertion.nameId,
          alternateSubjects: [],
          email,
          // A SAML IdP asserts the address it holds; linking by it still needs the admin's opt-in (linkByEmail).
          emailVerified: email !== null,
          displayName: first('displayName') ?? first('name'),
          groups: groups?.map((ref) => ({ ref, displayName: null })),
        },
      });
      return { ...result, next };
    },

    async spMetadata(orgSlug) {
      const org = await organization(orgSlug);
      const { spEntityId, acsUrl } = ssoEndpointsOf(publicUrl, org);
      return buildSamlSpMetadata({ spEntityId, acsUrl });
    },
  };
}
