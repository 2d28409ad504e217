// /teams: the organization's teams (SCIM Groups). As /users: teams created here are admin-managed; a team the IdP
// created through SCIM changes (or goes) only with ?force=true, and every write emits its events.
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

export const TEAM_TAGS = ['teams'];

const TeamSchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  externalId: NullableString,
  managedBy: ManagedBySchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const TeamMemberSchema = Type.Object({
  id: Type.String(),
  type: Type.Union([Type.Literal('User'), Type.Literal('Group')], {
    description: 'Group: a nested team (provisioned through SCIM)',
  }),
  display: NullableString,
  userName: Type.Union([Type.String(), Type.Null()], {
    description: "A user member's userName; null for a team",
  }),
  email: Type.Union([Type.String(), Type.Null()], {
    description: "A user member's primary email, else its first; null for a team or a user without email",
  }),
  active: Type.Union([Type.Boolean(), Type.Null()], {
    description: "A user member's active; null for a team",
  }),
});

const TeamListItemSchema = Type.Object({
  ...TeamSchema.properties,
  memberCount: Type.Integer({ minimum: 0, description: 'Direct members: users and nested teams' }),
});

const TeamDetailSchema = Type.Object({
  ...TeamSchema.properties,
  members: Type.Immutable(Type.Array(TeamMemberSchema)),
});

const DisplayName = Type.String({ minLength: 1, maxLength: 256 });
const ExternalId = Type.Union([Type.String({ minLength: 1, maxLength: 256 }), Type.Null()]);

const CreateTeamBody = Type.Object(
  { displayName: DisplayName, externalId: Type.Optional(ExternalId) },
  { additionalProperties: false },
);
const UpdateTeamBody = Type.Object(
  { displayName: Type.Optional(DisplayName), externalId: Type.Optional(ExternalId) },
  { additionalProperties: false, minProperties: 1, description: 'Only the fields sent change; null clears' },
);

export function registerTeamsRoutes(app: AdminApp, services: AdminServices): void {
  const { teams } = services;

  app.get(
    '/teams',
    {
      schema: adminSchema({
        summary: 'List teams, oldest first',
        tags: TEAM_TAGS,
        querystring: pageQuery({
          q: Type.Optional(Type.String({ maxLength: 256, description: 'Contained in displayName' })),
          managedBy: Type.Optional(ManagedBySchema),
        }),
        response: { 200: pageOf(TeamListItemSchema) },
      }),
    },
    async (request) => {
      const { q, managedBy } = request.query;
      return teams.list(orgOf(request).id, {
        ...pageRequest(request.query),
        ...(q === undefined ? {} : { q }),
        ...(managedBy === undefined ? {} : { managedBy }),
      });
    },
  );

  app.get(
    '/teams/:id',
    {
      schema: adminSchema({
        summary: 'Get a team and its members',
        tags: TEAM_TAGS,
        params: IdParams,
        response: { 200: TeamDetailSchema },
      }),
    },
    async (request) => teams.get(orgOf(request).id, request.params.id),
  );

  app.post(
    '/teams',
    {
      schema: adminSchema({
        summary: 'Create a team (admin-managed)',
        tags: TEAM_TAGS,
        body: CreateTeamBody,
        response: { 201: TeamSchema },
      }),
    },
    async (request, reply) => reply.code(201).send(await teams.create(orgOf(request).id, request.body)),
  );

  app.patch(
    '/teams/:id',
    {
      schema: adminSchema({
        summary: 'Change a team (an IdP-managed one only with force=true)',
        tags: TEAM_TAGS,
        params: IdParams,
        querystring: ForceQuery,
        body: UpdateTeamBody,
        response: { 200: TeamSchema },
      }),
    },
    async (request) => {
      const { id } = request.params;
      const force = request.query.force === true;
      const { result, override } = await teams.update(orgOf(request).id, id, request.body, { force });
      logIdpOverride(request, 'team', id, override);
      return result;
    },
  );

  app.delete(
    '/teams/:id',
    {
      schema: adminSchema({
        summary: 'Delete a team (an IdP-managed one only with force=true); its API keys are blocked',
        tags: TEAM_TAGS,
        params: IdParams,
        querystring: ForceQuery,
        response: { 204: NoContent },
      }),
    },
    async (request, reply) => {
      const { id } = request.params;
      const { override } = await teams.delete(orgOf(request).id, id, { force: request.query.force === true });
      logIdpOverride(request, 'team', id, override);
      return reply.code(204).send(null);
    },
  );
}
