// The retry schedule over a receiver that never recovers: exponential steps for at least 24 hours from the first
// attempt, then the delivery fails for good. The clock is the test's, so a day passes in a few passes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getWebhookDelivery, getWebhookEndpoint, listWebhookDeliveries } from '../../src/domain/webhooks.js';
import {
  DEFAULT_WEBHOOK_RETRY_WINDOW_MS,
  DEFAULT_WEBHOOK_SCHEDULE_MS,
} from '../../src/events/webhook-backoff.js';
import { createWebhookFixture, type WebhookFixture } from './webhook-fixture.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

let fx: WebhookFixture;
let receiver: WebhookReceiver;

beforeEach(async () => {
  fx = await createWebhookFixture();
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
  await fx.close();
});

describe('webhook retries', () => {
  it('retries on the default schedule (equal jitter) for at least 24 h after the first attempt, then fails', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    await fx.emit(['user.created', 'u1']);
    receiver.failNext(1_000);
    // random() = 0.5: each wait is 3/4 of its step (half fixed, half jittered).
    const worker = fx.worker({ retry: { random: () => 0.5 } });
    const attemptTimes: number[] = [fx.clock.now().getTime()];
    await worker.runOnce(); // fan-out, then the first attempt
    const id = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items[0]?.id ?? '';
    for (let pass = 0; pass < 50; pass += 1) {
      const delivery = await getWebhookDelivery(fx, fx.orgId, id);
      if (delivery.status !== 'pending') break;
      fx.clock.set(delivery.nextAttemptAt);
      attemptTimes.push(fx.clock.now().getTime());
      await worker.runOnce();
    }

    const delivery = await getWebhookDelivery(fx, fx.orgId, id);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toBe(attemptTimes.length);
    expect(receiver.requests).toHaveLength(attemptTimes.length);
    const gaps = attemptTimes.slice(1).map((t, i) => t - (attemptTimes[i] ?? 0));
    const steps = DEFAULT_WEBHOOK_SCHEDULE_MS;
    const expectedGaps = gaps.map((_, i) => 0.75 * (steps[Math.min(i, steps.length - 1)] ?? 0));
    expect(gaps).toEqual(expectedGaps);
    const first = attemptTimes[0] ?? 0;
    const last = attemptTimes.at(-1) ?? 0;
    const beforeLast = attemptTimes.at(-2) ?? 0;
    expect(last - first).toBeGreaterThanOrEqual(DEFAULT_WEBHOOK_RETRY_WINDOW_MS);
    expect(beforeLast - first).toBeLessThan(DEFAULT_WEBHOOK_RETRY_WINDOW_MS);
    expect((await getWebhookEndpoint(fx, fx.orgId, endpoint.id)).status).toBe('failing');
  });

  it('a failed delivery holds back no later delivery of its resource', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    const [first, second] = await fx.emit(['user.created', 'u1'], ['user.updated', 'u1']);
    receiver.failNext(1_000);
    const worker = fx.worker({ retry: { scheduleMs: [10], windowMs: 30, random: () => 1 } });
    for (let pass = 0; pass < 4; pass += 1) {
      await worker.runOnce();
      fx.clock.advance(10);
    }
    const statuses = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items.map((d) => [
      d.eventId,
      d.status,
    ]);
    expect(statuses).toEqual([
      [second?.id, 'pending'],
      [first?.id, 'failed'],
    ]);
    receiver.failNext(0);
    await worker.runOnce();
    expect(receiver.requests.at(-1)).toMatchObject({ id: second?.id, answered: 200 });
  });
});
