// The background webhook worker: fan-out, then delivery, over and over, never on a request's path. Any number of
// workers may share one database: fan-out commits each endpoint's progress atomically and a lease keeps a delivery
// with one worker at a time. Its timer is unref'd, so an idle worker never keeps the process alive; stop() waits for
// the requests in flight and their recording.
import type { Clock, Ids, StoreTx } from '../domain/ports.js';
import { deliverWebhooks } from './deliver-webhooks.js';
import { fanOutWebhooks } from './fan-out-webhooks.js';
import type { WebhookFetch } from './send-webhook.js';
import {
  DEFAULT_WEBHOOK_RETRY_WINDOW_MS,
  DEFAULT_WEBHOOK_SCHEDULE_MS,
  type WebhookRetryPolicy,
} from './webhook-backoff.js';

type WorkerRepos = Pick<StoreTx, 'events' | 'webhooks'>;

export interface WebhookWorkerStore extends WorkerRepos {
  transaction<T>(fn: (tx: WorkerRepos) => Promise<T>): Promise<T>;
}

export interface WebhookWorkerDeps {
  readonly store: WebhookWorkerStore;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Defaults to the global fetch. */
  readonly fetch?: WebhookFetch;
  /** Per request; defaults to 10 s. */
  readonly timeoutMs?: number;
  /** Pause after a pass that found nothing to do; defaults to 1 s. */
  readonly pollIntervalMs?: number;
  readonly retry?: Partial<WebhookRetryPolicy>;
  /** Consecutive failed attempts that mark an endpoint failing; defaults to 5. */
  readonly failingAfter?: number;
  readonly batchSize?: number;
  readonly concurrency?: number;
  /** A pass that failed (database error); the worker carries on with the next pass. */
  readonly onError?: (error: unknown) => void;
  /**
   * Longest pause after failed passes: the pause doubles from the poll interval with each failure in a row (a database
   * outage is retried ever less often), and the first pass that succeeds resets it. Defaults to 30 s.
   */
  readonly maxErrorDelayMs?: number;
}

export interface WebhookPass {
  /** Outbox events the fan-out moved past. */
  readonly fannedOut: number;
  /** Deliveries attempted. */
  readonly attempted: number;
}

export interface WebhookWorker {
  /** Starts the loop; calling it again while running does nothing. */
  start(): void;
  /** Stops the loop and resolves once the pass in flight (its requests and their recording) is over. */
  stop(): Promise<void>;
  /** One fan-out and delivery pass, now; resolves when its attempts are recorded. */
  runOnce(): Promise<WebhookPass>;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
const DEFAULT_POLL_INTERVAL_MS = 1_000;
const DEFAULT_MAX_ERROR_DELAY_MS = 30_000;
const DEFAULT_FAILING_AFTER = 5;
const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_CONCURRENCY = 8;

export function createWebhookWorker(deps: WebhookWorkerDeps): WebhookWorker {
  const { store, clock, ids } = deps;
  const pollIntervalMs = deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const maxErrorDelayMs = deps.maxErrorDelayMs ?? DEFAULT_MAX_ERROR_DELAY_MS;
  const batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  const deliverDeps = {
    store,
    clock,
    ids,
    fetch: deps.fetch ?? ((url: string, init: RequestInit) => fetch(url, init)),
    timeoutMs: deps.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    retry: {
      scheduleMs: deps.retry?.scheduleMs ?? DEFAULT_WEBHOOK_SCHEDULE_MS,
      windowMs: deps.retry?.windowMs ?? DEFAULT_WEBHOOK_RETRY_WINDOW_MS,
      random: deps.retry?.random ?? Math.random,
    },
    failingAfter: deps.failingAfter ?? DEFAULT_FAILING_AFTER,
    batchSize,
    concurrency: deps.concurrency ?? DEFAULT_CONCURRENCY,
    isStopping: () => stopping,
  };

  const inFlight = new Set<Promise<unknown>>();
  let running = false;
  /** Set by stop(): a pass in progress sends nothing more, so shutdown waits for the requests in flight only. */
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = (): Promise<WebhookPass> => {
    const pass = (async (): Promise<WebhookPass> => {
      const fannedOut = await fanOutWebhooks({ store, clock, ids, batchSize });
      const attempted = await deliverWebhooks(deliverDeps);
      return { fannedOut, attempted };
    })();
    inFlight.add(pass);
    void pass.finally(() => inFlight.delete(pass)).catch(() => undefined);
    return pass;
  };

  const schedule = (delayMs: number): void => {
    timer = setTimeout(() => {
      timer = undefined;
      void tick();
    }, delayMs);
    timer.unref();
  };

  /** Failed passes in a row. */
  let failures = 0;

  const tick = async (): Promise<void> => {
    let busy = false;
    try {
      const pass = await runOnce();
      busy = pass.fannedOut > 0 || pass.attempted > 0;
      failures = 0;
    } catch (error) {
      failures += 1;
      deps.onError?.(error);
    }
    if (!running) return;
    if (failures > 0) schedule(Math.min(maxErrorDelayMs, pollIntervalMs * 2 ** (failures - 1)));
    // Straight on while there is work (a backlog drains at full speed), else wait for the next poll.
    else schedule(busy ? 0 : pollIntervalMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      schedule(0);
    },
    async stop() {
      running = false;
      stopping = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([...inFlight]);
    },
    runOnce,
  };
}
