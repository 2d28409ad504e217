// Webhooks leave Muster only through the background worker: a SCIM request writes its event to the outbox and
// answers; no delivery exists and nothing is sent until a worker pass runs. With WEBHOOK_WORKER on (the default),
// the worker started by createMuster delivers on its own and stops with close().
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createMuster, type Muster } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';
import { DEFAULT_ORG_SLUG } from '../../src/domain/organizations.js';
import { createScimToken } from '../../src/domain/scim-tokens.js';
import { createWebhookEndpoint, listWebhookDeliveries } from '../../src/domain/webhooks.js';
import { verifyWebhook } from '../../src/events/verify-webhook.js';
import { createWebhookWorker } from '../../src/events/webhook-worker.js';
import { uuidV7 } from '../../src/shared/uuid-v7.js';
import { openTestDatabase } from '../support/test-store.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function start(worker: 'on' | 'off'): Promise<{ muster: Muster; receiver: WebhookReceiver }> {
  const receiver = await startWebhookReceiver();
  cleanup.push(() => receiver.close());
  const database = await openTestDatabase();
  cleanup.push(() => database.release());
  const config = loadConfig({
    DATABASE_URL: database.url,
    PUBLIC_URL: 'http://muster.test',
    LOG_LEVEL: 'silent',
    WEBHOOK_WORKER: worker,
  });
  const muster = await createMuster(config, { webhookWorker: { pollIntervalMs: 5 } });
  cleanup.push(() => muster.close());
  return { muster, receiver };
}

async function scimToken(muster: Muster): Promise<string> {
  return (await createScimToken(muster.tokenDeps, { orgSlug: DEFAULT_ORG_SLUG, name: 'idp' })).token;
}

async function createUser(muster: Muster, token: string, userName: string): Promise<string> {
  const response = await muster.app.inject({
    method: 'POST',
    url: '/scim/v2/Users',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    payload: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

const deps = (muster: Muster) => ({
  store: muster.store,
  clock: { now: () => new Date() },
  ids: { newId: uuidV7 },
});

describe('webhooks and the request path', () => {
  it('a SCIM request only writes the event; the worker alone creates and sends the delivery', async () => {
    const { muster, receiver } = await start('off');
    expect(muster.webhookWorker).toBeUndefined();
    const orgId = muster.defaultOrganization.id;
    const token = await scimToken(muster);
    const { endpoint, secret } = await createWebhookEndpoint(deps(muster), orgId, {
      url: receiver.url,
      eventTypes: ['user.created'],
    });

    const userId = await createUser(muster, token, 'ada@example.com');
    expect(receiver.requests).toEqual([]);
    expect((await listWebhookDeliveries(deps(muster), orgId, endpoint.id)).items).toEqual([]);
    const [event] = await muster.store.events.list(orgId, 0, 10, { types: ['user.created'] });
    expect(event).toMatchObject({ resourceId: userId });

    await createWebhookWorker({ ...deps(muster) }).runOnce();
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.id).toBe(event?.id);
    const body = JSON.parse(request?.body ?? '{}') as {
      type: string;
      data: { id: string; userName: string };
    };
    expect(body.type).toBe('user.created');
    expect(body.data).toMatchObject({ id: userId, userName: 'ada@example.com' });
    const headers = {
      'webhook-id': request?.id,
      'webhook-timestamp': request?.timestamp,
      'webhook-signature': request?.signature,
    };
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhook(secret, headers, request?.body ?? '', now)).toEqual({ ok: true });
    // The reference implementation of the spec agrees, and refuses the body once it is changed.
    const reference = new Webhook(secret);
    const sent = {
      'webhook-id': request?.id ?? '',
      'webhook-timestamp': request?.timestamp ?? '',
      'webhook-signature': request?.signature ?? '',
    };
    expect(reference.verify(request?.body ?? '', sent)).toMatchObject({ type: 'user.created' });
    expect(() => reference.verify((request?.body ?? '').replace('ada@', 'eve@'), sent)).toThrow();
  });

  it('the worker createMuster starts delivers on its own', async () => {
    const { muster, receiver } = await start('on');
    expect(muster.webhookWorker).toBeDefined();
    const orgId = muster.defaultOrganization.id;
    const token = await scimToken(muster);
    const { endpoint } = await createWebhookEndpoint(deps(muster), orgId, {
      url: receiver.url,
      eventTypes: ['user.created'],
    });
    const userId = await createUser(muster, token, 'grace@example.com');

    // Bounded wait for the background pass to send and record the delivery (no assertion on how long it took).
    const deliveredItems = async () =>
      (await listWebhookDeliveries(deps(muster), orgId, endpoint.id, { status: 'delivered' })).items;
    for (let i = 0; i < 1000 && (await deliveredItems()).length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await deliveredItems()).toHaveLength(1);
    expect(receiver.requests.map((r) => (JSON.parse(r.body) as { data: { id: string } }).data.id)).toEqual([
      userId,
    ]);
  });
});
