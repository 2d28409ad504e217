// An organization's SSO connections as admins manage them (Settings › SSO, /api/v1/sso): read with the secret left
// out, written with settings checked, removed. The URLs an admin copies into the IdP are derived from PUBLIC_URL and
// the organization's slug, so they are shown before anything is saved.
import { invalidValue, notFound } from '../scim/errors.js';
import { isSameJson } from './is-same-json.js';
import type { Clock, Ids, Organization, SsoConnectionRecord, SsoKind, StoreTx } from './ports.js';
import { parseSsoSettings, toStoredSettings, type IdpUrlPolicy, type SsoSettings } from './sso-settings.js';

/** The addresses of this server that an IdP needs. */
export interface SsoEndpoints {
  /** Where a person starts signing in to this organization (the console's "Sign in with SSO" goes here). */
  readonly loginUrl: string;
  /** OIDC redirect URI to register with the IdP. */
  readonly redirectUrl: string;
  /** SAML: Assertion Consumer Service URL (HTTP-POST). */
  readonly acsUrl: string;
  /** SAML: this service provider's entity id (audience), which is also where its metadata is served. */
  readonly spEntityId: string;
  readonly spMetadataUrl: string;
}

export function ssoEndpointsOf(publicUrl: string, org: Pick<Organization, 'slug'>): SsoEndpoints {
  const base = `${publicUrl}/sso/${org.slug}`;
  return {
    loginUrl: `${base}/login`,
    redirectUrl: `${base}/oidc/callback`,
    acsUrl: `${base}/saml/acs`,
    spEntityId: `${base}/saml/metadata`,
    spMetadataUrl: `${base}/saml/metadata`,
  };
}

/** A connection as the admin API returns it: the secret only as "set or not". */
export interface SsoConnectionView {
  readonly kind: SsoKind;
  readonly enabled: boolean;
  readonly settings: SsoSettings;
  readonly clientSecretSet: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toConnectionView(record: SsoConnectionRecord): SsoConnectionView {
  return {
    kind: record.kind,
    enabled: record.enabled,
    // Shown as stored, whatever SSO_ALLOW_LOCAL_IDP says now: sign-in applies the policy, reading never fails on it.
    settings: parseSsoSettings(record.kind, record.settings, { allowLocal: true }),
    clientSecretSet: record.clientSecret !== null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export interface SaveConnectionInput {
  readonly enabled: boolean;
  readonly settings: Readonly<Record<string, unknown>>;
  /** undefined: keep the stored secret; null: remove it; a string: replace it. */
  readonly clientSecret?: string | null;
}

/** The stored secret, a new one, or none; the stored one only while it still goes to the same issuer and client. */
function secretOf(
  existing: SsoConnectionRecord | undefined,
  settings: SsoSettings,
  input: SaveConnectionInput,
): string | null {
  if (settings.kind === 'saml') return null;
  if (input.clientSecret !== undefined) return input.clientSecret;
  if (existing === undefined || existing.clientSecret === null) return null;
  const before = existing.settings;
  // Otherwise an admin who cannot read the secret could send it to an issuer of their choosing.
  if (before['issuer'] !== settings.issuer || before['clientId'] !== settings.clientId) {
    throw invalidValue(
      'clientSecret: send the client secret again when changing the issuer or the client id',
    );
  }
  return existing.clientSecret;
}

/**
 * Saves the connection. Turning it off ends its sessions; changing which groups map to admin ends its admin sessions
 * (a role is granted at sign-in, so a revoked mapping must not outlive the change).
 */
export async function saveSsoConnection(
  deps: { readonly tx: StoreTx; readonly clock: Clock; readonly ids: Ids; readonly urls: IdpUrlPolicy },
  orgId: string,
  kind: SsoKind,
  input: SaveConnectionInput,
): Promise<SsoConnectionView> {
  const settings = parseSsoSettings(kind, input.settings, deps.urls);
  const existing = await deps.tx.sso.getConnection(orgId, kind);
  const at = deps.clock.now().toISOString();
  const clientSecret = secretOf(existing, settings, input);
  const saved = await deps.tx.sso.saveConnection({
    id: existing?.id ?? deps.ids.newId(),
    orgId,
    kind,
    enabled: input.enabled,
    settings: toStoredSettings(settings),
    clientSecret,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  });
  if (existing !== undefined) {
    if (!input.enabled) {
      await deps.tx.sso.revokeConnectionSessions(existing.id, at, null);
    } else if (!isSameJson(existing.settings['roleMappings'] ?? [], saved.settings['roleMappings'] ?? [])) {
      await deps.tx.sso.revokeConnectionSessions(existing.id, at, 'admin');
    }
  }
  return toConnectionView(saved);
}

export async function getSsoConnection(
  tx: StoreTx,
  orgId: string,
  kind: SsoKind,
): Promise<SsoConnectionRecord> {
  const found = await tx.sso.getConnection(orgId, kind);
  if (found === undefined)
    throw notFound(`No ${kind.toUpperCase()} connection is set up for this organization`);
  return found;
}
