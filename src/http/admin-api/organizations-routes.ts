// /organizations: the tenants. An organization key sees only its own; only an instance-wide key creates one.
import { Type } from 'typebox';
import type { AdminServices } from '../../domain/admin-services.js';
import type { Organization } from '../../domain/ports.js';
import { problem } from './admin-api-error.js';
import { principalOf, requireInstanceKey } from './admin-auth.js';
import { adminSchema, Timestamp, type AdminApp } from './admin-schemas.js';
import { pageArray, pageOf, pageQuery } from './paging.js';

const TAGS = ['organizations'];

const OrganizationSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  createdAt: Timestamp,
});

const toOrganization = (org: Organization) => ({
  id: org.id,
  slug: org.slug,
  name: org.name,
  createdAt: org.createdAt,
});

export function registerOrganizationsRoutes(app: AdminApp, services: AdminServices): void {
  const { organizations } = services;

  app.get(
    '/organizations',
    {
      schema: adminSchema({
        summary: 'List the organizations this key manages',
        tags: TAGS,
        querystring: pageQuery({}),
        response: { 200: pageOf(OrganizationSchema) },
      }),
    },
    async (request) => {
      const { orgId } = principalOf(request);
      const all = await organizations.list();
      const visible = orgId === null ? all : all.filter((o) => o.id === orgId);
      const page = pageArray(visible, request.query);
      return { items: page.items.map(toOrganization), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/organizations/:ref',
    {
      schema: adminSchema({
        summary: 'Get an organization by slug or id',
        tags: TAGS,
        params: Type.Object({
          ref: Type.String({ minLength: 1, maxLength: 200, description: 'Slug or id' }),
        }),
        response: { 200: OrganizationSchema },
      }),
    },
    async (request) => {
      const { orgId } = principalOf(request);
      const org = await organizations.find(request.params.ref);
      // Another organization is as invisible to an organization key as a missing one.
      if (org === undefined || (orgId !== null && org.id !== orgId)) {
        throw problem('not_found', `Organization ${JSON.stringify(request.params.ref)} does not exist`);
      }
      return toOrganization(org);
    },
  );

  app.post(
    '/organizations',
    {
      schema: adminSchema({
        summary: 'Create an organization (instance-wide keys only)',
        tags: TAGS,
        body: Type.Object(
          {
            slug: Type.String({
              pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
              description: '1-63 lowercase letters, digits and dashes, starting with a letter or digit',
            }),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: OrganizationSchema },
      }),
    },
    async (request, reply) => {
      requireInstanceKey(request, 'create organizations');
      const created = await organizations.create(request.body);
      return reply.code(201).send(toOrganization(created));
    },
  );
}
