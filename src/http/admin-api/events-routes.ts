// /events: the organization's change feed, read from the outbox in sequence order. `after` is the last cursor a
// reader has; the response's nextCursor is where to continue (also when nothing new has happened yet). order=desc
// walks back from the newest event instead (a user's or team's recent history with resourceId).
import { Type } from 'typebox';
import type { AdminServices } from '../../domain/admin-services.js';
import { EVENT_TYPES, MAX_EVENTS_PAGE } from '../../domain/events.js';
import type { EventRecord, EventType } from '../../domain/ports.js';
import { orgOf } from './admin-auth.js';
import { adminSchema, Timestamp, type AdminApp } from './admin-schemas.js';

const TAGS = ['events'];

const EventTypeSchema = Type.Unsafe<EventType>(Type.String({ enum: [...EVENT_TYPES] }));

const EventSchema = Type.Object({
  id: Type.String({ description: 'Unique event id (also the webhook-id of its deliveries)' }),
  sequence: Type.Integer({ minimum: 1, description: 'Per-organization, gap-free, increasing' }),
  type: EventTypeSchema,
  occurredAt: Timestamp,
  resourceType: Type.Union([
    Type.Literal('user'),
    Type.Literal('team'),
    Type.Literal('api_key'),
    Type.Literal('scim_token'),
  ]),
  resourceId: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
});

const toEvent = (e: EventRecord) => ({
  id: e.id,
  sequence: e.seq,
  type: e.type,
  occurredAt: e.occurredAt,
  resourceType: e.resourceType,
  resourceId: e.resourceId,
  data: e.data,
});

export function registerEventsRoutes(app: AdminApp, services: AdminServices): void {
  app.get(
    '/events',
    {
      schema: adminSchema({
        summary: 'Page through the change events, oldest first (or newest first with order=desc)',
        tags: TAGS,
        querystring: Type.Object(
          {
            after: Type.Optional(
              Type.String({
                pattern: '^(0|[1-9][0-9]{0,15})$',
                description:
                  'nextCursor of the previous page. Oldest first: the events after it (absent or 0: from the first event); newest first: the events before it (absent: from the newest)',
              }),
            ),
            order: Type.Optional(
              Type.Union([Type.Literal('asc'), Type.Literal('desc')], {
                description:
                  'asc (default): the feed in sequence order, to follow; desc: newest first, e.g. a resource’s recent events',
              }),
            ),
            resourceId: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 200,
                description: 'Only the events of this user, team, API key or SCIM token',
              }),
            ),
            limit: Type.Optional(
              Type.Integer({ minimum: 1, maximum: MAX_EVENTS_PAGE, description: 'Page size (default 100)' }),
            ),
            type: Type.Optional(
              Type.Array(EventTypeSchema, { description: 'Only these types (repeat the parameter)' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(EventSchema),
            nextCursor: Type.String({
              description:
                'Pass as `after` (with the same order) to continue; oldest first, poll again with it when idle',
            }),
            hasMore: Type.Boolean({ description: 'The page is full: more events may follow' }),
          }),
        },
      }),
    },
    async (request) => {
      const { after, limit, type, order, resourceId } = request.query;
      const page = await services.events.list(orgOf(request).id, {
        limit: limit ?? 100,
        ...(after === undefined ? {} : { after }),
        ...(type === undefined ? {} : { types: type }),
        ...(order === undefined ? {} : { order }),
        ...(resourceId === undefined ? {} : { resourceId }),
      });
      return { items: page.items.map(toEvent), nextCursor: page.nextCursor, hasMore: page.hasMore };
    },
  );
}
