// Ports of webhook endpoints, deliveries and attempts (re-exported by ports.ts).
import type { EventType } from './access-ports.js';

// ---- webhooks --------------------------------------------------------------------------------------------------

/** 'failing': the last N attempts to it failed (deliveries go on); 'disabled': switched off, gets no deliveries. */
export type WebhookEndpointStatus = 'active' | 'failing' | 'disabled';

/** The event types a delivery can carry: the outbox's, plus the test event an admin sends to one endpoint. */
export type WebhookEventType = EventType | 'webhook.test';

export interface WebhookEndpointRecord {
  readonly id: string;
  readonly orgId: string;
  readonly url: string;
  readonly description: string;
  /** [] = every event type. */
  readonly eventTypes: readonly EventType[];
  /** `whsec_…`, kept readable because every delivery is signed with it; shown to admins only on create and rotate. */
  readonly secret: string;
  /** The secret before the last rotation: deliveries carry its signature too until it expires. */
  readonly previousSecret: string | null;
  readonly previousSecretExpiresAt: string | null;
  readonly status: WebhookEndpointStatus;
  readonly consecutiveFailures: number;
  readonly failingSince: string | null;
  /** The org's events up to this seq have been turned into deliveries (or skipped) for this endpoint. */
  readonly fanoutSeq: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveryRecord {
  readonly id: string;
  readonly orgId: string;
  readonly endpointId: string;
  /** Null for a test delivery. */
  readonly eventSeq: number | null;
  /** The webhook-id header: stable across attempts, so receivers can drop duplicates. */
  readonly eventId: string;
  readonly eventType: WebhookEventType;
  /** `user:<id>`, `team:<id>`…: one endpoint gets the deliveries of one resource in seq order. */
  readonly resourceKey: string;
  /** The exact JSON body sent and signed. */
  readonly payload: string;
  readonly status: WebhookDeliveryStatus;
  /** Every attempt ever made. */
  readonly attempts: number;
  /** Failed attempts since the delivery was last queued (created or redelivered): picks the next backoff step. */
  readonly failedAttempts: number;
  /** First attempt since the delivery was last queued: the retry window runs from it. */
  readonly firstAttemptAt: string | null;
  readonly nextAttemptAt: string;
  /** A worker's lease: no other worker sends the delivery before then. */
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  readonly lastAttemptAt: string | null;
  readonly deliveredAt: string | null;
}

export interface WebhookAttemptRecord {
  readonly id: string;
  readonly orgId: string;
  readonly deliveryId: string;
  readonly attemptedAt: string;
  /** Null when no HTTP response came back (refused, timed out, TLS error). */
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
  /** The first KiB of the response body at most. */
  readonly responseExcerpt: string | null;
}

/** Where a delivery stands after an attempt: the worker decides, the store writes it. */
export interface WebhookAttemptResult {
  readonly status: WebhookDeliveryStatus;
  readonly failedAttempts: number;
  readonly firstAttemptAt: string;
  readonly nextAttemptAt: string;
  readonly deliveredAt: string | null;
}

export interface WebhookRepo {
  insertEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  getEndpoint(orgId: string, id: string): Promise<WebhookEndpointRecord | undefined>;
  /** Oldest first. */
  listEndpoints(orgId: string): Promise<readonly WebhookEndpointRecord[]>;
  /** Writes url, description, event types, secrets, status, failure count, fan-out position and updated_at. */
  updateEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  /** Deletes the endpoint with its deliveries and attempts. */
  deleteEndpoint(orgId: string, id: string): Promise<boolean>;
  /** Endpoints of every organization that are not disabled and whose organization has events after fanoutSeq. */
  endpointsBehind(limit: number): Promise<readonly WebhookEndpointRecord[]>;
  /** Moves fanout_seq from `from` to `to`; false when it is no longer `from` (another worker got there first). */
  advanceFanout(orgId: string, id: string, from: number, to: number): Promise<boolean>;
  insertDeliveries(deliveries: readonly WebhookDeliveryRecord[]): Promise<void>;
  getDelivery(orgId: string, id: string): Promise<WebhookDeliveryRecord | undefined>;
  /** Newest first, before the cursor id. */
  listDeliveries(
    orgId: string,
    endpointId: string,
    filter: { readonly status?: WebhookDeliveryStatus; readonly before?: string; readonly limit: number },
  ): Promise<readonly WebhookDeliveryRecord[]>;
  /**
   * Deliveries of every organization that are pending, due at `now`, not leased, of an endpoint that is not disabled,
   * and the earliest pending one of their endpoint and resource. Oldest first. Inside a transaction they are held for
   * it to lease: a concurrent transaction of another worker passes over them instead of waiting.
   */
  dueDeliveries(now: string, limit: number): Promise<readonly WebhookDeliveryRecord[]>;
  /** Takes the lease (locked_until = `until`) when the delivery is still pending and unleased at `now`. */
  lease(id: string, now: string, until: string): Promise<boolean>;
  /**
   * Stores the attempt and the delivery's new state, freeing the lease, while `lease` is still the delivery's lease.
   * False, writing nothing, when the lease was lost or the delivery is gone (its endpoint deleted meanwhile).
   */
  completeAttempt(
    attempt: WebhookAttemptRecord,
    lease: string,
    result: WebhookAttemptResult,
  ): Promise<boolean>;
  /** Zero consecutive failures; a failing endpoint is active again. */
  recordEndpointSuccess(orgId: string, id: string): Promise<void>;
  /** One more consecutive failure; an active endpoint with `failingAfter` of them is failing from `at`. */
  recordEndpointFailure(orgId: string, id: string, at: string, failingAfter: number): Promise<void>;
  /** Pending again, due at `at`, with a new retry window; an in-flight attempt keeps its lease. */
  requeueDelivery(orgId: string, id: string, at: string): Promise<boolean>;
  /** Oldest first, after the cursor id. */
  listAttempts(
    orgId: string,
    deliveryId: string,
    filter: { readonly after?: string; readonly limit: number },
  ): Promise<readonly WebhookAttemptRecord[]>;
}
