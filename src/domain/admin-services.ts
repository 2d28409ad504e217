// Everything the admin API (/api/v1) calls, bound to one store, clock and id source. The HTTP layer sees only this.
import { createAdminAccounts, type AdminAccounts } from './admin-account-services.js';
import { createAdminDashboard, type AdminDashboard } from './admin-dashboard.js';
import { authenticateAdminKey, type AdminPrincipal } from './admin-keys.js';
import type { AdminSessionPolicy } from './admin-sessions.js';
import { createAdminOrganizations, type AdminOrganizations } from './admin-organizations.js';
import { createAdminScimTokens, type AdminScimTokens } from './admin-scim-tokens.js';
import { createAdminSso, type AdminSso } from './admin-sso.js';
import { createAdminTeams, type AdminTeams } from './admin-teams.js';
import { createAdminUsers, type AdminUsers } from './admin-users.js';
import { createAdminWebhooks, type AdminWebhooks } from './admin-webhooks.js';
import { createAdminApiKeys, type AdminApiKeys } from './api-keys.js';
import { listEvents, type EventFeedPage, type EventListQuery } from './events.js';
import type { Clock, Ids, Store } from './ports.js';
import { createProvisioningLogQueries, type ProvisioningLogQueries } from './provisioning-log.js';
import type { ScimTokenDeps } from './scim-tokens.js';
import { createSelfService, type SelfService } from './self-service.js';
import type { IdpUrlPolicy } from './sso-settings.js';

export interface AdminServices {
  /** Bearer admin key → principal, or undefined when malformed, unknown, revoked or expired. */
  readonly authenticate: (key: string) => Promise<AdminPrincipal | undefined>;
  /** Console sign-in: setup, sessions (the session cookie authenticates like an admin key). */
  readonly accounts: AdminAccounts;
  readonly organizations: AdminOrganizations;
  readonly scimTokens: AdminScimTokens;
  readonly users: AdminUsers;
  readonly teams: AdminTeams;
  readonly provisioningLog: ProvisioningLogQueries;
  readonly apiKeys: AdminApiKeys;
  readonly events: {
    list(orgId: string, query: EventListQuery): Promise<EventFeedPage>;
  };
  readonly webhooks: AdminWebhooks;
  /** The console's dashboard: counts, SCIM tokens' last requests, activity, recent errors. */
  readonly dashboard: AdminDashboard;
  /** The organization's SSO connections (OIDC, SAML) and member self-service setting. */
  readonly sso: AdminSso;
  /** What a person signed in through SSO does for themselves (/api/v1/me). */
  readonly me: SelfService;
}

export interface AdminServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
  /** The serving process's SCIM token deps: revoking through the API must clear its token cache. */
  readonly scimTokens: ScimTokenDeps;
  /** Console session lifetime and idle timeout; default 12 h and 2 h. */
  readonly adminSessions?: AdminSessionPolicy;
  /** SSO_ALLOW_LOCAL_IDP: IdP URLs may point at this machine or network (default: no). */
  readonly ssoUrls?: IdpUrlPolicy;
}

export function createAdminServices(deps: AdminServiceDeps): AdminServices {
  const { store, clock, ids } = deps;
  return {
    authenticate: (key) => authenticateAdminKey({ store, clock }, key),
    accounts: createAdminAccounts({
      store,
      clock,
      ids,
      ...(deps.adminSessions === undefined ? {} : { policy: deps.adminSessions }),
    }),
    organizations: createAdminOrganizations({ store, clock, ids }),
    scimTokens: createAdminScimTokens(deps.scimTokens),
    users: createAdminUsers({ store, clock, ids }),
    teams: createAdminTeams({ store, clock, ids }),
    provisioningLog: createProvisioningLogQueries({ store }),
    sso: createAdminSso({ store, clock, ids, urls: deps.ssoUrls ?? { allowLocal: false } }),
    me: createSelfService({ store, clock, ids }),
    apiKeys: createAdminApiKeys({ store, clock, ids }),
    events: { list: (orgId, query) => listEvents(store, orgId, query) },
    webhooks: createAdminWebhooks({ store, clock, ids }),
    dashboard: createAdminDashboard({ store, clock }),
  };
}
