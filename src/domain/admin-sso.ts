// SSO settings as the admin API manages them: the organization's OIDC and SAML connections and whether members may
// create their own API keys. Writes are checked by sso-settings.ts; the OIDC client secret is write-only.
import { notFound } from '../scim/errors.js';
import type { Clock, Ids, SsoKind, Store } from './ports.js';
import {
  saveSsoConnection,
  toConnectionView,
  type SaveConnectionInput,
  type SsoConnectionView,
} from './sso-connections.js';
import type { IdpUrlPolicy } from './sso-settings.js';

export interface SsoOverview {
  readonly memberApiKeys: boolean;
  readonly oidc: SsoConnectionView | null;
  readonly saml: SsoConnectionView | null;
}

export interface AdminSso {
  overview(orgId: string): Promise<SsoOverview>;
  save(orgId: string, kind: SsoKind, input: SaveConnectionInput): Promise<SsoConnectionView>;
  /** Its linked identities and sessions end with it. */
  remove(orgId: string, kind: SsoKind): Promise<void>;
  setMemberApiKeys(orgId: string, allowed: boolean): Promise<void>;
  /** Where IdP URLs may point (SSO_ALLOW_LOCAL_IDP). */
  readonly urls: IdpUrlPolicy;
}

export function createAdminSso(deps: {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly urls: IdpUrlPolicy;
}): AdminSso {
  const { store, clock, ids, urls } = deps;
  return {
    async overview(orgId) {
      return store.read(async (tx) => {
        const connections = await tx.sso.listConnections(orgId);
        const view = (kind: SsoKind) => {
          const found = connections.find((c) => c.kind === kind);
          return found === undefined ? null : toConnectionView(found);
        };
        return {
          memberApiKeys: await tx.sso.memberApiKeysAllowed(orgId),
          oidc: view('oidc'),
          saml: view('saml'),
        };
      });
    },
    save: (orgId, kind, input) =>
      store.transaction((tx) => saveSsoConnection({ tx, clock, ids, urls }, orgId, kind, input)),
    urls,
    async remove(orgId, kind) {
      if (!(await store.sso.deleteConnection(orgId, kind))) {
        throw notFound(`No ${kind.toUpperCase()} connection is set up for this organization`);
      }
    },
    setMemberApiKeys: (orgId, allowed) => store.sso.setMemberApiKeysAllowed(orgId, allowed),
  };
}
