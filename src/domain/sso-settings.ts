// The settings of an organization's SSO connections: what an admin writes (Settings › SSO, PUT /sso/{kind}) and
// what sign-in reads back. Stored as JSON beside the connection; checked here on every write and read, so a row
// written by an older version or by hand never reaches the sign-in code unchecked. Secrets are not part of them.
import { invalidValue } from '../scim/errors.js';
import { isJsonObject, type JsonObject } from '../shared/json.js';
import type { SsoKind, SsoRole } from './sso-ports.js';

/** "create": a reported group without a team becomes one; "existing": only teams that exist already are joined. */
export type TeamCreation = 'create' | 'existing';
/** "add_only": sign-in only adds memberships; "full": it also removes the ones an earlier sign-in added. */
export type MembershipSync = 'add_only' | 'full';

export interface RoleMapping {
  /** A group as the IdP reports it (id or name), compared case-insensitively. */
  readonly group: string;
  readonly role: SsoRole;
}

export interface SignInPolicy {
  /** OIDC claim or SAML attribute holding the groups; dotted for nested claims (`realm_access.roles`). */
  readonly groupsClaim: string;
  readonly teamCreation: TeamCreation;
  readonly membershipSync: MembershipSync;
  /** Only these groups become or join teams; empty: every group. */
  readonly allowedGroups: readonly string[];
  readonly roleMappings: readonly RoleMapping[];
  /** Link a sign-in to an existing user with the same email, when the IdP says the email is verified. */
  readonly linkByEmail: boolean;
  /**
   * A sign-in no user matches creates one. Off by default: only users SCIM (or an admin) created can sign in, so the
   * IdP's provisioning decides who has an account.
   */
  readonly createUsers: boolean;
}

export interface OidcSettings extends SignInPolicy {
  readonly kind: 'oidc';
  readonly issuer: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** Microsoft Graph, asked for the groups when an Entra ID token has too many to list (overage); null: never. */
  readonly graphBaseUrl: string | null;
}

export interface SamlSettings extends SignInPolicy {
  readonly kind: 'saml';
  /** The IdP's metadata XML (fetched from `idpMetadataUrl` when that was given). */
  readonly idpMetadataXml: string;
  readonly idpMetadataUrl: string | null;
  /** The SAML attribute holding the email. */
  readonly emailAttribute: string;
  /** Tolerated difference between the IdP's clock and ours, in seconds (0-300). */
  readonly clockSkewSeconds: number;
  /**
   * Accept responses the IdP sends unasked (IdP-initiated: the app tile in Okta's dashboard). Off by default: such a
   * response answers no request of this browser, so only the assertion's single use and short life protect it.
   */
  readonly allowIdpInitiated: boolean;
}

export type SsoSettings = OidcSettings | SamlSettings;

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';
const DEFAULT_SCOPES = ['openid', 'email', 'profile'];
const MAX_LIST = 500;
const MAX_TEXT = 2048;
const MAX_METADATA = 1_000_000;
export const MAX_CLOCK_SKEW_SECONDS = 300;

type Input = Readonly<Record<string, unknown>>;

function text(input: Input, name: string, fallback?: string): string {
  const value = input[name] ?? fallback;
  if (typeof value !== 'string' || value.trim() === '') throw invalidValue(`${name} is required`);
  if (value.length > MAX_TEXT) throw invalidValue(`${name} must be at most ${MAX_TEXT} characters`);
  return value.trim();
}

function bool(input: Input, name: string, fallback: boolean): boolean {
  const value = input[name] ?? fallback;
  if (typeof value !== 'boolean') throw invalidValue(`${name} must be true or false`);
  return value;
}

function oneOf<T extends string>(input: Input, name: string, allowed: readonly T[], fallback: T): T {
  const value = input[name] ?? fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw invalidValue(`${name} must be one of ${allowed.join(', ')}`);
  return found;
}

function strings(input: Input, name: string, fallback: readonly string[]): string[] {
  const value = input[name] ?? fallback;
  if (!Array.isArray(value) || value.length > MAX_LIST) {
    throw invalidValue(`${name} must be a list of at most ${MAX_LIST} strings`);
  }
  return value.map((item) => {
    if (typeof item !== 'string' || item.trim() === '' || item.length > MAX_TEXT) {
      throw invalidValue(`every entry of ${name} must be a non-empty string`);
    }
    return item.trim();
  });
}

/** Where settings may point. `allowLocal` (SSO_ALLOW_LOCAL_IDP): IdPs on this machine or network, over http too. */
export interface IdpUrlPolicy {
  readonly allowLocal: boolean;
}

/** Microsoft Graph in each national cloud: the only hosts that receive users' access tokens. */
export const GRAPH_HOSTS: ReadonlySet<string> = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]);

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * An https URL. With `allowLocal`, also http on a loopback host (a development or test IdP). Whether the host resolves
 * to a private address is checked where names are resolved (auth/check-idp-host.ts).
 */
export function checkIdpUrl(value: string, name: string, policy: IdpUrlPolicy): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidValue(`${name} must be an absolute URL`);
  }
  const localHttp = policy.allowLocal && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !localHttp) {
    throw invalidValue(
      `${name} must use https${policy.allowLocal ? ' (http only for 127.0.0.1 or localhost)' : ''}`,
    );
  }
  if (url.username !== '' || url.password !== '') throw invalidValue(`${name} must not contain credentials`);
  return value.replace(/\/+$/, '');
}

function roleMappings(input: Input): RoleMapping[] {
  const value = input['roleMappings'] ?? [];
  if (!Array.isArray(value) || value.length > MAX_LIST) {
    throw invalidValue(`roleMappings must be a list of at most ${MAX_LIST} {group, role} objects`);
  }
  return value.map((item) => {
    if (!isJsonObject(item)) throw invalidValue('every roleMappings entry must be a {group, role} object');
    return { group: text(item, 'group'), role: oneOf(item, 'role', ['admin', 'member'], 'member') };
  });
}

function policyOf(input: Input): SignInPolicy {
  return {
    groupsClaim: text(input, 'groupsClaim', 'groups'),
    teamCreation: oneOf(input, 'teamCreation', ['create', 'existing'], 'create'),
    membershipSync: oneOf(input, 'membershipSync', ['add_only', 'full'], 'add_only'),
    allowedGroups: strings(input, 'allowedGroups', []),
    roleMappings: roleMappings(input),
    linkByEmail: bool(input, 'linkByEmail', false),
    createUsers: bool(input, 'createUsers', false),
  };
}

/** Checks `input` (a connection's settings as written or stored) and fills in the defaults. */
export function parseSsoSettings(kind: SsoKind, input: Input, urls: IdpUrlPolicy): SsoSettings {
  const policy = policyOf(input);
  if (kind === 'oidc') {
    const scopes = strings(input, 'scopes', DEFAULT_SCOPES);
    if (!scopes.includes('openid')) throw invalidValue('scopes must include openid');
    const graph = input['graphBaseUrl'] === undefined ? DEFAULT_GRAPH_BASE_URL : input['graphBaseUrl'];
    if (graph !== null && typeof graph !== 'string') throw invalidValue('graphBaseUrl must be a URL or null');
    const graphBaseUrl = graph === null ? null : checkIdpUrl(graph, 'graphBaseUrl', urls);
    // The sign-in's access token goes there: only to Microsoft Graph, unless local IdPs are allowed (tests).
    if (graphBaseUrl !== null && !urls.allowLocal && !GRAPH_HOSTS.has(new URL(graphBaseUrl).hostname)) {
      throw invalidValue(`graphBaseUrl must be Microsoft Graph (${[...GRAPH_HOSTS].join(', ')})`);
    }
    return {
      kind,
      ...policy,
      issuer: checkIdpUrl(text(input, 'issuer'), 'issuer', urls),
      clientId: text(input, 'clientId'),
      scopes,
      graphBaseUrl,
    };
  }
  const metadataUrl = input['idpMetadataUrl'] ?? null;
  if (metadataUrl !== null && typeof metadataUrl !== 'string') {
    throw invalidValue('idpMetadataUrl must be a URL or null');
  }
  const xml = input['idpMetadataXml'];
  if (typeof xml !== 'string' || xml.trim() === '') {
    throw invalidValue('idpMetadataXml is required (or give idpMetadataUrl to fetch it)');
  }
  if (xml.length > MAX_METADATA)
    throw invalidValue(`idpMetadataXml must be under ${MAX_METADATA} characters`);
  const skew = input['clockSkewSeconds'] ?? 60;
  if (typeof skew !== 'number' || !Number.isInteger(skew) || skew < 0 || skew > MAX_CLOCK_SKEW_SECONDS) {
    throw invalidValue(`clockSkewSeconds must be a whole number from 0 to ${MAX_CLOCK_SKEW_SECONDS}`);
  }
  return {
    kind,
    ...policy,
    idpMetadataXml: xml.trim(),
    idpMetadataUrl: metadataUrl === null ? null : checkIdpUrl(metadataUrl, 'idpMetadataUrl', urls),
    emailAttribute: text(input, 'emailAttribute', 'email'),
    clockSkewSeconds: skew,
    allowIdpInitiated: bool(input, 'allowIdpInitiated', false),
  };
}

/** The settings as stored (kind is the row's own column). */
export function toStoredSettings(settings: SsoSettings): JsonObject {
  const { kind: _kind, ...rest } = settings;
  return JSON.parse(JSON.stringify(rest)) as JsonObject;
}
