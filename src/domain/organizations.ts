// Organizations are the tenants: every SCIM token, user and group belongs to exactly one.
import { invalidValue } from '../scim/errors.js';
import type { Clock, Ids, Organization, StoreTx } from './ports.js';

/** The organization a fresh installation provisions into. */
export const DEFAULT_ORG_SLUG = 'default';

/** Lowercase letters, digits and dashes, starting with a letter or digit, at most 63 characters (a DNS label). */
const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isOrganizationSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/** Finds the organization by slug, or creates it (named `name`, else after its slug). */
export async function ensureOrganization(
  store: Pick<StoreTx, 'organizations'>,
  clock: Clock,
  ids: Ids,
  slug: string,
  name?: string,
): Promise<Organization> {
  if (!isOrganizationSlug(slug)) {
    throw invalidValue(
      `organization slug ${JSON.stringify(slug)} is invalid: use 1-63 lowercase letters, digits and dashes, starting with a letter or digit`,
    );
  }
  const existing = await store.organizations.findBySlug(slug);
  if (existing !== undefined) return existing;
  const org: Organization = {
    id: ids.newId(),
    slug,
    name: name ?? slug,
    createdAt: clock.now().toISOString(),
  };
  try {
    await store.organizations.insert(org);
  } catch (error) {
    // Another process (the CLI next to the server) may have created it in between: the slug is unique.
    const raced = await store.organizations.findBySlug(slug);
    if (raced !== undefined) return raced;
    throw error;
  }
  return org;
}
