import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEBHOOK_RETRY_WINDOW_MS,
  DEFAULT_WEBHOOK_SCHEDULE_MS,
  webhookBackoff,
  type WebhookRetryPolicy,
} from './webhook-backoff.js';

const policy = (random: number): WebhookRetryPolicy => ({
  scheduleMs: DEFAULT_WEBHOOK_SCHEDULE_MS,
  windowMs: DEFAULT_WEBHOOK_RETRY_WINDOW_MS,
  random: () => random,
});

describe('webhookBackoff', () => {
  it('waits between half and all of the step (equal jitter)', () => {
    expect(webhookBackoff(policy(0), 1, 0, 1000)).toEqual({ kind: 'retry', atMs: 1000 + 2500 });
    expect(webhookBackoff(policy(0.999_999), 1, 0, 1000)).toEqual({ kind: 'retry', atMs: 1000 + 5000 });
    expect(webhookBackoff(policy(0.5), 2, 0, 1000)).toEqual({ kind: 'retry', atMs: 1000 + 22_500 });
  });

  it('repeats the last step once the schedule is used up', () => {
    const last = DEFAULT_WEBHOOK_SCHEDULE_MS.at(-1) ?? 0;
    expect(webhookBackoff(policy(0.5), 30, 0, 0)).toEqual({ kind: 'retry', atMs: 0.75 * last });
  });

  it('gives up on the first failure at least the window after the first attempt', () => {
    const window = DEFAULT_WEBHOOK_RETRY_WINDOW_MS;
    expect(webhookBackoff(policy(0), 11, 0, window - 1).kind).toBe('retry');
    expect(webhookBackoff(policy(0), 11, 0, window)).toEqual({ kind: 'give-up' });
  });

  it('with the longest waits, the default schedule still retries past 24 hours', () => {
    // Every wait at its maximum: the fewest attempts it takes to reach the end of the window.
    let now = 0;
    let failures = 0;
    for (;;) {
      failures += 1;
      const decision = webhookBackoff(policy(0.999_999), failures, 0, now);
      if (decision.kind === 'give-up') break;
      now = decision.atMs;
    }
    expect(now).toBeGreaterThanOrEqual(24 * 3_600_000);
    // 5 s + 30 s + 2 min + 10 min + 30 min + 1 h + 2 h + 4 h + 8 h + 8 h + 8 h ≈ 31.7 h: 12 attempts.
    expect(failures).toBe(12);
  });
});
