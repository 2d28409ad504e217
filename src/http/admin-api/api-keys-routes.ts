// /api-keys, /users/{id}/api-keys, /teams/{id}/api-keys: keys for apps and gateways. A new key is in the create
// response once (field `key`); lists show its status, for a blocked key why (the IdP deprovisioned its user…), and
// its user's and team's names, read with the keys in one statement.
import { Type } from 'typebox';
import type { AdminServices } from '../../domain/admin-services.js';
import type { ApiKeyView } from '../../domain/api-keys.js';
import { orgOf } from './admin-auth.js';
import { adminSchema, IdParams, NullableString, Timestamp, type AdminApp } from './admin-schemas.js';
import { decodeCursor, encodeCursor, pageOf, pageQuery, pageRequest } from './paging.js';
import { problem } from './admin-api-error.js';

const TAGS = ['api-keys'];

const ApiKeyStatusSchema = Type.Union([
  Type.Literal('active'),
  Type.Literal('revoked'),
  Type.Literal('expired'),
  Type.Literal('blocked'),
]);

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  ownerType: Type.Union([Type.Literal('user'), Type.Literal('team')]),
  userId: NullableString,
  teamId: Type.Union([Type.String(), Type.Null()], {
    description: "A team key's team, or the team a user key is bound to (null: all the user's teams)",
  }),
  name: Type.String(),
  displayPrefix: Type.String({ description: 'First characters of the key, to recognise it' }),
  createdAt: Timestamp,
  expiresAt: NullableString,
  lastUsedAt: NullableString,
  revokedAt: NullableString,
  status: ApiKeyStatusSchema,
  blockedReason: Type.Union(
    [
      Type.Literal('user_deactivated'),
      Type.Literal('user_deleted'),
      Type.Literal('team_membership_removed'),
      Type.Literal('team_deleted'),
      Type.Null(),
    ],
    {
      description:
        'Why a blocked key is blocked: the provisioning change that blocked it (undone → unblocked)',
    },
  ),
  blockedAt: NullableString,
  user: Type.Union(
    [
      Type.Object({
        id: Type.String(),
        userName: Type.String(),
        displayName: NullableString,
        active: Type.Boolean(),
      }),
      Type.Null(),
    ],
    { description: "A user key's user as it is now; null for a team key or once the user is deleted" },
  ),
  team: Type.Union([Type.Object({ id: Type.String(), displayName: Type.String() }), Type.Null()], {
    description: 'The team of teamId as it is now; null when teamId is null or once the team is deleted',
  }),
});

export const CreatedApiKeySchema = Type.Object({
  ...ApiKeySchema.properties,
  key: Type.String({ description: 'The API key: shown only in this response, stored only as SHA-256' }),
});

export const KEY_FIELDS = {
  name: Type.String({ minLength: 1, maxLength: 100, description: 'What the key is for' }),
  expiresInDays: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 3650, description: 'Whole days; absent: never expires' }),
  ),
};

const toApiKey = (key: ApiKeyView) => ({ ...key });

/** The key id a page ended at, inside the opaque cursor. */
function afterOf(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor);
  const after =
    typeof position === 'object' && position !== null && !Array.isArray(position) ? position['a'] : undefined;
  if (typeof after !== 'string') throw problem('invalid_cursor', 'The cursor is not one this server issued');
  return after;
}

export function registerApiKeysRoutes(app: AdminApp, services: AdminServices): void {
  const { apiKeys } = services;

  app.post(
    '/users/:id/api-keys',
    {
      schema: adminSchema({
        summary: "Create an API key for a user, optionally bound to one of the user's teams",
        tags: TAGS,
        params: IdParams,
        body: Type.Object(
          {
            ...KEY_FIELDS,
            teamId: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 200,
                description: 'A team the user is a direct member of',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreatedApiKeySchema },
      }),
    },
    async (request, reply) => {
      const created = await apiKeys.createForUser(orgOf(request).id, request.params.id, request.body);
      return reply.code(201).send({ ...toApiKey(created.apiKey), key: created.key });
    },
  );

  app.post(
    '/teams/:id/api-keys',
    {
      schema: adminSchema({
        summary: 'Create an API key for a team',
        tags: TAGS,
        params: IdParams,
        body: Type.Object(KEY_FIELDS, { additionalProperties: false }),
        response: { 201: CreatedApiKeySchema },
      }),
    },
    async (request, reply) => {
      const created = await apiKeys.createForTeam(orgOf(request).id, request.params.id, request.body);
      return reply.code(201).send({ ...toApiKey(created.apiKey), key: created.key });
    },
  );

  app.get(
    '/api-keys',
    {
      schema: adminSchema({
        summary: 'List API keys (never the keys themselves), oldest first',
        tags: TAGS,
        querystring: pageQuery({
          userId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          teamId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          status: Type.Optional({
            ...ApiKeyStatusSchema,
            description: 'Only keys with this status now (the status the list shows)',
          }),
        }),
        response: { 200: pageOf(ApiKeySchema) },
      }),
    },
    async (request) => {
      const { limit, cursor } = pageRequest(request.query);
      const after = afterOf(cursor);
      const { userId, teamId, status } = request.query;
      const page = await apiKeys.list(orgOf(request).id, {
        limit,
        ...(after === undefined ? {} : { after }),
        ...(userId === undefined ? {} : { userId }),
        ...(teamId === undefined ? {} : { teamId }),
        ...(status === undefined ? {} : { status }),
      });
      return {
        items: page.items.map(toApiKey),
        nextCursor: page.nextAfter === null ? null : encodeCursor({ a: page.nextAfter }),
      };
    },
  );

  app.get(
    '/api-keys/:id',
    {
      schema: adminSchema({
        summary: 'Get an API key',
        tags: TAGS,
        params: IdParams,
        response: { 200: ApiKeySchema },
      }),
    },
    async (request) => toApiKey(await apiKeys.get(orgOf(request).id, request.params.id)),
  );

  app.delete(
    '/api-keys/:id',
    {
      schema: adminSchema({
        summary: 'Revoke an API key at once, for good (idempotent)',
        tags: TAGS,
        params: IdParams,
        response: { 200: ApiKeySchema },
      }),
    },
    async (request) => toApiKey(await apiKeys.revoke(orgOf(request).id, request.params.id)),
  );
}
