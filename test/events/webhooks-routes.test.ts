// /api/v1/webhooks and /api/v1/webhook-deliveries: endpoint management (the secret shown on create and rotate only),
// problem+json for bad input, and the test-event → delivery → attempts → redelivery round trip through the worker
// that createMuster runs in the background.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/events/verify-webhook.js';
import { adminRequest, expectProblem, type AdminRequest, type Page } from '../admin-api/admin-request.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { must } from './webhook-fixture.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

interface EndpointJson {
  readonly id: string;
  readonly url: string;
  readonly description: string;
  readonly eventTypes: readonly string[];
  readonly status: string;
}
interface DeliveryJson {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: string;
  readonly attempts: number;
  readonly sequence: number | null;
}
interface AttemptJson {
  readonly statusCode: number | null;
  readonly durationMs: number;
}

let t: TestApp;
let api: AdminRequest;
let receiver: WebhookReceiver;

beforeEach(async () => {
  t = await createTestApp();
  api = adminRequest(t);
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await t.close();
  await receiver.close();
});

async function createEndpoint(body: object = {}): Promise<EndpointJson & { secret: string }> {
  const res = await api('POST', '/webhooks', { body: { url: receiver.url, ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<EndpointJson & { secret: string }>();
}

/** Bounded wait for the background worker (nothing is asserted about how long it takes). */
async function waitForRequests(count: number): Promise<void> {
  for (let i = 0; i < 1000 && receiver.requests.length < count; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(receiver.requests).toHaveLength(count);
}

async function waitForStatus(deliveryId: string, status: string, attempts: number): Promise<DeliveryJson> {
  let delivery: DeliveryJson | undefined;
  for (let i = 0; i < 1000; i += 1) {
    delivery = (await api('GET', `/webhook-deliveries/${deliveryId}`)).json<DeliveryJson>();
    if (delivery.status === status && delivery.attempts === attempts) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(delivery).toMatchObject({ status, attempts });
  return must(delivery);
}

describe('/api/v1/webhooks', () => {
  it('shows the secret on create and rotate only', async () => {
    const created = await createEndpoint({ description: 'CRM', eventTypes: ['user.created'] });
    expect(created).toMatchObject({ description: 'CRM', eventTypes: ['user.created'], status: 'active' });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const list = await api('GET', '/webhooks');
    const one = await api('GET', `/webhooks/${created.id}`);
    expect(list.json<Page<EndpointJson>>().items.map((e) => e.id)).toEqual([created.id]);
    for (const res of [list, one]) {
      expect(res.body).not.toContain(created.secret.slice('whsec_'.length));
      expect(res.body).not.toContain('"secret"');
    }

    const rotated = await api('POST', `/webhooks/${created.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const { secret } = rotated.json<{ secret: string }>();
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(created.secret);
  });

  it('changes, disables and deletes an endpoint', async () => {
    const created = await createEndpoint();
    const patched = await api('PATCH', `/webhooks/${created.id}`, {
      body: { description: 'billing', enabled: false },
    });
    expect(patched.json<EndpointJson>()).toMatchObject({ description: 'billing', status: 'disabled' });
    expectProblem(await api('POST', `/webhooks/${created.id}/test`), 409, 'conflict');
    expect((await api('DELETE', `/webhooks/${created.id}`)).statusCode).toBe(204);
    expectProblem(await api('GET', `/webhooks/${created.id}`), 404, 'not-found');
    expectProblem(await api('DELETE', `/webhooks/${created.id}`), 404, 'not-found');
  });

  it.each([
    ['a URL of another scheme', { url: 'ftp://hooks.example/' }, 400, 'bad-request'],
    ['URL credentials', { url: 'https://u:p@hooks.example/' }, 400, 'bad-request'],
    [
      'an unknown event type',
      { url: 'https://hooks.example/', eventTypes: ['user.exploded'] },
      400,
      'validation-failed',
    ],
    ['an unknown field', { url: 'https://hooks.example/', secret: 'whsec_mine' }, 400, 'validation-failed'],
    ['no URL', { description: 'x' }, 400, 'validation-failed'],
  ])('refuses %s with a problem', async (_name, body, status, type) => {
    expectProblem(await api('POST', '/webhooks', { body }), status, type);
    expect((await api('GET', '/webhooks')).json<Page<EndpointJson>>().items).toEqual([]);
  });

  it('takes no input on its actions: no body or {} is fine, anything else is refused', async () => {
    const { id } = await createEndpoint();
    expect((await api('POST', `/webhooks/${id}/rotate-secret`, { body: {} })).statusCode).toBe(200);
    expect((await api('POST', `/webhooks/${id}/test`)).statusCode).toBe(202);
    const refused = await api('POST', `/webhooks/${id}/test`, { body: { type: 'user.created' } });
    expectProblem(refused, 400, 'validation-failed');
  });

  it('keeps organizations apart', async () => {
    const created = await createEndpoint();
    const { key } = await t.createAdminKey({ orgSlug: 'other' });
    expectProblem(await api('GET', `/webhooks/${created.id}`, { key }), 404, 'not-found');
    expectProblem(await api('GET', `/webhooks/${created.id}/deliveries`, { key }), 404, 'not-found');
    expect((await api('GET', '/webhooks', { key })).json<Page<EndpointJson>>().items).toEqual([]);
  });
});

describe('/api/v1/webhook-deliveries', () => {
  it('a test event is delivered by the worker, its attempts are listed, and it can be redelivered', async () => {
    const { id, secret } = await createEndpoint();
    const queued = await api('POST', `/webhooks/${id}/test`);
    expect(queued.statusCode).toBe(202);
    const delivery = queued.json<DeliveryJson>();
    expect(delivery).toMatchObject({ eventType: 'webhook.test', status: 'pending', sequence: null });

    await waitForRequests(1);
    const [request] = receiver.requests;
    const headers = {
      'webhook-id': request?.id,
      'webhook-timestamp': request?.timestamp,
      'webhook-signature': request?.signature,
    };
    expect(request?.id).toBe(delivery.eventId);
    expect(verifyWebhook(secret, headers, must(request).body, Math.floor(Date.now() / 1000))).toEqual({
      ok: true,
    });
    await waitForStatus(delivery.id, 'delivered', 1);

    const redelivered = await api('POST', `/webhook-deliveries/${delivery.id}/redeliver`);
    expect(redelivered.statusCode).toBe(202);
    await waitForRequests(2);
    await waitForStatus(delivery.id, 'delivered', 2);
    const attempts = (await api('GET', `/webhook-deliveries/${delivery.id}/attempts`)).json<
      Page<AttemptJson>
    >();
    expect(attempts.items.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(attempts.nextCursor).toBeNull();
  });

  it('pages deliveries with an opaque cursor and filters them by status', async () => {
    const { id } = await createEndpoint();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push((await api('POST', `/webhooks/${id}/test`)).json<DeliveryJson>().id);
    await waitForRequests(3);
    for (const deliveryId of ids) await waitForStatus(deliveryId, 'delivered', 1);

    const first = (await api('GET', `/webhooks/${id}/deliveries?limit=2`)).json<Page<DeliveryJson>>();
    const second = (
      await api('GET', `/webhooks/${id}/deliveries?limit=2&cursor=${must(first.nextCursor ?? undefined)}`)
    ).json<Page<DeliveryJson>>();
    expect([...first.items, ...second.items].map((d) => d.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    const failed = (await api('GET', `/webhooks/${id}/deliveries?status=failed`)).json<Page<DeliveryJson>>();
    expect(failed.items).toEqual([]);
    expectProblem(await api('GET', `/webhooks/${id}/deliveries?cursor=nope!`), 400, 'invalid-cursor');
    expectProblem(await api('GET', `/webhooks/${id}/deliveries?status=lost`), 400, 'validation-failed');
  });

  it('answers 404 for an unknown delivery', async () => {
    expectProblem(await api('GET', '/webhook-deliveries/nope'), 404, 'not-found');
    expectProblem(await api('POST', '/webhook-deliveries/nope/redeliver'), 404, 'not-found');
    expectProblem(await api('GET', '/webhook-deliveries/nope/attempts'), 404, 'not-found');
  });
});
