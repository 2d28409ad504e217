// EventRepo: the outbox. Sequence numbers come from one counter row per organization, bumped by an upsert inside the
// caller's transaction: the row lock makes concurrent writers of one organization take turns, so commit order equals
// sequence order and a reader paging by seq never skips an event that commits later.
import type { Kysely, Selectable } from 'kysely';
import type { EventFilter, EventRecord, EventRepo, EventResourceType, EventType } from '../domain/ports.js';
import { isJsonObject } from '../shared/json.js';
import { inChunks } from './in-chunks.js';
import type { Database, EventsTable } from './schema.js';

/** 8 bound parameters per row. */
const ROWS_PER_INSERT = 100;

function toEvent(row: Selectable<EventsTable>): EventRecord {
  const data: unknown = JSON.parse(row.data);
  return {
    orgId: row.org_id,
    seq: row.seq,
    id: row.id,
    // Written only from the EventType union by append().
    type: row.type as EventType,
    resourceType: row.resource_type as EventResourceType,
    resourceId: row.resource_id,
    occurredAt: row.occurred_at,
    data: isJsonObject(data) ? data : {},
  };
}

/** The organization's events narrowed by `filter`; a resource's events come from index events_resource. */
function filtered(db: Kysely<Database>, orgId: string, filter: EventFilter | undefined) {
  let query = db.selectFrom('events').selectAll().where('org_id', '=', orgId);
  const types = filter?.types;
  if (types !== undefined && types.length > 0) query = query.where('type', 'in', types);
  if (filter?.resourceId !== undefined) query = query.where('resource_id', '=', filter.resourceId);
  return query;
}

export function eventsRepo(db: Kysely<Database>): EventRepo {
  return {
    async append(orgId, events, occurredAt) {
      if (events.length === 0) return [];
      const counter = await db
        .insertInto('event_sequences')
        .values({ org_id: orgId, last_seq: events.length })
        .onConflict((oc) =>
          oc.column('org_id').doUpdateSet((eb) => ({
            last_seq: eb('event_sequences.last_seq', '+', events.length),
          })),
        )
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      const first = counter.last_seq - events.length + 1;
      const records: EventRecord[] = events.map((event, i) => ({
        ...event,
        orgId,
        seq: first + i,
        occurredAt,
      }));
      await inChunks(
        records,
        async (chunk) => {
          await db
            .insertInto('events')
            .values(
              chunk.map((e) => ({
                org_id: e.orgId,
                seq: e.seq,
                id: e.id,
                type: e.type,
                occurred_at: e.occurredAt,
                resource_type: e.resourceType,
                resource_id: e.resourceId,
                data: JSON.stringify(e.data),
              })),
            )
            .execute();
        },
        ROWS_PER_INSERT,
      );
      return records;
    },

    async list(orgId, after, limit, filter) {
      const query = filtered(db, orgId, filter).where('seq', '>', after);
      const rows = await query.orderBy('seq').limit(limit).execute();
      return rows.map(toEvent);
    },

    async listBefore(orgId, before, limit, filter) {
      let query = filtered(db, orgId, filter);
      if (before !== null) query = query.where('seq', '<', before);
      const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
      return rows.map(toEvent);
    },

    async lastSeq(orgId) {
      const row = await db
        .selectFrom('event_sequences')
        .select('last_seq')
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      return row === undefined ? 0 : row.last_seq;
    },
  };
}
