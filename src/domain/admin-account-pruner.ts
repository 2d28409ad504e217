// Retention of console sign-in records (admin accounts' and SSO sign-ins'): sessions that ended (past their lifetime, signed out, or idle past the idle
// timeout) and setup tokens that were used or expired are deleted a day after they ended. They can no longer be used,
// so nothing but the day's grace depends on them: it keeps recent sign-outs for whoever looks into a sign-in problem, and
// a clock a little off between processes never deletes a session another process still accepts. Run by the hourly
// retention job (provisioning-log-pruner.ts), whatever PROVISIONING_LOG_RETENTION_DAYS says.
import type { AdminAccountRepo, Clock, SsoRepo } from './ports.js';
import { deleteInChunks } from './delete-in-chunks.js';

const DAY_MS = 86_400_000;

/** How long after it ended a session or setup token is deleted. */
export const ADMIN_ACCOUNT_GRACE_MS = DAY_MS;

export interface AdminAccountPruneDeps {
  readonly store: {
    readonly adminAccounts: Pick<AdminAccountRepo, 'deleteEndedSessions' | 'deleteSpentSetupTokens'>;
    readonly sso: Pick<SsoRepo, 'deleteEnded'>;
  };
  readonly clock: Clock;
  /** The session idle timeout (ADMIN_SESSION_IDLE_MINUTES) in ms: a session unused for longer has ended. */
  readonly idleMs: number;
  /** Rows per DELETE statement. */
  readonly chunkSize?: number;
}

/** How many rows a pass deleted. */
export interface AdminAccountPruneResult {
  readonly sessions: number;
  readonly setupTokens: number;
  /** SSO sign-in leftovers: ended user sessions, expired pending sign-ins, used SAML assertions past expiry. */
  readonly ssoRecords: number;
}

/**
 * Deletes ended sessions, then spent setup tokens, chunk by chunk, until none is left or `isStopped` says so (each kind
 * stops after its current chunk). Rejects when the store fails.
 */
export async function pruneAdminAccounts(
  deps: AdminAccountPruneDeps,
  isStopped: () => boolean = () => false,
): Promise<AdminAccountPruneResult> {
  const repo = deps.store.adminAccounts;
  const chunkSize = deps.chunkSize ?? 1_000;
  const nowMs = deps.clock.now().getTime();
  const endedBefore = new Date(nowMs - ADMIN_ACCOUNT_GRACE_MS).toISOString();
  const lastSeenBefore = new Date(nowMs - deps.idleMs - ADMIN_ACCOUNT_GRACE_MS).toISOString();
  const sessions = await deleteInChunks(
    (limit) => repo.deleteEndedSessions({ endedBefore, lastSeenBefore }, limit),
    chunkSize,
    isStopped,
  );
  const setupTokens = isStopped()
    ? 0
    : await deleteInChunks((limit) => repo.deleteSpentSetupTokens(endedBefore, limit), chunkSize, isStopped);
  const ssoRecords = isStopped()
    ? 0
    : await deleteInChunks(
        (limit) => deps.store.sso.deleteEnded({ endedBefore, lastSeenBefore }, limit),
        chunkSize,
        isStopped,
      );
  return { sessions, setupTokens, ssoRecords };
}
