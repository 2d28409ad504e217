// /users: the organization's users. Users created here are admin-managed; users the IdP created through SCIM change
// (or go) only with ?force=true. Every write emits its events and blocks or unblocks API keys, as through SCIM.
import { Type } from 'typebox';
import type { AdminServices } from '../../domain/admin-services.js';
import { orgOf } from './admin-auth.js';
import {
  adminSchema,
  ForceQuery,
  IdParams,
  ManagedBySchema,
  NoContent,
  NullableString,
  Timestamp,
  type AdminApp,
} from './admin-schemas.js';
import { logIdpOverride } from './log-idp-override.js';
import { pageOf, pageQuery, pageRequest } from './paging.js';

const TAGS = ['users'];

const UserSchema = Type.Object({
  id: Type.String(),
  userName: Type.String(),
  displayName: NullableString,
  name: Type.Object({ givenName: NullableString, familyName: NullableString }),
  emails: Type.Immutable(
    Type.Array(Type.Object({ value: Type.String(), type: NullableString, primary: Type.Boolean() })),
  ),
  active: Type.Boolean(),
  externalId: NullableString,
  managedBy: ManagedBySchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const UserDetailSchema = Type.Object({
  ...UserSchema.properties,
  teams: Type.Immutable(
    Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() }), {
      description: 'Teams the user is a direct member of',
    }),
  ),
});

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const ClearableText = (maxLength: number) => Type.Union([Text(maxLength), Type.Null()]);

const USER_FIELDS = {
  displayName: Type.Optional(ClearableText(256)),
  name: Type.Optional(
    Type.Object(
      { givenName: Type.Optional(ClearableText(256)), familyName: Type.Optional(ClearableText(256)) },
      { additionalProperties: false },
    ),
  ),
  emails: Type.Optional(
    Type.Array(
      Type.Object(
        {
          value: Type.String({ format: 'email', maxLength: 320 }),
          type: Type.Optional(Text(50)),
          primary: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20, description: 'Replaces the list; without a primary, the first address is primary' },
    ),
  ),
  active: Type.Optional(Type.Boolean()),
  externalId: Type.Optional(ClearableText(256)),
};

const CreateUserBody = Type.Object({ userName: Text(256), ...USER_FIELDS }, { additionalProperties: false });
const UpdateUserBody = Type.Object(
  { userName: Type.Optional(Text(256)), ...USER_FIELDS },
  { additionalProperties: false, minProperties: 1, description: 'Only the fields sent change; null clears' },
);

export function registerUsersRoutes(app: AdminApp, services: AdminServices): void {
  const { users } = services;

  app.get(
    '/users',
    {
      schema: adminSchema({
        summary: 'List users, oldest first',
        tags: TAGS,
        querystring: pageQuery({
          q: Type.Optional(
            Type.String({
              maxLength: 256,
              description: 'Contained in userName, displayName or an email address',
            }),
          ),
          active: Type.Optional(Type.Boolean()),
          managedBy: Type.Optional(ManagedBySchema),
        }),
        response: { 200: pageOf(UserSchema) },
      }),
    },
    async (request) => {
      const { q, active, managedBy } = request.query;
      return users.list(orgOf(request).id, {
        ...pageRequest(request.query),
        ...(q === undefined ? {} : { q }),
        ...(active === undefined ? {} : { active }),
        ...(managedBy === undefined ? {} : { managedBy }),
      });
    },
  );

  app.get(
    '/users/:id',
    {
      schema: adminSchema({
        summary: 'Get a user and its teams',
        tags: TAGS,
        params: IdParams,
        response: { 200: UserDetailSchema },
      }),
    },
    async (request) => users.get(orgOf(request).id, request.params.id),
  );

  app.post(
    '/users',
    {
      schema: adminSchema({
        summary: 'Create a user (admin-managed)',
        tags: TAGS,
        body: CreateUserBody,
        response: { 201: UserSchema },
      }),
    },
    async (request, reply) => reply.code(201).send(await users.create(orgOf(request).id, request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: adminSchema({
        summary: 'Change a user (an IdP-managed one only with force=true)',
        tags: TAGS,
        params: IdParams,
        querystring: ForceQuery,
        body: UpdateUserBody,
        response: { 200: UserSchema },
      }),
    },
    async (request) => {
      const { id } = request.params;
      const force = request.query.force === true;
      const { result, override } = await users.update(orgOf(request).id, id, request.body, { force });
      logIdpOverride(request, 'user', id, override);
      return result;
    },
  );

  app.delete(
    '/users/:id',
    {
      schema: adminSchema({
        summary: 'Delete a user (an IdP-managed one only with force=true); its API keys are blocked',
        tags: TAGS,
        params: IdParams,
        querystring: ForceQuery,
        response: { 204: NoContent },
      }),
    },
    async (request, reply) => {
      const { id } = request.params;
      const { override } = await users.delete(orgOf(request).id, id, { force: request.query.force === true });
      logIdpOverride(request, 'user', id, override);
      return reply.code(204).send(null);
    },
  );
}
