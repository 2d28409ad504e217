// The worker through a database outage: each failed pass is reported, the pause after it doubles from the poll
// interval up to maxErrorDelayMs, and the first pass that succeeds brings the normal poll interval back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreUnavailableError } from '../domain/store-unavailable-error.js';
import { createWebhookWorker, type WebhookWorkerStore } from './webhook-worker.js';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A store whose fan-out query fails while `down` is true; a pass over an empty outbox otherwise. */
function flakyStore(): { store: WebhookWorkerStore; passes: number[]; setDown: (down: boolean) => void } {
  const passes: number[] = [];
  let down = true;
  const webhooks = {
    endpointsBehind: () => {
      passes.push(Date.now());
      return down
        ? Promise.reject(new StoreUnavailableError(new Error('connect ECONNREFUSED')))
        : Promise.resolve([]);
    },
    dueDeliveries: () => Promise.resolve([]),
  };
  const store = {
    webhooks,
    events: {},
    transaction: <T>(fn: (tx: WebhookWorkerStore) => Promise<T>) => fn(store),
  } as unknown as WebhookWorkerStore;
  return {
    store,
    passes,
    setDown: (value) => {
      down = value;
    },
  };
}

describe('createWebhookWorker through an outage', () => {
  it('backs off exponentially up to maxErrorDelayMs and polls normally again once a pass succeeds', async () => {
    const { store, passes, setDown } = flakyStore();
    const errors: unknown[] = [];
    const worker = createWebhookWorker({
      store,
      clock: { now: () => new Date() },
      ids: { newId: () => 'id' },
      pollIntervalMs: 100,
      maxErrorDelayMs: 400,
      onError: (error) => errors.push(error),
    });
    const start = Date.now();
    worker.start();
    await vi.advanceTimersByTimeAsync(1_500);
    // Passes at 0, then after 100, 200, 400, 400 … ms.
    expect(passes.map((at) => at - start)).toEqual([0, 100, 300, 700, 1_100, 1_500]);
    expect(errors).toHaveLength(6);
    expect(errors.every((e) => e instanceof StoreUnavailableError)).toBe(true);

    setDown(false);
    await vi.advanceTimersByTimeAsync(700);
    // The pass at 1,900 succeeds; from then on every 100 ms.
    expect(passes.slice(6).map((at) => at - start)).toEqual([1_900, 2_000, 2_100, 2_200]);
    expect(errors).toHaveLength(6);
    await worker.stop();
  });
});
