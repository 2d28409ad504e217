import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProvisioningLogEntry } from './ports.js';
import {
  createProvisioningLogWriter,
  type ProvisioningLogWriterDeps,
  type ProvisioningLogWriterStore,
} from './provisioning-log-writer.js';
import type { ProvisioningLogCapture } from './to-provisioning-log-entry.js';

/** Records each transaction's batch; `failures` makes the next transactions reject. */
function createFakeStore() {
  const batches: (readonly ProvisioningLogEntry[])[] = [];
  const state = { failures: 0 };
  const store: ProvisioningLogWriterStore = {
    transaction: (fn) => {
      if (state.failures > 0) {
        state.failures -= 1;
        return Promise.reject(new Error('database is locked'));
      }
      return fn({
        provisioningLog: {
          insertMany: (entries) => {
            batches.push(entries);
            return Promise.resolve();
          },
        },
      });
    },
  };
  return { store, batches, state, written: () => batches.flat().map((e) => e.requestId) };
}

function createFakeLog() {
  const lines: { level: 'warn' | 'error'; details: object; message: string }[] = [];
  return {
    lines,
    warn: (details: object, message: string) => lines.push({ level: 'warn', details, message }),
    error: (details: object, message: string) => lines.push({ level: 'error', details, message }),
  };
}

function capture(requestId: string, overrides: Partial<ProvisioningLogCapture> = {}): ProvisioningLogCapture {
  return {
    orgId: 'org-1',
    requestId,
    method: 'POST',
    url: '/scim/v2/Users',
    status: 201,
    durationMs: 40,
    requestBody: { userName: requestId, password: 'hunter2' },
    responseBody: `{"id":"${requestId}"}`,
    ...overrides,
  };
}

let fake: ReturnType<typeof createFakeStore>;
let log: ReturnType<typeof createFakeLog>;
let counter = 0;

function writer(options: Partial<ProvisioningLogWriterDeps> = {}) {
  return createProvisioningLogWriter({
    store: fake.store,
    clock: { now: () => new Date('2026-01-01T00:00:01.000Z') },
    ids: { newId: () => `id-${String(++counter).padStart(4, '0')}` },
    log,
    flushIntervalMs: 200,
    ...options,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeStore();
  log = createFakeLog();
  counter = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('provisioning log writer', () => {
  it('writes nothing on the request path and the buffered entries after the flush interval', async () => {
    const w = writer();
    w.record(capture('r1'));
    w.record(capture('r2'));
    expect(fake.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(199);
    expect(fake.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.batches.map((b) => b.map((e) => e.requestId))).toEqual([['r1', 'r2']]);
    await w.close();
  });

  it('stores the redacted entry, dated when the request was received', async () => {
    const w = writer();
    w.record(capture('r1'));
    await w.flush();
    expect(fake.batches[0]?.[0]).toMatchObject({
      id: 'id-0001',
      at: '2026-01-01T00:00:00.960Z',
      requestBody: '{"userName":"r1","password":"[redacted]"}',
      resourceId: 'r1',
    });
    await w.close();
  });

  it('starts writing when a batch is full, without waiting for the interval, one transaction per batch', async () => {
    const w = writer({ maxBatchSize: 3, flushIntervalMs: 60_000 });
    w.record(capture('a'));
    w.record(capture('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.batches).toEqual([]);
    // The third entry fills a batch; what arrives while it is written goes out in the same flush.
    for (const id of ['c', 'd', 'e', 'f', 'g']) w.record(capture(id));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(fake.written()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    await w.close();
  });

  it('writes everything still buffered on close, and drops (and counts) what comes after', async () => {
    const w = writer({ flushIntervalMs: 3_600_000 });
    w.record(capture('r1'));
    w.record(capture('r2'));
    await w.close();
    expect(fake.written()).toEqual(['r1', 'r2']);
    w.record(capture('late'));
    await vi.runAllTimersAsync();
    expect(fake.written()).toEqual(['r1', 'r2']);
    expect(log.lines).toEqual([expect.objectContaining({ level: 'warn', details: { droppedTotal: 1 } })]);
  });

  it('logs a store failure, keeps the entries in order and writes them on the retry', async () => {
    const w = writer({ retryDelayMs: 5_000 });
    fake.state.failures = 1;
    w.record(capture('r1'));
    await w.flush();
    expect(fake.batches).toEqual([]);
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'error', details: expect.objectContaining({ buffered: 1 }) }),
    ]);

    w.record(capture('r2'));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fake.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.written()).toEqual(['r1', 'r2']);
    await w.close();
  });

  it('does not retry a failing store for every request while backing off', async () => {
    let attempts = 0;
    const failing: ProvisioningLogWriterStore = {
      transaction: () => {
        attempts += 1;
        return Promise.reject(new Error('disk full'));
      },
    };
    const w = writer({ store: failing, maxBatchSize: 2, retryDelayMs: 5_000 });
    for (let i = 0; i < 20; i += 1) {
      w.record(capture(`r${String(i)}`));
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(attempts).toBe(2);
    await w.close();
  });

  it('bounds the buffer: the oldest entries are dropped and the count is logged', async () => {
    const w = writer({ maxBufferedEntries: 3, flushIntervalMs: 60_000 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) w.record(capture(id));
    await w.flush();
    expect(fake.written()).toEqual(['c', 'd', 'e']);
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'warn', details: { dropped: 2, droppedTotal: 2 } }),
    ]);
    await w.close();
  });

  it('bounds the buffer by size as well as by count', async () => {
    const w = writer({ maxBufferedBytes: 4_000, flushIntervalMs: 60_000 });
    // About 1.5 KB each as the writer counts them: two fit in 4 KB, three do not.
    const big = { requestBody: { note: 'x'.repeat(1_000) } };
    for (const id of ['a', 'b', 'c', 'd']) w.record(capture(id, big));
    await w.flush();
    expect(fake.written()).toEqual(['c', 'd']);
    await w.close();
  });

  it('drops (and logs) an entry whose body cannot be serialized, and keeps going', async () => {
    const w = writer();
    expect(() => {
      w.record(capture('bad', { requestBody: { n: 1n } }));
    }).not.toThrow();
    w.record(capture('good'));
    await w.flush();
    expect(fake.written()).toEqual(['good']);
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'error', details: expect.objectContaining({ requestId: 'bad' }) }),
    ]);
    await w.close();
  });

  it('reports entries it could not write before shutdown', async () => {
    const w = writer();
    fake.state.failures = 2;
    w.record(capture('r1'));
    await w.flush();
    await w.close();
    expect(fake.written()).toEqual([]);
    expect(log.lines.at(-1)).toMatchObject({ level: 'error', details: { lost: 1 } });
  });
});
