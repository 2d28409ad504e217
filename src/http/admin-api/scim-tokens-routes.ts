// /scim-tokens: the bearer tokens identity providers provision the request's organization with. A new token is in
// the create response once (field `token`), with the SCIM base URL to paste next to it; lists never show it. The
// list carries the SCIM base URL too, so the console shows the tenant URL before any token exists.
import { Type } from 'typebox';
import type { AdminServices } from '../../domain/admin-services.js';
import type { ScimTokenRecord } from '../../domain/ports.js';
import { orgOf } from './admin-auth.js';
import { adminSchema, IdParams, NullableString, Timestamp, type AdminApp } from './admin-schemas.js';
import { pageArray, pageOf, pageQuery } from './paging.js';

const TAGS = ['scim-tokens'];

const ScimTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  displayPrefix: Type.String({ description: 'First characters of the token, to recognise it' }),
  createdAt: Timestamp,
  expiresAt: NullableString,
  lastUsedAt: NullableString,
  revokedAt: NullableString,
});

const ScimUrlSchema = Type.String({
  description: 'SCIM base URL (tenant URL) to configure in the identity provider',
});

const CreatedScimTokenSchema = Type.Object({
  ...ScimTokenSchema.properties,
  token: Type.String({
    description: 'The bearer token: shown only in this response, stored only as SHA-256',
  }),
  scimUrl: ScimUrlSchema,
});

const ScimTokenListSchema = Type.Object({
  ...pageOf(ScimTokenSchema).properties,
  scimUrl: ScimUrlSchema,
});

const toScimToken = (t: ScimTokenRecord) => ({
  id: t.id,
  name: t.name,
  displayPrefix: t.displayPrefix,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

export function registerScimTokensRoutes(app: AdminApp, services: AdminServices, scimUrl: string): void {
  const { scimTokens } = services;

  app.post(
    '/scim-tokens',
    {
      schema: adminSchema({
        summary: 'Create a SCIM token for an identity provider',
        tags: TAGS,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100, description: 'What it is for, e.g. "okta"' }),
            expiresInDays: Type.Optional(
              Type.Integer({ minimum: 1, description: 'Whole days, at most 3650; absent: never expires' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreatedScimTokenSchema },
      }),
    },
    async (request, reply) => {
      const created = await scimTokens.create(orgOf(request), request.body);
      return reply.code(201).send({ ...toScimToken(created.record), token: created.token, scimUrl });
    },
  );

  app.get(
    '/scim-tokens',
    {
      schema: adminSchema({
        summary: 'List the SCIM tokens of the organization (never the tokens themselves)',
        tags: TAGS,
        querystring: pageQuery({}),
        response: { 200: ScimTokenListSchema },
      }),
    },
    async (request) => {
      const page = pageArray(await scimTokens.list(orgOf(request).id), request.query);
      return { items: page.items.map(toScimToken), nextCursor: page.nextCursor, scimUrl };
    },
  );

  app.delete(
    '/scim-tokens/:id',
    {
      schema: adminSchema({
        summary: 'Revoke a SCIM token at once (idempotent)',
        tags: TAGS,
        params: IdParams,
        response: { 200: ScimTokenSchema },
      }),
    },
    async (request) => toScimToken(await scimTokens.revoke(orgOf(request).id, request.params.id)),
  );
}
