// Endpoint settings as the worker sees them: event-type filters, creation point, disabling, deletion, secret
// rotation; and the admin's tools: redelivery, test events, delivery and attempt listings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScimError } from '../../src/scim/errors.js';
import {
  deleteWebhookEndpoint,
  getWebhookDelivery,
  listWebhookAttempts,
  listWebhookDeliveries,
  redeliverWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from '../../src/domain/webhooks.js';
import { verifyWebhook } from '../../src/events/verify-webhook.js';
import { createWebhookFixture, must, type WebhookFixture } from './webhook-fixture.js';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver.js';

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

const typeOf = (r: ReceivedWebhook): unknown => (JSON.parse(r.body) as { type: unknown }).type;
const headersOf = (r: ReceivedWebhook) => ({
  'webhook-id': r.id,
  'webhook-timestamp': r.timestamp,
  'webhook-signature': r.signature,
});

async function passes(count: number): Promise<void> {
  const worker = fx.worker();
  for (let i = 0; i < count; i += 1) {
    await worker.runOnce();
    fx.clock.advance(100);
  }
}

describe('webhook endpoints', () => {
  it('an endpoint gets only the event types it asked for; [] means every type', async () => {
    const other = await startWebhookReceiver();
    try {
      await fx.createEndpoint({ url: receiver.url, eventTypes: ['user.created', 'team.created'] });
      await fx.createEndpoint({ url: other.url, eventTypes: [] });
      await fx.emit(['user.created', 'u1'], ['user.updated', 'u1'], ['team.created', 't1']);
      await passes(3);
      expect(receiver.requests.map(typeOf)).toEqual(['user.created', 'team.created']);
      expect(other.requests.map(typeOf).sort()).toEqual(['team.created', 'user.created', 'user.updated']);
    } finally {
      await other.close();
    }
  });

  it('a new endpoint gets the events after its creation only', async () => {
    await fx.emit(['user.created', 'u1']);
    await fx.createEndpoint({ url: receiver.url });
    const [later] = await fx.emit(['user.updated', 'u1']);
    await passes(2);
    expect(receiver.requests.map((r) => r.id)).toEqual([later?.id]);
  });

  it('a disabled endpoint gets no deliveries; re-enabled, it gets the events from then on', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url, enabled: false });
    expect(endpoint.status).toBe('disabled');
    await fx.emit(['user.created', 'u1']);
    await passes(2);
    expect(receiver.requests).toEqual([]);
    expect((await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items).toEqual([]);

    await updateWebhookEndpoint(fx, fx.orgId, endpoint.id, { enabled: true });
    const [after] = await fx.emit(['user.updated', 'u1']);
    await passes(2);
    expect(receiver.requests.map((r) => r.id)).toEqual([after?.id]);
  });

  it('disabling holds back pending retries until the endpoint is enabled again', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    const [event] = await fx.emit(['user.created', 'u1']);
    receiver.failNext(1);
    await passes(1);
    await updateWebhookEndpoint(fx, fx.orgId, endpoint.id, { enabled: false });
    await passes(3);
    expect(receiver.requests.map((r) => r.answered)).toEqual([503]);
    await updateWebhookEndpoint(fx, fx.orgId, endpoint.id, { enabled: true });
    await passes(1);
    expect(receiver.requests.map((r) => [r.id, r.answered])).toEqual([
      [event?.id, 503],
      [event?.id, 200],
    ]);
  });

  it('deleting an endpoint deletes its deliveries and stops them', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    await fx.emit(['user.created', 'u1']);
    receiver.failNext(1);
    await passes(1);
    const [delivery] = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items;
    await deleteWebhookEndpoint(fx, fx.orgId, endpoint.id);
    await passes(2);
    expect(receiver.requests).toHaveLength(1);
    await expect(getWebhookDelivery(fx, fx.orgId, delivery?.id ?? '')).rejects.toMatchObject({ status: 404 });
  });

  it('after a rotation deliveries carry both signatures for a day, then only the new one', async () => {
    const { endpoint, secret: oldSecret } = await fx.createEndpoint({ url: receiver.url });
    const { secret: newSecret } = await rotateWebhookSecret(fx, fx.orgId, endpoint.id);
    expect(newSecret).not.toBe(oldSecret);
    await fx.emit(['user.created', 'u1']);
    await passes(1);
    fx.clock.advance(86_400_000);
    await fx.emit(['user.updated', 'u1']);
    await passes(1);

    const [during, after] = receiver.requests;
    expect(during?.signature.split(' ')).toHaveLength(2);
    expect(after?.signature.split(' ')).toHaveLength(1);
    for (const [request, secret, ok] of [
      [during, newSecret, true],
      [during, oldSecret, true],
      [after, newSecret, true],
      [after, oldSecret, false],
    ] as const) {
      const now = Number(request?.timestamp);
      const result = verifyWebhook(secret, headersOf(must(request)), must(request).body, now);
      expect(result.ok).toBe(ok);
    }
  });
});

describe('redelivery and test events', () => {
  it('redelivers a delivered delivery: a new attempt with the same webhook-id', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    const [event] = await fx.emit(['user.created', 'u1']);
    await passes(1);
    const [delivery] = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items;
    const requeued = await redeliverWebhook(fx, fx.orgId, delivery?.id ?? '');
    expect(requeued.status).toBe('pending');
    await passes(1);

    expect(receiver.requests.map((r) => [r.id, r.answered])).toEqual([
      [event?.id, 200],
      [event?.id, 200],
    ]);
    const again = await getWebhookDelivery(fx, fx.orgId, delivery?.id ?? '');
    expect(again).toMatchObject({ status: 'delivered', attempts: 2 });
    expect((await listWebhookAttempts(fx, fx.orgId, again.id)).items).toHaveLength(2);
  });

  it('refuses to redeliver a delivery while an attempt is in flight (its outcome would overwrite the requeue)', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    await fx.emit(['user.created', 'u1']);
    await fx.worker().runOnce();
    const [delivery] = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items;
    const id = delivery?.id ?? '';
    const now = fx.clock.now();
    const until = new Date(now.getTime() + 60_000).toISOString();
    await fx.store.transaction(async (tx) => {
      await tx.webhooks.requeueDelivery(fx.orgId, id, now.toISOString());
      expect(await tx.webhooks.lease(id, now.toISOString(), until)).toBe(true);
    });
    await expect(redeliverWebhook(fx, fx.orgId, id)).rejects.toMatchObject({ status: 409 });
    fx.clock.advance(60_000);
    expect((await redeliverWebhook(fx, fx.orgId, id)).status).toBe('pending');
  });

  it('redelivers a failed delivery with a fresh retry window', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    await fx.emit(['user.created', 'u1']);
    receiver.failNext(1_000);
    const worker = fx.worker({ retry: { scheduleMs: [10], windowMs: 20, random: () => 1 } });
    for (let i = 0; i < 4; i += 1) {
      await worker.runOnce();
      fx.clock.advance(10);
    }
    const [failed] = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items;
    expect(failed?.status).toBe('failed');
    receiver.failNext(0);
    await redeliverWebhook(fx, fx.orgId, failed?.id ?? '');
    await worker.runOnce();
    expect(await getWebhookDelivery(fx, fx.orgId, failed?.id ?? '')).toMatchObject({
      status: 'delivered',
      failedAttempts: 0,
    });
  });

  it('a test event goes to that endpoint only, signed, outside the outbox', async () => {
    const other = await startWebhookReceiver();
    try {
      const { endpoint, secret } = await fx.createEndpoint({ url: receiver.url });
      await fx.createEndpoint({ url: other.url });
      const lastSeq = await fx.store.events.lastSeq(fx.orgId);
      const queued = await sendTestWebhook(fx, fx.orgId, endpoint.id);
      await passes(1);

      expect(other.requests).toEqual([]);
      expect(receiver.requests).toHaveLength(1);
      const [request] = receiver.requests;
      expect(request?.id).toBe(queued.eventId);
      expect(JSON.parse(request?.body ?? '')).toEqual({
        type: 'webhook.test',
        timestamp: queued.createdAt,
        data: { endpointId: endpoint.id, message: 'Test event sent from Muster' },
        id: queued.eventId,
        sequence: null,
        organizationId: fx.orgId,
      });
      const now = Number(request?.timestamp);
      expect(verifyWebhook(secret, headersOf(must(request)), must(request).body, now)).toEqual({ ok: true });
      expect(await fx.store.events.lastSeq(fx.orgId)).toBe(lastSeq);
    } finally {
      await other.close();
    }
  });

  it('refuses a test event or a redelivery for a disabled endpoint', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    await fx.emit(['user.created', 'u1']);
    await passes(1);
    const [delivery] = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items;
    await updateWebhookEndpoint(fx, fx.orgId, endpoint.id, { enabled: false });
    await expect(sendTestWebhook(fx, fx.orgId, endpoint.id)).rejects.toBeInstanceOf(ScimError);
    await expect(redeliverWebhook(fx, fx.orgId, delivery?.id ?? '')).rejects.toMatchObject({ status: 409 });
  });
});

describe('delivery listings', () => {
  it('pages an endpoint’s deliveries newest first with a cursor, and filters them by status', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    const events = await fx.emit(
      ['user.created', 'u1'],
      ['user.created', 'u2'],
      ['user.created', 'u3'],
      ['user.created', 'u4'],
      ['user.created', 'u5'],
    );
    receiver.failNext(2);
    await passes(1);
    const first = await listWebhookDeliveries(fx, fx.orgId, endpoint.id, { limit: 2 });
    const second = await listWebhookDeliveries(fx, fx.orgId, endpoint.id, {
      limit: 2,
      ...(first.nextCursor === undefined ? {} : { cursor: first.nextCursor }),
    });
    const third = await listWebhookDeliveries(fx, fx.orgId, endpoint.id, {
      limit: 2,
      ...(second.nextCursor === undefined ? {} : { cursor: second.nextCursor }),
    });
    const pages = [first, second, third];
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(third.nextCursor).toBeUndefined();
    expect(pages.flatMap((p) => p.items.map((d) => d.eventId))).toEqual(events.map((e) => e.id).reverse());

    const pending = await listWebhookDeliveries(fx, fx.orgId, endpoint.id, { status: 'pending' });
    const delivered = await listWebhookDeliveries(fx, fx.orgId, endpoint.id, { status: 'delivered' });
    expect(pending.items).toHaveLength(2);
    expect(delivered.items).toHaveLength(3);
  });

  it('answers 404 for an endpoint or delivery of another organization', async () => {
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    const otherOrg = fx.ids.newId();
    await fx.store.organizations.insert({
      id: otherOrg,
      slug: 'other',
      name: 'Other',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await expect(listWebhookDeliveries(fx, otherOrg, endpoint.id)).rejects.toMatchObject({ status: 404 });
    await expect(sendTestWebhook(fx, otherOrg, endpoint.id)).rejects.toMatchObject({ status: 404 });
  });
});
