// SCIM tokens as the admin API manages them: always within the request's organization. Creation and revocation are
// the use cases of scim-tokens.ts, so revocation through the API clears the serving process's token cache too.
import { notFound } from '../scim/errors.js';
import type { Organization, ScimTokenRecord } from './ports.js';
import {
  createScimToken,
  revokeScimToken,
  type CreatedScimToken,
  type ScimTokenDeps,
} from './scim-tokens.js';

export interface AdminScimTokens {
  create(
    org: Organization,
    input: { readonly name: string; readonly expiresInDays?: number },
  ): Promise<CreatedScimToken>;
  /** Oldest first, revoked ones included. */
  list(orgId: string): Promise<readonly ScimTokenRecord[]>;
  /** Idempotent; a token of another organization is as unknown as a missing one (404). */
  revoke(orgId: string, id: string): Promise<ScimTokenRecord>;
}

export function createAdminScimTokens(deps: ScimTokenDeps): AdminScimTokens {
  const { store } = deps;
  return {
    create: (org, input) => createScimToken(deps, { ...input, orgSlug: org.slug }),

    list: (orgId) => store.scimTokens.list(orgId),

    async revoke(orgId, id) {
      const owned = (await store.scimTokens.list(orgId)).some((t) => t.id === id);
      if (!owned) throw notFound(`SCIM token ${JSON.stringify(id)} does not exist in this organization`);
      return (await revokeScimToken(deps, id)).record;
    },
  };
}
