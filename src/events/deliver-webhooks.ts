// Delivery: lease the due deliveries, send each once, record the attempt and decide what comes next (delivered,
// retry later, or failed once the retry window is over). The lease (locked_until) keeps any other worker off a
// delivery while it is in flight; the store hands out only the earliest pending delivery of each endpoint and
// resource, so one resource's events reach an endpoint in sequence order.
import type {
  Clock,
  Ids,
  StoreTx,
  WebhookAttemptResult,
  WebhookDeliveryRecord,
  WebhookEndpointRecord,
} from '../domain/ports.js';
import { sendWebhook, type WebhookFetch, type WebhookSendResult } from './send-webhook.js';
import { signWebhook } from './sign-webhook.js';
import { webhookBackoff, type WebhookRetryPolicy } from './webhook-backoff.js';

type DeliverRepos = Pick<StoreTx, 'webhooks'>;

export interface DeliverStore extends DeliverRepos {
  transaction<T>(fn: (tx: DeliverRepos) => Promise<T>): Promise<T>;
}

export interface DeliverDeps {
  readonly store: DeliverStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly fetch: WebhookFetch;
  readonly timeoutMs: number;
  readonly retry: WebhookRetryPolicy;
  /** Consecutive failed attempts after which an endpoint is marked failing. */
  readonly failingAfter: number;
  /** Deliveries leased per pass. */
  readonly batchSize: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** True once the worker is stopping: lanes send nothing more (the unsent leases expire and are retried). */
  readonly isStopping?: () => boolean;
}

const USER_AGENT = 'Muster-Webhooks/1';
/** A lease outlives the request's timeout by this much, so a slow recording never lets a second worker in. */
const LEASE_MARGIN_MS = 60_000;

interface Leased {
  readonly delivery: WebhookDeliveryRecord;
  readonly endpoint: WebhookEndpointRecord;
  readonly lease: string;
}

async function leaseDue(deps: DeliverDeps): Promise<Leased[]> {
  const now = deps.clock.now();
  const nowText = now.toISOString();
  // Each lane sends its share one after another: the last one may start (batch ÷ lanes − 1) timeouts from now, and
  // its lease must still hold then, or a second worker would send it too.
  const perLane = Math.ceil(deps.batchSize / Math.max(1, deps.concurrency));
  const lease = new Date(now.getTime() + perLane * deps.timeoutMs + LEASE_MARGIN_MS).toISOString();
  return deps.store.transaction(async (tx) => {
    const leased: Leased[] = [];
    const endpoints = new Map<string, WebhookEndpointRecord | undefined>();
    for (const delivery of await tx.webhooks.dueDeliveries(nowText, deps.batchSize)) {
      if (!endpoints.has(delivery.endpointId)) {
        endpoints.set(
          delivery.endpointId,
          await tx.webhooks.getEndpoint(delivery.orgId, delivery.endpointId),
        );
      }
      const endpoint = endpoints.get(delivery.endpointId);
      if (endpoint === undefined) continue;
      if (await tx.webhooks.lease(delivery.id, nowText, lease)) leased.push({ delivery, endpoint, lease });
    }
    return leased;
  });
}

/** The current secret, and the previous one while its grace period lasts (receivers mid-rotation). */
function signingSecrets(endpoint: WebhookEndpointRecord, at: string): string[] {
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret !== null && endpoint.previousSecretExpiresAt !== null) {
    if (at < endpoint.previousSecretExpiresAt) secrets.push(endpoint.previousSecret);
  }
  return secrets;
}

function nextState(
  deps: DeliverDeps,
  delivery: WebhookDeliveryRecord,
  sent: WebhookSendResult,
  at: Date,
): WebhookAttemptResult {
  const atText = at.toISOString();
  const firstAttemptAt = delivery.firstAttemptAt ?? atText;
  if (sent.ok) {
    return {
      status: 'delivered',
      failedAttempts: delivery.failedAttempts,
      firstAttemptAt,
      nextAttemptAt: delivery.nextAttemptAt,
      deliveredAt: atText,
    };
  }
  const failedAttempts = delivery.failedAttempts + 1;
  const decision = webhookBackoff(deps.retry, failedAttempts, Date.parse(firstAttemptAt), at.getTime());
  return {
    status: decision.kind === 'retry' ? 'pending' : 'failed',
    failedAttempts,
    firstAttemptAt,
    nextAttemptAt: decision.kind === 'retry' ? new Date(decision.atMs).toISOString() : delivery.nextAttemptAt,
    deliveredAt: null,
  };
}

async function attempt(deps: DeliverDeps, { delivery, endpoint, lease }: Leased): Promise<void> {
  const at = deps.clock.now();
  const atText = at.toISOString();
  const content = {
    msgId: delivery.eventId,
    timestamp: Math.floor(at.getTime() / 1000),
    body: delivery.payload,
  };
  const sent = await sendWebhook(
    deps.fetch,
    {
      url: endpoint.url,
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'webhook-id': content.msgId,
        'webhook-timestamp': String(content.timestamp),
        'webhook-signature': signWebhook(signingSecrets(endpoint, atText), content),
      },
      body: delivery.payload,
    },
    deps.timeoutMs,
  );
  await deps.store.transaction(async (tx) => {
    const held = await tx.webhooks.completeAttempt(
      {
        id: deps.ids.newId(),
        orgId: delivery.orgId,
        deliveryId: delivery.id,
        attemptedAt: atText,
        statusCode: sent.statusCode,
        durationMs: sent.durationMs,
        error: sent.error,
        responseExcerpt: sent.responseExcerpt,
      },
      lease,
      nextState(deps, delivery, sent, at),
    );
    if (!held) return;
    if (sent.ok) await tx.webhooks.recordEndpointSuccess(delivery.orgId, delivery.endpointId);
    else {
      await tx.webhooks.recordEndpointFailure(delivery.orgId, delivery.endpointId, atText, deps.failingAfter);
    }
  });
}

/** One pass: leases up to batchSize due deliveries and sends them, `concurrency` at a time; returns how many. */
export async function deliverWebhooks(deps: DeliverDeps): Promise<number> {
  const leased = await leaseDue(deps);
  let next = 0;
  const errors: unknown[] = [];
  const lane = async (): Promise<void> => {
    for (let item = leased[next++]; item !== undefined; item = leased[next++]) {
      if (deps.isStopping?.() === true) return;
      // One failed recording must not leave the other lanes running unawaited; its lease expires and it is retried.
      await attempt(deps, item).catch((error: unknown) => errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency, leased.length) }, lane));
  if (errors.length > 0) throw errors[0];
  return leased.length;
}
