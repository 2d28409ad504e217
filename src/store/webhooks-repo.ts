// WebhookRepo: endpoints, their deliveries and the attempts of each delivery. The worker's reads (endpointsBehind,
// dueDeliveries) span organizations; every other method takes the organization id first, like all repositories.
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  EventType,
  WebhookAttemptRecord,
  WebhookDeliveryRecord,
  WebhookDeliveryStatus,
  WebhookEndpointRecord,
  WebhookEndpointStatus,
  WebhookEventType,
  WebhookRepo,
} from '../domain/ports.js';
import { inChunks } from './in-chunks.js';
import type {
  Database,
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
} from './schema.js';
import type { SqlDialect } from './sql-dialect.js';

/** 19 bound parameters per row. */
const ROWS_PER_INSERT = 100;

function toEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord {
  const types: unknown = JSON.parse(row.event_types);
  return {
    id: row.id,
    orgId: row.org_id,
    url: row.url,
    description: row.description,
    // Written only from validated EventType lists by the webhook use cases.
    eventTypes: Array.isArray(types) ? (types as EventType[]) : [],
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    status: row.status as WebhookEndpointStatus,
    consecutiveFailures: row.consecutive_failures,
    failingSince: row.failing_since,
    fanoutSeq: row.fanout_seq,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDeliveryRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    endpointId: row.endpoint_id,
    eventSeq: row.event_seq === null ? null : row.event_seq,
    eventId: row.event_id,
    eventType: row.event_type as WebhookEventType,
    resourceKey: row.resource_key,
    payload: row.payload,
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts,
    failedAttempts: row.failed_attempts,
    firstAttemptAt: row.first_attempt_at,
    nextAttemptAt: row.next_attempt_at,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
  };
}

function toAttempt(row: Selectable<WebhookAttemptsTable>): WebhookAttemptRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    deliveryId: row.delivery_id,
    attemptedAt: row.attempted_at,
    statusCode: row.status_code === null ? null : row.status_code,
    durationMs: row.duration_ms,
    error: row.error,
    responseExcerpt: row.response_excerpt,
  };
}

function endpointColumns(e: WebhookEndpointRecord) {
  return {
    url: e.url,
    description: e.description,
    event_types: JSON.stringify(e.eventTypes),
    secret: e.secret,
    previous_secret: e.previousSecret,
    previous_secret_expires_at: e.previousSecretExpiresAt,
    status: e.status,
    consecutive_failures: e.consecutiveFailures,
    failing_since: e.failingSince,
    fanout_seq: e.fanoutSeq,
    updated_at: e.updatedAt,
  };
}

export function webhooksRepo(db: Kysely<Database>, dialect: Pick<SqlDialect, 'name'>): WebhookRepo {
  return {
    async insertEndpoint(endpoint) {
      await db
        .insertInto('webhook_endpoints')
        .values({
          id: endpoint.id,
          org_id: endpoint.orgId,
          created_at: endpoint.createdAt,
          ...endpointColumns(endpoint),
        })
        .execute();
    },

    async getEndpoint(orgId, id) {
      const row = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toEndpoint(row);
    },

    async listEndpoints(orgId) {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toEndpoint);
    },

    async updateEndpoint(endpoint) {
      await db
        .updateTable('webhook_endpoints')
        .set(endpointColumns(endpoint))
        .where('org_id', '=', endpoint.orgId)
        .where('id', '=', endpoint.id)
        .execute();
    },

    async deleteEndpoint(orgId, id) {
      const result = await db
        .deleteFrom('webhook_endpoints')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async endpointsBehind(limit) {
      const rows = await db
        .selectFrom('webhook_endpoints as e')
        .selectAll('e')
        .where('e.status', '!=', 'disabled')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('events as ev')
              .select(sql.lit(1).as('one'))
              .whereRef('ev.org_id', '=', 'e.org_id')
              .whereRef('ev.seq', '>', 'e.fanout_seq'),
          ),
        )
        .orderBy('e.id')
        .limit(limit)
        .execute();
      return rows.map(toEndpoint);
    },

    async advanceFanout(orgId, id, from, to) {
      const result = await db
        .updateTable('webhook_endpoints')
        .set({ fanout_seq: to })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('fanout_seq', '=', from)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async insertDeliveries(deliveries) {
      await inChunks(
        deliveries,
        async (chunk) => {
          await db
            .insertInto('webhook_deliveries')
            .values(
              chunk.map((d) => ({
                id: d.id,
                org_id: d.orgId,
                endpoint_id: d.endpointId,
                event_seq: d.eventSeq,
                event_id: d.eventId,
                event_type: d.eventType,
                resource_key: d.resourceKey,
                payload: d.payload,
                status: d.status,
                attempts: d.attempts,
                failed_attempts: d.failedAttempts,
                first_attempt_at: d.firstAttemptAt,
                next_attempt_at: d.nextAttemptAt,
                locked_until: d.lockedUntil,
                created_at: d.createdAt,
                last_attempt_at: d.lastAttemptAt,
                delivered_at: d.deliveredAt,
              })),
            )
            .execute();
        },
        ROWS_PER_INSERT,
      );
    },

    async getDelivery(orgId, id) {
      const row = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toDelivery(row);
    },

    async listDeliveries(orgId, endpointId, filter) {
      let query = db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('endpoint_id', '=', endpointId);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.before !== undefined) query = query.where('id', '<', filter.before);
      const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
      return rows.map(toDelivery);
    },

    async dueDeliveries(now, limit) {
      const rows = await db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
        .selectAll('d')
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('d.locked_until', 'is', null), eb('d.locked_until', '<=', now)]))
        .where('e.status', '!=', 'disabled')
        // Per-resource order: an earlier event of the same resource still pending holds this one back.
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('webhook_deliveries as p')
                .select(sql.lit(1).as('one'))
                .whereRef('p.endpoint_id', '=', 'd.endpoint_id')
                .whereRef('p.resource_key', '=', 'd.resource_key')
                .where('p.status', '=', 'pending')
                .whereRef('p.event_seq', '<', 'd.event_seq'),
            ),
          ),
        )
        .orderBy('d.next_attempt_at')
        .orderBy('d.id')
        .limit(limit)
        // PostgreSQL: the rows are claimed for the caller's transaction (which leases them), and a row another worker
        // is claiming is skipped rather than waited for, so workers never queue behind each other's claims. SQLite
        // has no row locks and needs none: its writers take turns.
        .$if(dialect.name === 'postgres', (qb) => qb.forUpdate('d').skipLocked())
        .execute();
      return rows.map(toDelivery);
    },

    async lease(id, now, until) {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ locked_until: until })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async completeAttempt(attempt, lease, result) {
      // The delivery first: when the lease was lost (or the endpoint deleted meanwhile) nothing is written at all.
      const updated = await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          status: result.status,
          attempts: eb('attempts', '+', 1),
          failed_attempts: result.failedAttempts,
          first_attempt_at: result.firstAttemptAt,
          next_attempt_at: result.nextAttemptAt,
          last_attempt_at: attempt.attemptedAt,
          locked_until: null,
          ...(result.deliveredAt === null ? {} : { delivered_at: result.deliveredAt }),
        }))
        .where('org_id', '=', attempt.orgId)
        .where('id', '=', attempt.deliveryId)
        .where('locked_until', '=', lease)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      await db
        .insertInto('webhook_attempts')
        .values({
          id: attempt.id,
          org_id: attempt.orgId,
          delivery_id: attempt.deliveryId,
          attempted_at: attempt.attemptedAt,
          status_code: attempt.statusCode,
          duration_ms: attempt.durationMs,
          error: attempt.error,
          response_excerpt: attempt.responseExcerpt,
        })
        .execute();
      return true;
    },

    async recordEndpointSuccess(orgId, id) {
      await db
        .updateTable('webhook_endpoints')
        .set({
          consecutive_failures: 0,
          status: sql<string>`case when status = 'failing' then 'active' else status end`,
          failing_since: null,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        // No write at all in the steady state: a healthy endpoint's row is left alone.
        .where((eb) => eb.or([eb('consecutive_failures', '>', 0), eb('status', '=', 'failing')]))
        .execute();
    },

    async recordEndpointFailure(orgId, id, at, failingAfter) {
      // The right-hand sides read the row as it was before this update (SQL UPDATE semantics in every dialect).
      const turnsFailing = sql`status = 'active' and consecutive_failures + 1 >= ${failingAfter}`;
      await db
        .updateTable('webhook_endpoints')
        .set({
          consecutive_failures: sql<number>`consecutive_failures + 1`,
          status: sql<string>`case when ${turnsFailing} then 'failing' else status end`,
          failing_since: sql<string | null>`case when ${turnsFailing} then ${at} else failing_since end`,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },

    async requeueDelivery(orgId, id, at) {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({
          status: 'pending',
          next_attempt_at: at,
          failed_attempts: 0,
          first_attempt_at: null,
          delivered_at: null,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async listAttempts(orgId, deliveryId, filter) {
      let query = db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('delivery_id', '=', deliveryId);
      if (filter.after !== undefined) query = query.where('id', '>', filter.after);
      const rows = await query.orderBy('id').limit(filter.limit).execute();
      return rows.map(toAttempt);
    },
  };
}
