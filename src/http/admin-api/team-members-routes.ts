// /teams/{id}/members: who is in a team. PUT and DELETE of one user are idempotent; on a team the IdP manages
// through SCIM they need ?force=true, and each change emits its events and blocks or unblocks team-bound API keys.
import { Type } from 'typebox';
import type { AdminServices } from '../../domain/admin-services.js';
import { orgOf } from './admin-auth.js';
import { adminSchema, ForceQuery, IdParams, NoContent, type AdminApp } from './admin-schemas.js';
import { logIdpOverride } from './log-idp-override.js';
import { pageArray, pageOf, pageQuery } from './paging.js';
import { TEAM_TAGS, TeamMemberSchema } from './teams-routes.js';

const MemberParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  userId: Type.String({ minLength: 1, maxLength: 200 }),
});

export function registerTeamMembersRoutes(app: AdminApp, services: AdminServices): void {
  const { teams } = services;

  app.get(
    '/teams/:id/members',
    {
      schema: adminSchema({
        summary: 'List the members of a team, in the order they joined',
        tags: TEAM_TAGS,
        params: IdParams,
        querystring: pageQuery({}),
        response: { 200: pageOf(TeamMemberSchema) },
      }),
    },
    async (request) => pageArray(await teams.members(orgOf(request).id, request.params.id), request.query),
  );

  app.put(
    '/teams/:id/members/:userId',
    {
      schema: adminSchema({
        summary: 'Add a user to a team (idempotent)',
        tags: TEAM_TAGS,
        params: MemberParams,
        querystring: ForceQuery,
        response: { 204: NoContent },
      }),
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      const { override } = await teams.addMember(orgOf(request).id, id, userId, {
        force: request.query.force === true,
      });
      logIdpOverride(request, 'team', id, override);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/teams/:id/members/:userId',
    {
      schema: adminSchema({
        summary: 'Remove a user from a team (idempotent)',
        tags: TEAM_TAGS,
        params: MemberParams,
        querystring: ForceQuery,
        response: { 204: NoContent },
      }),
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      const { override } = await teams.removeMember(orgOf(request).id, id, userId, {
        force: request.query.force === true,
      });
      logIdpOverride(request, 'team', id, override);
      return reply.code(204).send(null);
    },
  );
}
