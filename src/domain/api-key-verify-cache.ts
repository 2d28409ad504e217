// Verified API keys, so a gateway's steady stream of verifications costs no database read. Correctness rests on one
// rule: every transaction that may change a key's verdict (a user, team, membership or key change) calls
// invalidate() once it has committed and before its caller answers (see invalidatingCache), so the first verification
// after a deprovisioning's response is decided on the database again. An entry read while such a transaction was
// running is never stored: it carries the generation it was read at, and a newer generation refuses it.
// Another process's changes (another instance, the CLI) are announced by its transactions (announcing-changes.ts); on
// PostgreSQL the announcement invalidates this cache when it arrives, and without one (SQLite, or while the
// notification connection is down) they are seen within VERIFY_CACHE_MS.
import { announcingChanges } from './announcing-changes.js';
import type { Store } from './ports.js';

/** How long a verified key is trusted without asking the database again. */
export const VERIFY_CACHE_MS = 1_000;

interface Entry<T> {
  readonly value: T;
  readonly generation: number;
  readonly until: number;
}

export class ApiKeyVerifyCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  #generation = 0;

  /** `ttlMs`: how long an entry is trusted (VERIFY_CACHE_MS; tests raise it to see invalidation at work). */
  constructor(maxEntries = 10_000, ttlMs = VERIFY_CACHE_MS) {
    this.#maxEntries = maxEntries;
    this.#ttlMs = ttlMs;
  }

  /** Take before reading the database; pass to set() with what was read. */
  get generation(): number {
    return this.#generation;
  }

  get(hash: string, nowMs: number): T | undefined {
    const entry = this.#entries.get(hash);
    if (entry === undefined) return undefined;
    if (entry.generation !== this.#generation || entry.until <= nowMs) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value` only when nothing was invalidated since `generation` was taken. */
  set(hash: string, value: T, generation: number, nowMs: number): void {
    if (generation !== this.#generation) return;
    // The bound only keeps a flood of distinct valid keys finite.
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
    this.#entries.set(hash, { value, generation, until: nowMs + this.#ttlMs });
  }

  invalidate(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}

/**
 * The store whose transactions invalidate `cache` when they end (committed or rolled back), and announce the change to
 * the other processes (announcingChanges): what every use case that changes users, teams, memberships or keys must be
 * given.
 */
export function invalidatingCache<S extends Pick<Store, 'transaction'>>(
  store: S,
  cache: { invalidate(): void },
): S {
  const announcing = announcingChanges(store);
  return {
    ...store,
    transaction: async (fn) => {
      try {
        return await announcing.transaction(fn);
      } finally {
        cache.invalidate();
      }
    },
  };
}
