// One LISTEN connection per process: PostgreSQL notifications on one channel, with reconnection. A pooled connection
// cannot listen (it is lent to other statements and may be closed when idle), so this is a client of its own. Whatever
// happens to it, the caches it serves stay bounded by their lifetime: a notification only makes invalidation faster.
import pg from 'pg';

/** First pause before reconnecting; it doubles after every failed attempt up to the maximum. */
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

export interface PostgresNotificationsOptions {
  /** How to connect (the store's server, credentials and TLS settings). */
  readonly client: pg.ClientConfig;
  /** An unquoted identifier ([a-z0-9_]): it goes into LISTEN as is. */
  readonly channel: string;
  /** Notifications carrying this payload are this process's own and are not passed on. */
  readonly ownPayload: string;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class PostgresNotifications {
  readonly #options: PostgresNotificationsOptions;
  readonly #listeners = new Set<() => void>();
  #client: pg.Client | undefined;
  /** True while #client is connected and listening. */
  #listening = false;
  #first: Promise<void> | undefined;
  #retryMs = FIRST_RETRY_MS;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: PostgresNotificationsOptions) {
    if (!CHANNEL_NAME.test(options.channel)) {
      throw new Error(`notification channel ${JSON.stringify(options.channel)} is not a plain identifier`);
    }
    this.#options = options;
  }

  /** See CacheInvalidationFeed.subscribe: the first call connects; the promise is the first connection's. */
  subscribe(listener: () => void): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the store is closed'));
    this.#listeners.add(listener);
    this.#first ??= this.#connect();
    return this.#first;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const client = this.#client;
    const listening = this.#listening;
    this.#client = undefined;
    this.#listening = false;
    const ended = client?.end().catch(() => undefined);
    // A connection still being made (the server unreachable) ends only at its connect timeout: not waited for.
    if (listening) await ended;
  }

  #notify(): void {
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch {
        // A listener only drops a cache; one that throws must not keep the others from running.
      }
    }
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ ...this.#options.client, keepAlive: true });
    // Both events mean this connection is gone (terminated, network, server restart). Without an 'error' listener
    // the error would end the process.
    client.on('error', () => {
      this.#lost(client);
    });
    client.on('end', () => {
      this.#lost(client);
    });
    client.on('notification', (message) => {
      if (this.#client !== client || message.channel !== this.#options.channel) return;
      if (message.payload !== this.#options.ownPayload) this.#notify();
    });
    this.#client = client;
    try {
      await client.connect();
      await client.query(`listen ${this.#options.channel}`);
    } catch (error) {
      this.#lost(client);
      throw error;
    }
    if (this.#client !== client) return;
    this.#listening = true;
    this.#retryMs = FIRST_RETRY_MS;
    // Announcements made before this connection listened were not heard: whatever was cached then may be stale.
    this.#notify();
  }

  /** Drops `client` (once) and, unless closing, tries again after a pause that grows with every failure. */
  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.#listening = false;
    void client.end().catch(() => undefined);
    if (this.#closed) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#closed) this.#connect().catch(() => undefined);
    }, delay);
    this.#timer.unref();
  }
}
