// /webhooks and /webhook-deliveries: an organization's webhook endpoints, their deliveries and each delivery's
// attempts (docs/webhooks.md). A signing secret is in the create and rotate responses once (field `secret`); the
// worker sends deliveries in the background, so redelivery and test events answer 202 with the queued delivery.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AdminServices } from '../../domain/admin-services.js';
import { EVENT_TYPES } from '../../domain/events.js';
import type { EventType, WebhookAttemptRecord } from '../../domain/ports.js';
import type { WebhookDeliveryView, WebhookEndpointView } from '../../domain/webhooks.js';
import { problem } from './admin-api-error.js';
import { orgOf } from './admin-auth.js';
import {
  adminSchema,
  IdParams,
  NoContent,
  NullableString,
  Timestamp,
  type AdminApp,
} from './admin-schemas.js';
import { decodeCursor, encodeCursor, pageArray, pageOf, pageQuery, pageRequest } from './paging.js';

const TAGS = ['webhooks'];

const EventTypeSchema = Type.Unsafe<EventType>(Type.String({ enum: [...EVENT_TYPES] }));

const EndpointSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(EventTypeSchema, { description: '[] = every event type' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('failing'), Type.Literal('disabled')], {
    description:
      'failing: the last 5 or more attempts failed (deliveries go on); disabled: gets no deliveries',
  }),
  consecutiveFailures: Type.Integer({ minimum: 0 }),
  failingSince: NullableString,
  previousSecretExpiresAt: Type.Union([Type.String(), Type.Null()], {
    description: 'After a rotation: until then deliveries are signed with the previous secret too',
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const EndpointWithSecretSchema = Type.Object({
  ...EndpointSchema.properties,
  secret: Type.String({ description: 'Signing secret (whsec_…): shown only in this response' }),
});

const DeliverySchema = Type.Object({
  id: Type.String(),
  endpointId: Type.String(),
  eventId: Type.String({ description: 'The webhook-id header: the same on every attempt' }),
  eventType: Type.String(),
  sequence: Type.Union([Type.Integer(), Type.Null()], { description: 'null for a test event' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer({ minimum: 0 }),
  nextAttemptAt: Timestamp,
  lastAttemptAt: NullableString,
  deliveredAt: NullableString,
  createdAt: Timestamp,
  payload: Type.Unknown({ description: 'The JSON body sent' }),
});

const AttemptSchema = Type.Object({
  id: Type.String(),
  attemptedAt: Timestamp,
  statusCode: Type.Union([Type.Integer(), Type.Null()], { description: 'null: no HTTP response' }),
  durationMs: Type.Integer({ minimum: 0 }),
  error: NullableString,
  responseExcerpt: Type.Union([Type.String(), Type.Null()], {
    description: 'First KiB of the response body',
  }),
});

const EndpointFields = {
  url: Type.String({ minLength: 1, maxLength: 2048, description: 'http(s) URL; use https in production' }),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  eventTypes: Type.Optional(Type.Array(EventTypeSchema, { description: '[] or absent = every event type' })),
  enabled: Type.Optional(Type.Boolean({ description: 'false: no deliveries (default true)' })),
};

/**
 * The actions (rotate, test, redeliver) take no input; an empty JSON object, or no body at all, is accepted, so
 * the OpenAPI document describes a body for every POST.
 */
const NoInput = Type.Object({}, { additionalProperties: false, description: 'No input: {} or no body' });

/** Lets a bodiless action request through NoInput's validation as `{}`. */
function bodyDefaultsToEmpty(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  request.body ??= {};
  done();
}

const toEndpoint = (e: WebhookEndpointView) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: [...e.eventTypes],
  status: e.status,
  consecutiveFailures: e.consecutiveFailures,
  failingSince: e.failingSince,
  previousSecretExpiresAt: e.previousSecretExpiresAt,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

const toDelivery = (d: WebhookDeliveryView) => ({
  id: d.id,
  endpointId: d.endpointId,
  eventId: d.eventId,
  eventType: d.eventType,
  sequence: d.eventSeq,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt,
  lastAttemptAt: d.lastAttemptAt,
  deliveredAt: d.deliveredAt,
  createdAt: d.createdAt,
  payload: d.payload,
});

const toAttempt = (a: WebhookAttemptRecord) => ({
  id: a.id,
  attemptedAt: a.attemptedAt,
  statusCode: a.statusCode,
  durationMs: a.durationMs,
  error: a.error,
  responseExcerpt: a.responseExcerpt,
});

/** The row id a page ended at, inside the opaque cursor. */
function positionOf(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor);
  const id =
    typeof position === 'object' && position !== null && !Array.isArray(position) ? position['p'] : undefined;
  if (typeof id !== 'string') throw problem('invalid_cursor', 'The cursor is not one this server issued');
  return id;
}

const nextCursorOf = (id: string | undefined): string | null =>
  id === undefined ? null : encodeCursor({ p: id });

export function registerWebhooksRoutes(app: AdminApp, services: AdminServices): void {
  const { webhooks } = services;

  app.post(
    '/webhooks',
    {
      schema: adminSchema({
        summary: 'Create a webhook endpoint; it receives the events from now on',
        tags: TAGS,
        body: Type.Object(EndpointFields, { additionalProperties: false }),
        response: { 201: EndpointWithSecretSchema },
      }),
    },
    async (request, reply) => {
      const created = await webhooks.create(orgOf(request).id, request.body);
      return reply.code(201).send({ ...toEndpoint(created.endpoint), secret: created.secret });
    },
  );

  app.get(
    '/webhooks',
    {
      schema: adminSchema({
        summary: 'List the webhook endpoints (never their secrets), oldest first',
        tags: TAGS,
        querystring: pageQuery({}),
        response: { 200: pageOf(EndpointSchema) },
      }),
    },
    async (request) => {
      const page = pageArray(await webhooks.list(orgOf(request).id), request.query);
      return { items: page.items.map(toEndpoint), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/webhooks/:id',
    {
      schema: adminSchema({
        summary: 'Get a webhook endpoint',
        tags: TAGS,
        params: IdParams,
        response: { 200: EndpointSchema },
      }),
    },
    async (request) => toEndpoint(await webhooks.get(orgOf(request).id, request.params.id)),
  );

  app.patch(
    '/webhooks/:id',
    {
      schema: adminSchema({
        summary: 'Change a webhook endpoint; enabled=true on a disabled one resumes with new events',
        tags: TAGS,
        params: IdParams,
        body: Type.Partial(Type.Object(EndpointFields), { additionalProperties: false }),
        response: { 200: EndpointSchema },
      }),
    },
    async (request) => toEndpoint(await webhooks.update(orgOf(request).id, request.params.id, request.body)),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: adminSchema({
        summary: 'Delete a webhook endpoint with its deliveries',
        tags: TAGS,
        params: IdParams,
        response: { 204: NoContent },
      }),
    },
    async (request, reply) => {
      await webhooks.delete(orgOf(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/webhooks/:id/rotate-secret',
    {
      preValidation: bodyDefaultsToEmpty,
      schema: adminSchema({
        summary: 'Replace the signing secret; the previous one keeps signing for 24 hours',
        tags: TAGS,
        params: IdParams,
        body: NoInput,
        response: { 200: EndpointWithSecretSchema },
      }),
    },
    async (request) => {
      const rotated = await webhooks.rotateSecret(orgOf(request).id, request.params.id);
      return { ...toEndpoint(rotated.endpoint), secret: rotated.secret };
    },
  );

  app.post(
    '/webhooks/:id/test',
    {
      preValidation: bodyDefaultsToEmpty,
      schema: adminSchema({
        summary: 'Queue a webhook.test event to this endpoint only',
        tags: TAGS,
        params: IdParams,
        body: NoInput,
        response: { 202: DeliverySchema },
      }),
    },
    async (request, reply) =>
      reply.code(202).send(toDelivery(await webhooks.sendTest(orgOf(request).id, request.params.id))),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: adminSchema({
        summary: "List an endpoint's deliveries, newest first",
        tags: TAGS,
        params: IdParams,
        querystring: pageQuery({
          status: Type.Optional(
            Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
          ),
        }),
        response: { 200: pageOf(DeliverySchema) },
      }),
    },
    async (request) => {
      const { limit, cursor } = pageRequest(request.query);
      const position = positionOf(cursor);
      const { status } = request.query;
      const page = await webhooks.listDeliveries(orgOf(request).id, request.params.id, {
        limit,
        ...(position === undefined ? {} : { cursor: position }),
        ...(status === undefined ? {} : { status }),
      });
      return { items: page.items.map(toDelivery), nextCursor: nextCursorOf(page.nextCursor) };
    },
  );

  app.get(
    '/webhook-deliveries/:id',
    {
      schema: adminSchema({
        summary: 'Get a webhook delivery',
        tags: TAGS,
        params: IdParams,
        response: { 200: DeliverySchema },
      }),
    },
    async (request) => toDelivery(await webhooks.getDelivery(orgOf(request).id, request.params.id)),
  );

  app.get(
    '/webhook-deliveries/:id/attempts',
    {
      schema: adminSchema({
        summary: "List a delivery's attempts, oldest first",
        tags: TAGS,
        params: IdParams,
        querystring: pageQuery({}),
        response: { 200: pageOf(AttemptSchema) },
      }),
    },
    async (request) => {
      const { limit, cursor } = pageRequest(request.query);
      const position = positionOf(cursor);
      const page = await webhooks.listAttempts(orgOf(request).id, request.params.id, {
        limit,
        ...(position === undefined ? {} : { cursor: position }),
      });
      return { items: page.items.map(toAttempt), nextCursor: nextCursorOf(page.nextCursor) };
    },
  );

  app.post(
    '/webhook-deliveries/:id/redeliver',
    {
      preValidation: bodyDefaultsToEmpty,
      schema: adminSchema({
        summary: 'Send a delivery again (same webhook-id), due now with a new retry window',
        tags: TAGS,
        params: IdParams,
        body: NoInput,
        response: { 202: DeliverySchema },
      }),
    },
    async (request, reply) =>
      reply.code(202).send(toDelivery(await webhooks.redeliver(orgOf(request).id, request.params.id))),
  );
}
