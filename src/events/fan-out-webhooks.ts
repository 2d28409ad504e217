// Fan-out: the outbox events of an organization become one delivery per endpoint that wants them. Each endpoint
// moves through its organization's events by sequence number (fanout_seq); its deliveries and its new position
// commit together, so an event is turned into a delivery exactly once per endpoint, whatever crashes or races.
import { buildWebhookPayload, isWebhookWanted } from '../domain/build-webhook-payload.js';
import type { Clock, Ids, StoreTx, WebhookDeliveryRecord } from '../domain/ports.js';

type FanOutRepos = Pick<StoreTx, 'events' | 'webhooks'>;

export interface FanOutStore extends FanOutRepos {
  transaction<T>(fn: (tx: FanOutRepos) => Promise<T>): Promise<T>;
}

export interface FanOutDeps {
  readonly store: FanOutStore;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Endpoints per pass, and events per endpoint per pass. */
  readonly batchSize: number;
}

/** Thrown inside the transaction to roll it back when another worker moved the endpoint first. */
class FanOutRaced extends Error {}

async function fanOutEndpoint(deps: FanOutDeps, orgId: string, endpointId: string): Promise<number> {
  const { store, clock, ids, batchSize } = deps;
  return store.transaction(async (tx) => {
    // Read again inside the transaction: the endpoint may have moved, been disabled or deleted since the scan.
    const endpoint = await tx.webhooks.getEndpoint(orgId, endpointId);
    if (endpoint === undefined || endpoint.status === 'disabled') return 0;
    const events = await tx.events.list(orgId, endpoint.fanoutSeq, batchSize);
    const last = events.at(-1);
    if (last === undefined) return 0;
    const now = clock.now().toISOString();
    const deliveries: WebhookDeliveryRecord[] = events
      .filter((event) => isWebhookWanted(endpoint, event.type))
      .map((event) => ({
        id: ids.newId(),
        orgId,
        endpointId,
        eventSeq: event.seq,
        eventId: event.id,
        eventType: event.type,
        resourceKey: `${event.resourceType}:${event.resourceId}`,
        payload: buildWebhookPayload(event),
        status: 'pending',
        attempts: 0,
        failedAttempts: 0,
        firstAttemptAt: null,
        nextAttemptAt: now,
        lockedUntil: null,
        createdAt: now,
        lastAttemptAt: null,
        deliveredAt: null,
      }));
    if (deliveries.length > 0) await tx.webhooks.insertDeliveries(deliveries);
    if (!(await tx.webhooks.advanceFanout(orgId, endpointId, endpoint.fanoutSeq, last.seq))) {
      throw new FanOutRaced();
    }
    return events.length;
  });
}

/** One pass over the endpoints that are behind their organization's outbox; returns how many events it moved past. */
export async function fanOutWebhooks(deps: FanOutDeps): Promise<number> {
  let moved = 0;
  for (const endpoint of await deps.store.webhooks.endpointsBehind(deps.batchSize)) {
    try {
      moved += await fanOutEndpoint(deps, endpoint.orgId, endpoint.id);
    } catch (error) {
      if (!(error instanceof FanOutRaced)) throw error;
    }
  }
  return moved;
}
