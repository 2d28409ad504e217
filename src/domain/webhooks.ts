// Webhook endpoints of an organization and their deliveries: the use cases behind the admin API. Nothing here sends
// a request: src/events/webhook-worker.ts turns outbox events into deliveries and sends them, off the request path.
// Payloads follow Standard Webhooks (https://www.standardwebhooks.com/): `type`, `timestamp`, `data`.
import { randomBytes } from 'node:crypto';
import { notFound, ScimError } from '../scim/errors.js';
import type { JsonValue } from '../shared/json.js';
import { buildTestWebhookPayload, TEST_EVENT_TYPE } from './build-webhook-payload.js';
import {
  checkWebhookDescription,
  checkWebhookEnabled,
  checkWebhookEventTypes,
  checkWebhookPageSize,
  checkWebhookUrl,
} from './check-webhook-input.js';
import type {
  Clock,
  Ids,
  StoreTx,
  WebhookAttemptRecord,
  WebhookDeliveryRecord,
  WebhookDeliveryStatus,
  WebhookEndpointRecord,
} from './ports.js';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** Standard Webhooks: the secret is 24–64 random bytes; 32 bytes = 256 bits. */
const SECRET_BYTES = 32;
/** After a rotation the old secret signs too for a day, so receivers can switch over without dropping deliveries. */
export const PREVIOUS_SECRET_GRACE_MS = 86_400_000;

type WebhookRepos = Pick<StoreTx, 'organizations' | 'events' | 'webhooks'>;

/** The part of the Store the webhook use cases need (a full Store fits). */
export interface WebhookStore extends WebhookRepos {
  transaction<T>(fn: (tx: WebhookRepos) => Promise<T>): Promise<T>;
}

export interface WebhookDeps {
  readonly store: WebhookStore;
  readonly clock: Clock;
  readonly ids: Ids;
}

/** An endpoint as admins see it: never its secrets. */
export type WebhookEndpointView = Omit<WebhookEndpointRecord, 'secret' | 'previousSecret' | 'fanoutSeq'>;

/** A delivery as admins see it, the body parsed. */
export type WebhookDeliveryView = Omit<WebhookDeliveryRecord, 'payload' | 'lockedUntil'> & {
  readonly payload: JsonValue;
};

export interface CreateWebhookEndpointInput {
  /** http(s) URL; production should use https (the payload carries identity data). */
  readonly url: string;
  readonly description?: string;
  /** [] or absent = every event type. */
  readonly eventTypes?: readonly string[];
  readonly enabled?: boolean;
}

export type UpdateWebhookEndpointInput = Partial<CreateWebhookEndpointInput>;

export interface WebhookEndpointWithSecret {
  readonly endpoint: WebhookEndpointView;
  /** `whsec_` + base64 of 32 random bytes. Returned once, on create and on rotate. */
  readonly secret: string;
}

export interface WebhookPage<T> {
  readonly items: readonly T[];
  /** Absent on the last page. */
  readonly nextCursor?: string;
}

export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

export function toWebhookEndpointView(record: WebhookEndpointRecord): WebhookEndpointView {
  const { secret: _secret, previousSecret: _previous, fanoutSeq: _fanoutSeq, ...view } = record;
  return view;
}

export function toWebhookDeliveryView(record: WebhookDeliveryRecord): WebhookDeliveryView {
  const { payload, lockedUntil: _lease, ...view } = record;
  return { ...view, payload: JSON.parse(payload) as JsonValue };
}

const endpointNotFound = (id: string): ScimError =>
  notFound(`webhook endpoint ${JSON.stringify(id)} does not exist`);
const deliveryNotFound = (id: string): ScimError =>
  notFound(`webhook delivery ${JSON.stringify(id)} does not exist`);
const endpointDisabled = (id: string): ScimError =>
  new ScimError(409, `webhook endpoint ${JSON.stringify(id)} is disabled; enable it first`);

async function requireEndpoint(tx: WebhookRepos, orgId: string, id: string): Promise<WebhookEndpointRecord> {
  const endpoint = await tx.webhooks.getEndpoint(orgId, id);
  if (endpoint === undefined) throw endpointNotFound(id);
  return endpoint;
}

/** A new endpoint gets the events that happen after its creation: its fan-out starts at the org's last seq. */
export async function createWebhookEndpoint(
  deps: WebhookDeps,
  orgId: string,
  input: CreateWebhookEndpointInput,
): Promise<WebhookEndpointWithSecret> {
  const { store, clock, ids } = deps;
  const url = checkWebhookUrl(input.url);
  const description = checkWebhookDescription(input.description ?? '');
  const eventTypes = checkWebhookEventTypes(input.eventTypes ?? []);
  const enabled = checkWebhookEnabled(input.enabled ?? true);
  const secret = generateWebhookSecret();
  const now = clock.now().toISOString();
  return store.transaction(async (tx) => {
    if ((await tx.organizations.findById(orgId)) === undefined) {
      throw notFound(`organization ${JSON.stringify(orgId)} does not exist`);
    }
    const record: WebhookEndpointRecord = {
      id: ids.newId(),
      orgId,
      url,
      description,
      eventTypes,
      secret,
      previousSecret: null,
      previousSecretExpiresAt: null,
      status: enabled ? 'active' : 'disabled',
      consecutiveFailures: 0,
      failingSince: null,
      fanoutSeq: await tx.events.lastSeq(orgId),
      createdAt: now,
      updatedAt: now,
    };
    await tx.webhooks.insertEndpoint(record);
    return { endpoint: toWebhookEndpointView(record), secret };
  });
}

/** Oldest first. */
export async function listWebhookEndpoints(
  deps: Pick<WebhookDeps, 'store'>,
  orgId: string,
): Promise<readonly WebhookEndpointView[]> {
  return (await deps.store.webhooks.listEndpoints(orgId)).map(toWebhookEndpointView);
}

export async function getWebhookEndpoint(
  deps: Pick<WebhookDeps, 'store'>,
  orgId: string,
  id: string,
): Promise<WebhookEndpointView> {
  return toWebhookEndpointView(await requireEndpoint(deps.store, orgId, id));
}

/**
 * Changes what is given. Re-enabling starts afresh: active, no failures counted, and only events from now on (the
 * events API serves what happened while the endpoint was disabled).
 */
export async function updateWebhookEndpoint(
  deps: Pick<WebhookDeps, 'store' | 'clock'>,
  orgId: string,
  id: string,
  input: UpdateWebhookEndpointInput,
): Promise<WebhookEndpointView> {
  const url = input.url === undefined ? undefined : checkWebhookUrl(input.url);
  const description =
    input.description === undefined ? undefined : checkWebhookDescription(input.description);
  const eventTypes = input.eventTypes === undefined ? undefined : checkWebhookEventTypes(input.eventTypes);
  const enabled = input.enabled === undefined ? undefined : checkWebhookEnabled(input.enabled);
  return deps.store.transaction(async (tx) => {
    const before = await requireEndpoint(tx, orgId, id);
    let after: WebhookEndpointRecord = {
      ...before,
      url: url ?? before.url,
      description: description ?? before.description,
      eventTypes: eventTypes ?? before.eventTypes,
      updatedAt: deps.clock.now().toISOString(),
    };
    if (enabled === false) after = { ...after, status: 'disabled' };
    if (enabled === true && before.status === 'disabled') {
      after = {
        ...after,
        status: 'active',
        consecutiveFailures: 0,
        failingSince: null,
        fanoutSeq: await tx.events.lastSeq(orgId),
      };
    }
    await tx.webhooks.updateEndpoint(after);
    return toWebhookEndpointView(after);
  });
}

/** Deletes the endpoint with its deliveries and their attempts. */
export async function deleteWebhookEndpoint(
  deps: Pick<WebhookDeps, 'store'>,
  orgId: string,
  id: string,
): Promise<void> {
  if (!(await deps.store.webhooks.deleteEndpoint(orgId, id))) throw endpointNotFound(id);
}

/** A new secret, shown once; the old one keeps signing (a second signature) for PREVIOUS_SECRET_GRACE_MS. */
export async function rotateWebhookSecret(
  deps: Pick<WebhookDeps, 'store' | 'clock'>,
  orgId: string,
  id: string,
): Promise<WebhookEndpointWithSecret> {
  const secret = generateWebhookSecret();
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const before = await requireEndpoint(tx, orgId, id);
    const after: WebhookEndpointRecord = {
      ...before,
      secret,
      previousSecret: before.secret,
      previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS).toISOString(),
      updatedAt: now.toISOString(),
    };
    await tx.webhooks.updateEndpoint(after);
    return { endpoint: toWebhookEndpointView(after), secret };
  });
}

/** Newest first; `cursor` is the previous page's nextCursor. */
export async function listWebhookDeliveries(
  deps: Pick<WebhookDeps, 'store'>,
  orgId: string,
  endpointId: string,
  query: { readonly status?: WebhookDeliveryStatus; readonly cursor?: string; readonly limit?: number } = {},
): Promise<WebhookPage<WebhookDeliveryView>> {
  const limit = checkWebhookPageSize(query.limit);
  const { store } = deps;
  await requireEndpoint(store, orgId, endpointId);
  const rows = await store.webhooks.listDeliveries(orgId, endpointId, {
    limit: limit + 1,
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.cursor === undefined ? {} : { before: query.cursor }),
  });
  return toPage(rows, limit, toWebhookDeliveryView);
}

export async function getWebhookDelivery(
  deps: Pick<WebhookDeps, 'store'>,
  orgId: string,
  id: string,
): Promise<WebhookDeliveryView> {
  const delivery = await deps.store.webhooks.getDelivery(orgId, id);
  if (delivery === undefined) throw deliveryNotFound(id);
  return toWebhookDeliveryView(delivery);
}

/** Oldest first; `cursor` is the previous page's nextCursor. */
export async function listWebhookAttempts(
  deps: Pick<WebhookDeps, 'store'>,
  orgId: string,
  deliveryId: string,
  query: { readonly cursor?: string; readonly limit?: number } = {},
): Promise<WebhookPage<WebhookAttemptRecord>> {
  const limit = checkWebhookPageSize(query.limit);
  const { store } = deps;
  if ((await store.webhooks.getDelivery(orgId, deliveryId)) === undefined) throw deliveryNotFound(deliveryId);
  const rows = await store.webhooks.listAttempts(orgId, deliveryId, {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { after: query.cursor }),
  });
  return toPage(rows, limit, (a) => a);
}

function toPage<R extends { readonly id: string }, V>(
  rows: readonly R[],
  limit: number,
  view: (row: R) => V,
): WebhookPage<V> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(view),
    ...(rows.length > limit && last !== undefined ? { nextCursor: last.id } : {}),
  };
}

/**
 * Sends the delivery again, due now with a new retry window, with the same webhook-id (a receiver that already
 * processed it may drop it as a duplicate). A delivered one gets a new attempt.
 */
export async function redeliverWebhook(
  deps: Pick<WebhookDeps, 'store' | 'clock'>,
  orgId: string,
  deliveryId: string,
): Promise<WebhookDeliveryView> {
  return deps.store.transaction(async (tx) => {
    const delivery = await tx.webhooks.getDelivery(orgId, deliveryId);
    if (delivery === undefined) throw deliveryNotFound(deliveryId);
    const endpoint = await requireEndpoint(tx, orgId, delivery.endpointId);
    if (endpoint.status === 'disabled') throw endpointDisabled(endpoint.id);
    const now = deps.clock.now();
    // An attempt in flight records its own outcome when it ends, which would overwrite the requeue.
    if (delivery.lockedUntil !== null && Date.parse(delivery.lockedUntil) > now.getTime()) {
      throw new ScimError(
        409,
        `delivery ${JSON.stringify(deliveryId)} is being sent right now; redeliver it once this attempt is recorded`,
      );
    }
    await tx.webhooks.requeueDelivery(orgId, deliveryId, now.toISOString());
    const requeued = await tx.webhooks.getDelivery(orgId, deliveryId);
    return toWebhookDeliveryView(requeued ?? delivery);
  });
}

/** Queues a `webhook.test` delivery to this endpoint only; it is not an outbox event and has no sequence. */
export async function sendTestWebhook(
  deps: WebhookDeps,
  orgId: string,
  endpointId: string,
): Promise<WebhookDeliveryView> {
  const { store, clock, ids } = deps;
  return store.transaction(async (tx) => {
    const endpoint = await requireEndpoint(tx, orgId, endpointId);
    if (endpoint.status === 'disabled') throw endpointDisabled(endpointId);
    const now = clock.now().toISOString();
    const id = ids.newId();
    const payload = buildTestWebhookPayload({ id, orgId, endpointId, at: now });
    const delivery: WebhookDeliveryRecord = {
      id,
      orgId,
      endpointId,
      eventSeq: null,
      eventId: id,
      eventType: TEST_EVENT_TYPE,
      // Unique: a test delivery waits for no other delivery and holds none back.
      resourceKey: `test:${id}`,
      payload,
      status: 'pending',
      attempts: 0,
      failedAttempts: 0,
      firstAttemptAt: null,
      nextAttemptAt: now,
      lockedUntil: null,
      createdAt: now,
      lastAttemptAt: null,
      deliveredAt: null,
    };
    await tx.webhooks.insertDeliveries([delivery]);
    return toWebhookDeliveryView(delivery);
  });
}
