// What a member signed in through SSO can do for themselves: see their profile and teams, and (when the organization
// allows it) create and revoke their own API keys, each bound to one of their teams. Admins use the admin API instead.
import { forbidden, notFound } from '../scim/errors.js';
import type { SsoUserPrincipal } from './admin-principal.js';
import {
  createUserApiKey,
  listApiKeys,
  revokeApiKey,
  type ApiKeyDeps,
  type ApiKeyView,
  type CreatedApiKey,
} from './api-keys.js';
import type { GroupRef } from './ports.js';
import { contactOf } from './user-sessions.js';

export interface MyProfile {
  readonly user: {
    readonly id: string;
    readonly userName: string;
    readonly displayName: string | null;
    readonly email: string;
    readonly active: boolean;
  };
  readonly role: SsoUserPrincipal['role'];
  readonly teams: readonly GroupRef[];
  readonly memberApiKeys: boolean;
}

export interface SelfService {
  profile(me: SsoUserPrincipal): Promise<MyProfile>;
  listKeys(me: SsoUserPrincipal): Promise<readonly ApiKeyView[]>;
  createKey(
    me: SsoUserPrincipal,
    input: { readonly name: string; readonly teamId: string; readonly expiresInDays?: number },
  ): Promise<CreatedApiKey>;
  revokeKey(me: SsoUserPrincipal, id: string): Promise<ApiKeyView>;
}

/** A member sees at most this many of their own keys (each is bound to one of their teams). */
const MAX_OWN_KEYS = 200;

export function createSelfService(deps: ApiKeyDeps): SelfService {
  const { store } = deps;

  async function allowed(me: SsoUserPrincipal): Promise<void> {
    if (me.role === 'admin') return;
    if (!(await store.sso.memberApiKeysAllowed(me.orgId))) {
      throw forbidden('This organization does not let members create their own API keys: ask an admin');
    }
  }

  return {
    async profile(me) {
      return store.read(async (tx) => {
        const user = await tx.users.get(me.orgId, me.userId);
        if (user === undefined) throw notFound('Your user no longer exists');
        const teams = (await tx.users.groupsOf(me.orgId, [user.id])).get(user.id) ?? [];
        return {
          user: {
            id: user.id,
            userName: user.userName,
            displayName: user.displayName,
            email: contactOf(user),
            active: user.active,
          },
          role: me.role,
          teams,
          memberApiKeys: me.role === 'admin' || (await tx.sso.memberApiKeysAllowed(me.orgId)),
        };
      });
    },

    async listKeys(me) {
      const page = await listApiKeys(deps, me.orgId, { userId: me.userId, limit: MAX_OWN_KEYS });
      return page.items;
    },

    async createKey(me, input) {
      await allowed(me);
      // createUserApiKey checks that the user is active and a member of the team.
      return createUserApiKey(deps, me.orgId, me.userId, input);
    },

    async revokeKey(me, id) {
      const key = await store.apiKeys.get(me.orgId, id);
      if (key?.userId !== me.userId) throw notFound(`API key ${id} not found`);
      return revokeApiKey(deps, me.orgId, id);
    },
  };
}
