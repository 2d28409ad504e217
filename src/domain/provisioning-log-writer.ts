// The provisioning log's writer (docs/decisions/0007-provisioning-log-batched.md): a request hands its capture over
// and returns; entries wait in a bounded buffer and a background flush writes them in batches, one transaction per
// batch. A failing store is logged and retried and never reaches a request or crashes the process.
import type { Clock, Ids, ProvisioningLogEntry, ProvisioningLogRepo } from './ports.js';
import { isStoreUnavailableError } from './store-unavailable-error.js';
import {
  MAX_LOG_BODY_BYTES,
  toProvisioningLogEntry,
  type ProvisioningLogCapture,
} from './to-provisioning-log-entry.js';

/** The part of the Store the writer needs (a full Store fits). */
export interface ProvisioningLogWriterStore {
  transaction<T>(
    fn: (tx: { readonly provisioningLog: Pick<ProvisioningLogRepo, 'insertMany'> }) => Promise<T>,
  ): Promise<T>;
}

/** pino's and Fastify's loggers fit. */
export interface ProvisioningLogLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ProvisioningLogWriterOptions {
  /** Longest time an entry waits before its batch is written. */
  readonly flushIntervalMs?: number;
  /** Entries per transaction; a full batch is written at once, without waiting for the interval. */
  readonly maxBatchSize?: number;
  /** Bounds of the buffer: past either, the oldest entries are dropped (and counted in a warning). */
  readonly maxBufferedEntries?: number;
  readonly maxBufferedBytes?: number;
  /** Wait before writing again after the store failed. */
  readonly retryDelayMs?: number;
  readonly maxBodyBytes?: number;
  /** Keep the response bodies of successful reads (default: not kept). */
  readonly readBodies?: boolean;
}

export interface ProvisioningLogWriterDeps extends ProvisioningLogWriterOptions {
  readonly store: ProvisioningLogWriterStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly log: ProvisioningLogLogger;
}

export interface ProvisioningLogWriter {
  /** Synchronous and cheap: builds the redacted entry and buffers it. */
  record(capture: ProvisioningLogCapture): void;
  /** Writes everything buffered now. Never rejects: a store failure is logged and the entries stay buffered. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left (graceful shutdown loses nothing). Later records are dropped. */
  close(): Promise<void>;
}

export const PROVISIONING_LOG_DEFAULTS = {
  flushIntervalMs: 100,
  maxBatchSize: 100,
  maxBufferedEntries: 10_000,
  maxBufferedBytes: 64 * 1024 * 1024,
  retryDelayMs: 5_000,
} as const;

interface Buffered {
  readonly entry: ProvisioningLogEntry;
  readonly bytes: number;
}

function sizeOf(entry: ProvisioningLogEntry): number {
  // Characters, not bytes: an estimate is enough for a memory bound, and it costs no encoding.
  return 512 + entry.path.length + (entry.requestBody?.length ?? 0) + (entry.responseBody?.length ?? 0);
}

export function createProvisioningLogWriter(deps: ProvisioningLogWriterDeps): ProvisioningLogWriter {
  const { store, clock, ids, log } = deps;
  const flushIntervalMs = deps.flushIntervalMs ?? PROVISIONING_LOG_DEFAULTS.flushIntervalMs;
  const maxBatchSize = deps.maxBatchSize ?? PROVISIONING_LOG_DEFAULTS.maxBatchSize;
  const maxEntries = deps.maxBufferedEntries ?? PROVISIONING_LOG_DEFAULTS.maxBufferedEntries;
  const maxBytes = deps.maxBufferedBytes ?? PROVISIONING_LOG_DEFAULTS.maxBufferedBytes;
  const retryDelayMs = deps.retryDelayMs ?? PROVISIONING_LOG_DEFAULTS.retryDelayMs;
  const entryOptions = {
    maxBodyBytes: deps.maxBodyBytes ?? MAX_LOG_BODY_BYTES,
    readBodies: deps.readBodies ?? false,
  };

  let buffer: Buffered[] = [];
  let bufferedBytes = 0;
  let droppedSinceReport = 0;
  let droppedTotal = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  /** After a store failure: no early flush for full batches until the retry timer fires. */
  let backingOff = false;
  let closed = false;

  /** Entries lost to the buffer's bounds, reported (with the total) at the next flush. */
  const drop = (count: number): void => {
    droppedSinceReport += count;
    droppedTotal += count;
  };

  const trim = (): void => {
    let excess = 0;
    let excessBytes = bufferedBytes;
    while (
      excess < buffer.length &&
      (buffer.length - excess > maxEntries || (excessBytes > maxBytes && buffer.length - excess > 1))
    ) {
      excessBytes -= buffer[excess]?.bytes ?? 0;
      excess += 1;
    }
    if (excess === 0) return;
    buffer = buffer.slice(excess);
    bufferedBytes = excessBytes;
    drop(excess);
  };

  const reportDropped = (): void => {
    if (droppedSinceReport === 0) return;
    log.warn(
      { dropped: droppedSinceReport, droppedTotal },
      'provisioning log buffer full: oldest entries dropped',
    );
    droppedSinceReport = 0;
  };

  const schedule = (delayMs: number): void => {
    if (timer !== undefined || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      backingOff = false;
      void flush();
    }, delayMs);
    // The log never keeps the process alive; close() writes what is left.
    timer.unref();
  };

  /** Writes batches until the buffer is empty; false when the store failed (the batch is back in the buffer). */
  const drain = async (): Promise<boolean> => {
    reportDropped();
    while (buffer.length > 0) {
      const batch = buffer.slice(0, maxBatchSize);
      buffer = buffer.slice(batch.length);
      const batchBytes = batch.reduce((sum, b) => sum + b.bytes, 0);
      bufferedBytes -= batchBytes;
      try {
        await store.transaction((tx) => tx.provisioningLog.insertMany(batch.map((b) => b.entry)));
      } catch (error) {
        // Back in front, in order; entries recorded meanwhile stay behind them and the bounds still hold.
        buffer = [...batch, ...buffer];
        bufferedBytes += batchBytes;
        trim();
        // An outage fails every retry alike: its cause in one line, a stack only for the unexpected.
        if (isStoreUnavailableError(error)) {
          log.warn(
            { reason: error.message, buffered: buffer.length },
            'provisioning log: database unavailable; retrying later',
          );
        } else {
          log.error(
            { err: error, buffered: buffer.length },
            'provisioning log: writing a batch failed; retrying later',
          );
        }
        return false;
      }
    }
    return true;
  };

  /** One drain at a time: entries recorded while it runs are picked up by its loop. */
  const flush = (): Promise<void> => {
    running ??= (async () => {
      try {
        if (timer !== undefined) {
          clearTimeout(timer);
          timer = undefined;
        }
        const written = await drain();
        backingOff = !written;
        if (!written) schedule(retryDelayMs);
      } catch (error) {
        log.error({ err: error }, 'provisioning log: flush failed');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  return {
    record(capture) {
      if (closed) {
        droppedTotal += 1;
        log.warn({ droppedTotal }, 'provisioning log entry after close: dropped');
        return;
      }
      let entry: ProvisioningLogEntry;
      try {
        entry = toProvisioningLogEntry(
          capture,
          {
            id: ids.newId(),
            at: new Date(clock.now().getTime() - Math.max(0, Math.round(capture.durationMs))).toISOString(),
          },
          entryOptions,
        );
      } catch (error) {
        // The request has been answered already; a body that cannot be logged costs its entry, nothing more.
        log.error({ err: error, requestId: capture.requestId }, 'provisioning log: entry could not be built');
        return;
      }
      const bytes = sizeOf(entry);
      buffer.push({ entry, bytes });
      bufferedBytes += bytes;
      trim();
      if (buffer.length >= maxBatchSize && !backingOff && running === undefined) void flush();
      else schedule(flushIntervalMs);
    },
    flush,
    async close() {
      closed = true;
      // The drain in progress (if any), then one more attempt for what it could not write.
      await running;
      await flush();
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      if (buffer.length > 0) {
        droppedTotal += buffer.length;
        log.error({ lost: buffer.length }, 'provisioning log: entries could not be written before shutdown');
        buffer = [];
        bufferedBytes = 0;
      }
    },
  };
}
