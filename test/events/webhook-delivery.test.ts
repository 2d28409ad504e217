// The worker against a real receiver that is down at first: retries, exactly-once arrival after recovery, order per
// resource, signatures, recorded attempts and the endpoint's failing/active status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getWebhookEndpoint, listWebhookAttempts, listWebhookDeliveries } from '../../src/domain/webhooks.js';
import { verifyWebhook } from '../../src/events/verify-webhook.js';
import { createWebhookFixture, type WebhookFixture } from './webhook-fixture.js';
import { freePort, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

let fx: WebhookFixture;
let receiver: WebhookReceiver | undefined;

beforeEach(async () => {
  fx = await createWebhookFixture();
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await fx.close();
});

interface Body {
  readonly type: string;
  readonly id: string;
  readonly sequence: number;
  readonly organizationId: string;
  readonly timestamp: string;
  readonly data: { readonly id: string };
}

const parse = (body: string): Body => JSON.parse(body) as Body;

describe('webhook delivery to a receiver that is down at first', () => {
  it('delivers every event exactly once after recovery, in order per resource, signed, with the event id as webhook-id', async () => {
    receiver = await startWebhookReceiver();
    const { endpoint, secret } = await fx.createEndpoint({ url: receiver.url });
    const events = await fx.emit(
      ['user.created', 'u1'],
      ['user.created', 'u2'],
      ['user.updated', 'u1'],
      ['team.created', 't1'],
      ['user.deactivated', 'u1'],
      ['user.updated', 'u2'],
    );
    // Each pass sends the earliest pending delivery of each of the 3 resources: two passes of failures.
    receiver.failNext(6);
    const worker = fx.worker();
    const statuses: string[] = [];
    for (let pass = 0; pass < 10; pass += 1) {
      await worker.runOnce();
      statuses.push((await getWebhookEndpoint(fx, fx.orgId, endpoint.id)).status);
      fx.clock.advance(100);
    }

    const delivered = receiver.requests.filter((r) => r.answered === 200);
    expect(delivered.map((r) => r.id).sort()).toEqual(events.map((e) => e.id).sort());
    for (const resource of ['u1', 'u2', 't1']) {
      const expected = events.filter((e) => e.resourceId === resource).map((e) => e.seq);
      const arrived = delivered.map((r) => parse(r.body)).filter((b) => b.data.id === resource);
      expect(arrived.map((b) => b.sequence)).toEqual(expected);
    }
    for (const request of receiver.requests) {
      const body = parse(request.body);
      expect(request.id).toBe(body.id);
      const event = events.find((e) => e.id === body.id);
      expect(body).toEqual({
        type: event?.type,
        timestamp: event?.occurredAt,
        data: { id: event?.resourceId },
        id: event?.id,
        sequence: event?.seq,
        organizationId: fx.orgId,
      });
      const headers = {
        'webhook-id': request.id,
        'webhook-timestamp': request.timestamp,
        'webhook-signature': request.signature,
      };
      // Verified at the attempt's own time: the clock has moved on since.
      expect(verifyWebhook(secret, headers, request.body, Number(request.timestamp))).toEqual({ ok: true });
    }
    expect(receiver.requests.filter((r) => r.answered === 503)).toHaveLength(6);
    // 3 failures, then 6 (failing), then successes (active again).
    expect(statuses.slice(0, 3)).toEqual(['active', 'failing', 'active']);
    const page = await listWebhookDeliveries(fx, fx.orgId, endpoint.id);
    expect(page.items.map((d) => d.status)).toEqual(Array(6).fill('delivered'));
  });

  it('records each attempt with status code, latency and the start of the response body', async () => {
    receiver = await startWebhookReceiver();
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    await fx.emit(['user.created', 'u1']);
    receiver.failNext(2);
    const worker = fx.worker();
    for (let pass = 0; pass < 3; pass += 1) {
      await worker.runOnce();
      fx.clock.advance(100);
    }
    const [delivery] = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
    const attempts = (await listWebhookAttempts(fx, fx.orgId, delivery?.id ?? '')).items;
    expect(attempts.map((a) => [a.statusCode, a.responseExcerpt, a.error])).toEqual([
      [503, 'receiver is down', null],
      [503, 'receiver is down', null],
      [200, 'ok', null],
    ]);
    for (const attempt of attempts) {
      expect(Number.isInteger(attempt.durationMs) && attempt.durationMs >= 0).toBe(true);
    }
    // The retries were spaced by the schedule's steps (10 ms, then 20 ms), the clock moving 100 ms per pass.
    expect(attempts.map((a) => a.attemptedAt)).toEqual([
      '2026-03-01T09:00:00.000Z',
      '2026-03-01T09:00:00.100Z',
      '2026-03-01T09:00:00.200Z',
    ]);
  });

  it('retries a receiver whose port refuses connections until it listens', async () => {
    const port = await freePort();
    const { endpoint } = await fx.createEndpoint({ url: `http://127.0.0.1:${port}/hooks` });
    const [event] = await fx.emit(['user.created', 'u1']);
    const worker = fx.worker();
    await worker.runOnce();
    receiver = await startWebhookReceiver(port);
    fx.clock.advance(100);
    await worker.runOnce();

    expect(receiver.requests.map((r) => r.id)).toEqual([event?.id]);
    const [delivery] = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items;
    const attempts = (await listWebhookAttempts(fx, fx.orgId, delivery?.id ?? '')).items;
    expect(attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(attempts[1]).toMatchObject({ statusCode: 200, error: null });
  });

  it('holds a later event of a resource back while an earlier one is still being retried', async () => {
    receiver = await startWebhookReceiver();
    await fx.createEndpoint({ url: receiver.url });
    const [first, second] = await fx.emit(['user.created', 'u1'], ['user.updated', 'u1']);
    receiver.failNext(1);
    const worker = fx.worker();
    await worker.runOnce();
    // The first failed and is not due yet: the second, though due, must wait for it.
    await worker.runOnce();
    expect(receiver.requests.map((r) => r.id)).toEqual([first?.id]);
    fx.clock.advance(100);
    await worker.runOnce();
    await worker.runOnce();
    expect(receiver.requests.map((r) => r.id)).toEqual([first?.id, first?.id, second?.id]);
  });
});
