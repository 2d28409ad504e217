// The hourly retention job. It deletes provisioning log entries older than PROVISIONING_LOG_RETENTION_DAYS (none when
// `off`) and console sessions and setup tokens that ended a day ago (admin-account-pruner.ts), in bounded chunks so that
// no single statement holds the write lock for long, once at start and then every interval. The two parts fail apart: a
// failure of one is logged, the other still runs, and the next run tries again. With several processes on one database,
// a run starts only where no other process is running one (Store.runExclusive): the others skip it, so overlapping runs
// never compete for the same rows.
import {
  pruneAdminAccounts,
  type AdminAccountPruneDeps,
  type AdminAccountPruneResult,
} from './admin-account-pruner.js';
import { deleteInChunks } from './delete-in-chunks.js';
import type { Clock, ExclusiveRun, ProvisioningLogRepo } from './ports.js';
import type { ProvisioningLogLogger } from './provisioning-log-writer.js';
import { isStoreUnavailableError } from './store-unavailable-error.js';

const DAY_MS = 86_400_000;

export interface ProvisioningLogPrunerOptions {
  /** Time between runs; the first run starts right away. */
  readonly intervalMs?: number;
  /** Rows per DELETE statement. */
  readonly chunkSize?: number;
}

export interface ProvisioningLogPruneDeps {
  readonly store: { readonly provisioningLog: Pick<ProvisioningLogRepo, 'deleteOlderThan'> };
  readonly clock: Clock;
  /** Entries older than this many days are deleted. */
  readonly retentionDays: number;
  readonly chunkSize?: number;
}

type PruneRepos = ProvisioningLogPruneDeps['store'] & AdminAccountPruneDeps['store'];

export interface ProvisioningLogPrunerDeps extends ProvisioningLogPrunerOptions {
  readonly store: {
    /** Store.runExclusive: runs a pass unless another process is running one. */
    runExclusive<T>(name: string, fn: (repos: PruneRepos) => Promise<T>): Promise<ExclusiveRun<T>>;
  };
  readonly clock: Clock;
  /** Log entries older than this many days are deleted; null (`off`): they are kept. */
  readonly retentionDays: number | null;
  /** ADMIN_SESSION_IDLE_MINUTES in ms: a session unused for longer has ended. */
  readonly adminSessionIdleMs: number;
  readonly log: ProvisioningLogLogger & { info(details: object, message: string): void };
}

/** The job name runs are exclusive under. */
export const PROVISIONING_LOG_PRUNE_JOB = 'provisioning-log-prune';

export interface ProvisioningLogPruner {
  /** Stops the schedule and waits for a run in progress (which ends after its current chunk). */
  stop(): Promise<void>;
}

export const PROVISIONING_LOG_PRUNE_DEFAULTS = { intervalMs: 3_600_000, chunkSize: 1_000 } as const;

/**
 * Deletes every entry older than the retention, chunk by chunk, until none is left or `isStopped` says so;
 * resolves with how many. Rejects when the store fails.
 */
export async function pruneProvisioningLog(
  deps: ProvisioningLogPruneDeps,
  isStopped: () => boolean = () => false,
): Promise<number> {
  const chunkSize = deps.chunkSize ?? PROVISIONING_LOG_PRUNE_DEFAULTS.chunkSize;
  const before = new Date(deps.clock.now().getTime() - deps.retentionDays * DAY_MS).toISOString();
  return deleteInChunks(
    (limit) => deps.store.provisioningLog.deleteOlderThan(before, limit),
    chunkSize,
    isStopped,
  );
}

/** One part of a run: what it came to, or why it failed. */
type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

async function settle<T>(part: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await part() };
  } catch (error) {
    return { ok: false, error };
  }
}

export function startProvisioningLogPruner(deps: ProvisioningLogPrunerDeps): ProvisioningLogPruner {
  const { log, clock, retentionDays } = deps;
  const chunkSize = deps.chunkSize ?? PROVISIONING_LOG_PRUNE_DEFAULTS.chunkSize;
  const intervalMs = deps.intervalMs ?? PROVISIONING_LOG_PRUNE_DEFAULTS.intervalMs;
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const reportFailure = (subject: string, task: string, error: unknown): void => {
    if (isStoreUnavailableError(error)) {
      log.warn({ reason: error.message }, `${subject}: database unavailable; ${task} at the next run`);
    } else {
      log.error({ err: error }, `${subject}: ${task} failed; retrying at the next run`);
    }
  };

  const reportLog = (outcome: Settled<number> | undefined): void => {
    if (outcome === undefined) return;
    if (!outcome.ok) reportFailure('provisioning log', 'deleting expired entries', outcome.error);
    else if (outcome.value > 0) {
      log.info({ deleted: outcome.value, retentionDays }, 'provisioning log: expired entries deleted');
    }
  };

  const reportAccounts = (outcome: Settled<AdminAccountPruneResult>): void => {
    if (!outcome.ok) reportFailure('console accounts', 'deleting ended sessions', outcome.error);
    else if (outcome.value.sessions > 0 || outcome.value.setupTokens > 0 || outcome.value.ssoRecords > 0) {
      log.info(outcome.value, 'console accounts: ended sessions and spent setup tokens deleted');
    }
  };

  const run = async (): Promise<void> => {
    try {
      const outcome = await deps.store.runExclusive(PROVISIONING_LOG_PRUNE_JOB, async (repos) => ({
        log:
          retentionDays === null
            ? undefined
            : await settle(() =>
                pruneProvisioningLog({ store: repos, clock, retentionDays, chunkSize }, () => stopped),
              ),
        accounts: await settle(() =>
          pruneAdminAccounts(
            {
              store: repos,
              clock,
              idleMs: deps.adminSessionIdleMs,
              chunkSize,
            },
            () => stopped,
          ),
        ),
      }));
      // Not run: another process is pruning right now, and its run covers this one's.
      if (!outcome.ran) return;
      reportLog(outcome.value.log);
      reportAccounts(outcome.value.accounts);
    } catch (error) {
      // The run could not start: taking the job's lock needs the database.
      reportFailure('retention', 'pruning', error);
    }
  };

  const schedule = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      const current = run();
      running = current;
      void current.finally(() => {
        if (running === current) running = undefined;
        schedule(intervalMs);
      });
    }, delayMs);
    timer.unref();
  };

  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
