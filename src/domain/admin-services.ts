// Everything the admin API (/api/v1) calls, bound to one store, clock and id source. The HTTP layer sees only this.
import { authenticateAdminKey, type AdminPrincipal } from './admin-keys.js';
import { createAdminOrganizations, type AdminOrganizations } from './admin-organizations.js';
import { createAdminScimTokens, type AdminScimTokens } from './admin-scim-tokens.js';
import { createAdminTeams, type AdminTeams } from './admin-teams.js';
import { createAdminUsers, type AdminUsers } from './admin-users.js';
import { createAdminWebhooks, type AdminWebhooks } from './admin-webhooks.js';
import { createAdminApiKeys, type AdminApiKeys } from './api-keys.js';
import { listEvents, type EventFeedPage } from './events.js';
import type { Clock, EventType, Ids, Store } from './ports.js';
import { createProvisioningLogQueries, type ProvisioningLogQueries } from './provisioning-log.js';
import type { ScimTokenDeps } from './scim-tokens.js';

export interface AdminServices {
  /** Bearer admin key → principal, or undefined when malformed, unknown, revoked or expired. */
  readonly authenticate: (key: string) => Promise<AdminPrincipal | undefined>;
  readonly organizations: AdminOrganizations;
  readonly scimTokens: AdminScimTokens;
  readonly users: AdminUsers;
  readonly teams: AdminTeams;
  readonly provisioningLog: ProvisioningLogQueries;
  readonly apiKeys: AdminApiKeys;
  readonly events: {
    list(
      orgId: string,
      query: { readonly after?: string; readonly limit: number; readonly types?: readonly EventType[] },
    ): Promise<EventFeedPage>;
  };
  readonly webhooks: AdminWebhooks;
}

export interface AdminServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
  /** The serving process's SCIM token deps: revoking through the API must clear its token cache. */
  readonly scimTokens: ScimTokenDeps;
}

export function createAdminServices(deps: AdminServiceDeps): AdminServices {
  const { store, clock, ids } = deps;
  return {
    authenticate: (key) => authenticateAdminKey({ store, clock }, key),
    organizations: createAdminOrganizations({ store, clock, ids }),
    scimTokens: createAdminScimTokens(deps.scimTokens),
    users: createAdminUsers({ store, clock, ids }),
    teams: createAdminTeams({ store, clock, ids }),
    provisioningLog: createProvisioningLogQueries({ store }),
    apiKeys: createAdminApiKeys({ store, clock, ids }),
    events: { list: (orgId, query) => listEvents(store, orgId, query) },
    webhooks: createAdminWebhooks({ store, clock, ids }),
  };
}
