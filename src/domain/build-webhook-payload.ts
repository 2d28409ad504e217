// Webhook bodies per Standard Webhooks (https://www.standardwebhooks.com/, "Payload structure"): `type`,
// `timestamp` and `data`, plus the event's `id`, `sequence` and `organizationId` so receivers can drop duplicates,
// order per organization and tell tenants apart. The body is built once, stored with the delivery and signed as is.
import type { JsonObject } from '../shared/json.js';
import type { EventRecord, EventType, WebhookEndpointRecord } from './ports.js';

/** The event an admin sends to one endpoint to try it; not an outbox event. */
export const TEST_EVENT_TYPE = 'webhook.test';

/** The body of an outbox event's delivery; `data.id` is the resource's id unless the event data says otherwise. */
export function buildWebhookPayload(event: EventRecord): string {
  const data: JsonObject = { id: event.resourceId, ...event.data };
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt,
    data,
    id: event.id,
    sequence: event.seq,
    organizationId: event.orgId,
  });
}

/** The body of a test delivery: no sequence, since it is not in the outbox. */
export function buildTestWebhookPayload(input: {
  readonly id: string;
  readonly orgId: string;
  readonly endpointId: string;
  readonly at: string;
}): string {
  return JSON.stringify({
    type: TEST_EVENT_TYPE,
    timestamp: input.at,
    data: { endpointId: input.endpointId, message: 'Test event sent from Muster' },
    id: input.id,
    sequence: null,
    organizationId: input.orgId,
  });
}

/** Whether the endpoint's event-type filter lets `type` through ([] = every type). */
export function isWebhookWanted(
  endpoint: Pick<WebhookEndpointRecord, 'eventTypes'>,
  type: EventType,
): boolean {
  return endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(type);
}
