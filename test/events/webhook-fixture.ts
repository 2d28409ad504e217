// A store (the vitest project's, test/support/test-store.ts) with one organization, a clock the test moves by hand and
// a worker with fast, jitter-free retries: each worker pass runs when the test says so, so every webhook test is
// deterministic.
import { createWebhookEndpoint, type CreateWebhookEndpointInput } from '../../src/domain/webhooks.js';
import type { Clock, EventRecord, EventType, Ids, NewEvent, Store } from '../../src/domain/ports.js';
import {
  createWebhookWorker,
  type WebhookWorker,
  type WebhookWorkerDeps,
} from '../../src/events/webhook-worker.js';
import { createUuidV7Generator } from '../../src/shared/uuid-v7.js';
import { openTestStore } from '../support/test-store.js';

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(at: Date | string): void;
}

export function createManualClock(start = '2026-03-01T09:00:00.000Z'): ManualClock {
  let ms = Date.parse(start);
  return {
    now: () => new Date(ms),
    advance: (by) => {
      ms += by;
    },
    set: (at) => {
      ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
    },
  };
}

/** Backoff steps of the tests: the clock is moved past them by hand, so their size only has to be distinct. */
export const TEST_SCHEDULE_MS = [10, 20, 40, 80];

export interface WebhookFixture {
  readonly store: Store;
  readonly clock: ManualClock;
  readonly ids: Ids;
  readonly orgId: string;
  /** A worker on this store and clock, with no jitter and the test schedule unless overridden. */
  worker(overrides?: Partial<WebhookWorkerDeps>): WebhookWorker;
  createEndpoint(input: CreateWebhookEndpointInput): ReturnType<typeof createWebhookEndpoint>;
  /** Appends outbox events (as a change's transaction would) and returns them with their sequence numbers. */
  emit(...events: readonly (readonly [EventType, string])[]): Promise<readonly EventRecord[]>;
  close(): Promise<void>;
}

export async function createWebhookFixture(
  options: { readonly store?: Store; readonly orgId?: string } = {},
): Promise<WebhookFixture> {
  const clock = createManualClock();
  const ids: Ids = { newId: createUuidV7Generator(() => clock.now().getTime()) };
  const store = options.store ?? (await openTestStore());
  const orgId = options.orgId ?? ids.newId();
  if ((await store.organizations.findById(orgId)) === undefined) {
    await store.organizations.insert({
      id: orgId,
      slug: 'acme',
      name: 'Acme',
      createdAt: clock.now().toISOString(),
    });
  }
  return {
    store,
    clock,
    ids,
    orgId,
    worker: (overrides = {}) =>
      createWebhookWorker({
        store,
        clock,
        ids,
        timeoutMs: 5_000,
        retry: { scheduleMs: TEST_SCHEDULE_MS, windowMs: 1_000, random: () => 1 },
        ...overrides,
      }),
    createEndpoint: (input) => createWebhookEndpoint({ store, clock, ids }, orgId, input),
    emit: (...events) =>
      store.transaction((tx) => {
        const batch: NewEvent[] = events.map(([type, resourceId]) => ({
          id: ids.newId(),
          type,
          resourceType: type.startsWith('team.') ? 'team' : 'user',
          resourceId,
          data: { id: resourceId },
        }));
        return tx.events.append(orgId, batch, clock.now().toISOString());
      }),
    close: () => store.close(),
  };
}

/** The value, or a failed test when it is missing (instead of a non-null assertion). */
export function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
