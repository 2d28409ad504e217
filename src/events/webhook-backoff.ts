// When a failed delivery is tried again. Exponential steps with equal jitter (half the step fixed, half random, as
// in "Exponential Backoff And Jitter", AWS Architecture Blog, 2015): receivers coming back from an outage are not hit
// by every delivery at the same instant, yet no retry comes sooner than half its step. Retries go on until an attempt
// fails at least `windowMs` after the first one, so a receiver has at least that long to recover.

export interface WebhookRetryPolicy {
  /** Base delay after the 1st, 2nd, … failed attempt; the last step repeats. */
  readonly scheduleMs: readonly number[];
  /** How long after the first attempt the delivery is still retried. */
  readonly windowMs: number;
  /** [0, 1): the jitter's source. */
  readonly random: () => number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, then every 8 h. */
export const DEFAULT_WEBHOOK_SCHEDULE_MS: readonly number[] = [
  5 * SECOND,
  30 * SECOND,
  2 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
];
export const DEFAULT_WEBHOOK_RETRY_WINDOW_MS = 24 * HOUR;

export type WebhookRetryDecision =
  { readonly kind: 'retry'; readonly atMs: number } | { readonly kind: 'give-up' };

/**
 * After the `failedAttempts`-th failed attempt (1-based) at `nowMs`, of a delivery first attempted at
 * `firstAttemptMs`: when to try again, or give up.
 */
export function webhookBackoff(
  policy: WebhookRetryPolicy,
  failedAttempts: number,
  firstAttemptMs: number,
  nowMs: number,
): WebhookRetryDecision {
  if (nowMs - firstAttemptMs >= policy.windowMs) return { kind: 'give-up' };
  const steps = policy.scheduleMs;
  const base = steps[Math.min(failedAttempts, steps.length) - 1] ?? 0;
  const half = base / 2;
  return { kind: 'retry', atMs: nowMs + Math.round(half + policy.random() * half) };
}
