// OrganizationRepo: the tenants. Every other table hangs off organizations.id.
import type { Kysely, Selectable } from 'kysely';
import type { Organization, OrganizationRepo } from '../domain/ports.js';
import type { Database, OrganizationsTable } from './schema.js';

function toOrganization(row: Selectable<OrganizationsTable>): Organization {
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at };
}

export function organizationsRepo(db: Kysely<Database>): OrganizationRepo {
  return {
    async findBySlug(slug) {
      const row = await db
        .selectFrom('organizations')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row === undefined ? undefined : toOrganization(row);
    },
    async findById(id) {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toOrganization(row);
    },
    async insert(org) {
      await db
        .insertInto('organizations')
        .values({ id: org.id, slug: org.slug, name: org.name, created_at: org.createdAt })
        .execute();
    },
    async list() {
      const rows = await db
        .selectFrom('organizations')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toOrganization);
    },
  };
}
