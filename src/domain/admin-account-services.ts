// Console sign-in as the admin API calls it (GET/POST /setup, /session and the session cookie of every request),
// bound to one store, clock, id source, session policy and this process's failed-login throttle.
import { completeSetup, isSetupRequired, type SetupResult } from './admin-accounts.js';
import {
  authenticateSession,
  DEFAULT_SESSION_POLICY,
  endSession,
  login,
  type ActiveSession,
  type AdminSessionPolicy,
  type LoginResult,
} from './admin-sessions.js';
import { LoginThrottle, type LoginThrottleLimits } from './login-throttle.js';
import type { Clock, Ids, Store } from './ports.js';
import { authenticateUserSession, isUserSessionToken } from './user-sessions.js';

export interface AdminAccounts {
  /** True while no admin account exists: the console offers the first-admin setup. */
  isSetupRequired(): Promise<boolean>;
  completeSetup(input: {
    readonly token: string;
    readonly email: string;
    readonly password: string;
  }): Promise<SetupResult>;
  /** `client`: the caller's address, for the per-client throttle. */
  login(input: {
    readonly email: string;
    readonly password: string;
    readonly client: string;
  }): Promise<LoginResult>;
  /** Session token (the cookie) → the session, or undefined when it cannot be used (401). */
  authenticateSession(token: string): Promise<ActiveSession | undefined>;
  /** Revokes the session. */
  logout(session: ActiveSession): Promise<void>;
  readonly policy: AdminSessionPolicy;
}

export interface AdminAccountServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly policy?: AdminSessionPolicy;
  readonly throttle?: LoginThrottleLimits;
}

export function createAdminAccounts(deps: AdminAccountServiceDeps): AdminAccounts {
  const { store, clock, ids } = deps;
  const policy = deps.policy ?? DEFAULT_SESSION_POLICY;
  const sessionDeps = { store, clock, ids, policy };
  const throttle = new LoginThrottle(clock, deps.throttle);
  return {
    isSetupRequired: () => isSetupRequired({ store }),
    completeSetup: (input) => completeSetup(sessionDeps, input),
    login: (input) => login({ ...sessionDeps, throttle }, input),
    // One cookie for both kinds of console session; the token's prefix says which table holds it.
    authenticateSession: (token) =>
      isUserSessionToken(token)
        ? authenticateUserSession(sessionDeps, token)
        : authenticateSession(sessionDeps, token),
    logout: async (session) => {
      if (session.principal.kind === 'sso_user') {
        await store.sso.revokeSession(session.sessionId, clock.now().toISOString());
      } else {
        await endSession(sessionDeps, session.sessionId);
      }
    },
    policy,
  };
}
