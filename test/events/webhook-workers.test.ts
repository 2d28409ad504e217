// Several workers on one store, and the worker's life cycle: while one worker's requests are in flight their leases
// keep the other off them, so each delivery is sent once; stop() waits for the request in flight.
import { afterEach, describe, expect, it } from 'vitest';
import {
  deleteWebhookEndpoint,
  getWebhookDelivery,
  listWebhookDeliveries,
} from '../../src/domain/webhooks.js';
import { createWebhookFixture, must, type WebhookFixture } from './webhook-fixture.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function receiverFor(): Promise<WebhookReceiver> {
  const receiver = await startWebhookReceiver();
  cleanup.push(() => receiver.close());
  return receiver;
}

async function fixture(): Promise<WebhookFixture> {
  const fx = await createWebhookFixture();
  cleanup.push(() => fx.close());
  return fx;
}

/** 24 events over 4 users, interleaved. */
async function emitMany(fx: WebhookFixture) {
  const events = [];
  for (let i = 0; i < 6; i += 1) {
    events.push(
      ...(await fx.emit(
        ['user.updated', 'u1'],
        ['user.updated', 'u2'],
        ['user.updated', 'u3'],
        ['user.updated', 'u4'],
      )),
    );
  }
  return events;
}

function expectExactlyOnceInOrder(
  receiver: WebhookReceiver,
  events: Awaited<ReturnType<typeof emitMany>>,
): void {
  const ids = receiver.requests.map((r) => r.id);
  expect([...ids].sort()).toEqual(events.map((e) => e.id).sort());
  for (const user of ['u1', 'u2', 'u3', 'u4']) {
    const expected = events.filter((e) => e.resourceId === user).map((e) => e.id);
    expect(ids.filter((id) => expected.includes(id))).toEqual(expected);
  }
}

describe('several webhook workers', () => {
  it('two workers sharing one store never send a delivery twice', async () => {
    const receiver = await receiverFor();
    const fx = await fixture();
    await fx.createEndpoint({ url: receiver.url });
    const events = await emitMany(fx);
    const a = fx.worker({ concurrency: 3 });
    const b = fx.worker({ concurrency: 3 });
    for (let pass = 0; pass < 12; pass += 1) await Promise.all([a.runOnce(), b.runOnce()]);
    expectExactlyOnceInOrder(receiver, events);
  });
});

describe('the worker loop', () => {
  it('start() delivers on its own; stop() resolves only after the request in flight is answered and recorded', async () => {
    const receiver = await receiverFor();
    const fx = await fixture();
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    const [event] = await fx.emit(['user.created', 'u1']);
    const held = receiver.holdNext();
    const worker = fx.worker({ pollIntervalMs: 5 });
    worker.start();
    await held.arrived;

    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    // Let every pending callback run: stop() must still be waiting for the held request.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    held.release();
    await stopping;

    const [delivery] = (await listWebhookDeliveries(fx, fx.orgId, endpoint.id)).items;
    expect(await getWebhookDelivery(fx, fx.orgId, must(delivery).id)).toMatchObject({
      eventId: event?.id,
      status: 'delivered',
      attempts: 1,
    });
  });

  it('an endpoint deleted while its request is in flight ends the pass quietly', async () => {
    const receiver = await receiverFor();
    const fx = await fixture();
    const { endpoint } = await fx.createEndpoint({ url: receiver.url });
    await fx.emit(['user.created', 'u1']);
    const held = receiver.holdNext();
    const pass = fx.worker().runOnce();
    await held.arrived;
    await deleteWebhookEndpoint(fx, fx.orgId, endpoint.id);
    held.release();
    await expect(pass).resolves.toEqual({ fannedOut: 1, attempted: 1 });
    expect(await fx.store.webhooks.listEndpoints(fx.orgId)).toEqual([]);
  });
});
