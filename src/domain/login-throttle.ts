// Failed console sign-ins, counted in memory per email and per client address: after too many within the window the
// next attempts are refused (429 with Retry-After) until the window has passed, without checking the password.
// One count per process: several instances behind a load balancer each allow the limit (docs/admin-api.md).
import type { Clock } from './ports.js';

export interface LoginThrottleLimits {
  /** Failures for one email within the window before it is throttled. */
  readonly perEmail: number;
  /** Failures from one client address (any email) within the window before it is throttled. */
  readonly perClient: number;
  readonly windowMs: number;
  /** Counters kept at most; beyond it the oldest go first, so a flood of addresses cannot exhaust memory. */
  readonly maxEntries: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleLimits = {
  perEmail: 5,
  perClient: 20,
  windowMs: 15 * 60_000,
  maxEntries: 10_000,
};

interface Counter {
  /** The first failure of the current window. */
  readonly since: number;
  failures: number;
}

export class LoginThrottle {
  readonly #counters = new Map<string, Counter>();
  readonly #clock: Clock;
  readonly #limits: LoginThrottleLimits;

  constructor(clock: Clock, limits: LoginThrottleLimits = DEFAULT_LOGIN_THROTTLE) {
    this.#clock = clock;
    this.#limits = limits;
  }

  /** Whole seconds until an attempt for `email` from `client` is let through again; undefined: it may go now. */
  retryAfterSeconds(emailKey: string, client: string): number | undefined {
    const now = this.#clock.now().getTime();
    const waits = [
      this.#waitMs(`email:${emailKey}`, this.#limits.perEmail, now),
      this.#waitMs(`client:${client}`, this.#limits.perClient, now),
    ].filter((ms) => ms > 0);
    return waits.length === 0 ? undefined : Math.ceil(Math.max(...waits) / 1000);
  }

  /**
   * A sign-in attempt: the seconds to wait when throttled; otherwise undefined, and the attempt already counts as a
   * failure. Checking and counting in one synchronous step is what makes the limit hold for concurrent attempts: with
   * a check before the password hash and a count after it, every request of a burst would pass the check first.
   */
  begin(emailKey: string, client: string): number | undefined {
    const wait = this.retryAfterSeconds(emailKey, client);
    if (wait === undefined) this.recordFailure(emailKey, client);
    return wait;
  }

  /** The attempt begun succeeded: the email starts afresh and the client's count for this attempt is taken back. */
  succeeded(emailKey: string, client: string): void {
    this.clear(emailKey);
    const counter = this.#live(`client:${client}`, this.#clock.now().getTime());
    if (counter !== undefined && counter.failures > 0) counter.failures -= 1;
  }

  recordFailure(emailKey: string, client: string): void {
    const now = this.#clock.now().getTime();
    this.#count(`email:${emailKey}`, now);
    this.#count(`client:${client}`, now);
  }

  /** A successful sign-in: the email starts afresh (the client's count stays, it may be guessing other emails). */
  clear(emailKey: string): void {
    this.#counters.delete(`email:${emailKey}`);
  }

  #waitMs(key: string, limit: number, now: number): number {
    const counter = this.#live(key, now);
    if (counter === undefined || counter.failures < limit) return 0;
    return counter.since + this.#limits.windowMs - now;
  }

  #live(key: string, now: number): Counter | undefined {
    const counter = this.#counters.get(key);
    if (counter !== undefined && now - counter.since >= this.#limits.windowMs) {
      this.#counters.delete(key);
      return undefined;
    }
    return counter;
  }

  #count(key: string, now: number): void {
    const counter = this.#live(key, now);
    if (counter !== undefined) {
      counter.failures += 1;
      return;
    }
    this.#counters.set(key, { since: now, failures: 1 });
    if (this.#counters.size > this.#limits.maxEntries) this.#evict(now);
  }

  /** Windows that have passed go first; if that is not enough, the oldest counters (Map keeps insertion order). */
  #evict(now: number): void {
    for (const key of [...this.#counters.keys()]) this.#live(key, now);
    for (const key of this.#counters.keys()) {
      if (this.#counters.size <= this.#limits.maxEntries) break;
      this.#counters.delete(key);
    }
  }
}
