// Retention of the provisioning log (PROVISIONING_LOG_RETENTION_DAYS): a background task deletes entries older than
// the retention, in bounded chunks so that no single statement holds the write lock for long, once at start and then
// every interval. A failure is logged and the next run tries again. With several processes on one database, a run
// starts only where no other process is running one (Store.runExclusive): the others skip it, so overlapping runs never
// compete for the same rows.
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

type PruneRepos = ProvisioningLogPruneDeps['store'];

export interface ProvisioningLogPrunerDeps
  extends Omit<ProvisioningLogPruneDeps, 'store'>, ProvisioningLogPrunerOptions {
  readonly store: {
    /** Store.runExclusive: runs a pass unless another process is running one. */
    runExclusive<T>(name: string, fn: (repos: PruneRepos) => Promise<T>): Promise<ExclusiveRun<T>>;
  };
  readonly log: ProvisioningLogLogger & { info(details: object, message: string): void };
}

/** The job name runs are exclusive under. */
export const PROVISIONING_LOG_PRUNE_JOB = 'provisioning-log-prune';

export interface ProvisioningLogPruner {
  /** Stops the schedule and waits for a run in progress (which ends after its current chunk). */
  stop(): Promise<void>;
}

export const PROVISIONING_LOG_PRUNE_DEFAULTS = { intervalMs: 3_600_000, chunkSize: 1_000 } as const;

/** Lets requests waiting for the database run between two chunks (SQLite serializes statements). */
const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
  let total = 0;
  for (;;) {
    const deleted = await deps.store.provisioningLog.deleteOlderThan(before, chunkSize);
    total += deleted;
    if (deleted < chunkSize || isStopped()) return total;
    await yieldToRequests();
  }
}

export function startProvisioningLogPruner(deps: ProvisioningLogPrunerDeps): ProvisioningLogPruner {
  const { log, retentionDays } = deps;
  const intervalMs = deps.intervalMs ?? PROVISIONING_LOG_PRUNE_DEFAULTS.intervalMs;
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const run = async (): Promise<void> => {
    try {
      const outcome = await deps.store.runExclusive(PROVISIONING_LOG_PRUNE_JOB, (repos) =>
        pruneProvisioningLog({ ...deps, store: repos }, () => stopped),
      );
      // Not run: another process is pruning right now, and its run covers this one's.
      if (outcome.ran && outcome.value > 0) {
        log.info({ deleted: outcome.value, retentionDays }, 'provisioning log: expired entries deleted');
      }
    } catch (error) {
      if (isStoreUnavailableError(error)) {
        log.warn(
          { reason: error.message },
          'provisioning log: database unavailable; pruning at the next run',
        );
      } else {
        log.error(
          { err: error },
          'provisioning log: deleting expired entries failed; retrying at the next run',
        );
      }
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
