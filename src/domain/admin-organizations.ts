// Organizations as the admin API manages them: listed, found by slug or id, created explicitly (the CLI and SCIM
// token creation create them implicitly through ensureOrganization).
import { invalidValue, uniqueness } from '../scim/errors.js';
import { isOrganizationSlug } from './organizations.js';
import type { Clock, Ids, Organization, StoreTx } from './ports.js';

const MAX_NAME_LENGTH = 200;

export interface AdminOrganizations {
  /** Oldest first. */
  list(): Promise<readonly Organization[]>;
  /** By id, else by slug. */
  find(ref: string): Promise<Organization | undefined>;
  /** 409 when the slug is taken. */
  create(input: { readonly slug: string; readonly name?: string }): Promise<Organization>;
}

export interface AdminOrganizationDeps {
  readonly store: Pick<StoreTx, 'organizations'>;
  readonly clock: Clock;
  readonly ids: Ids;
}

export function createAdminOrganizations(deps: AdminOrganizationDeps): AdminOrganizations {
  const { store, clock, ids } = deps;
  return {
    list: () => store.organizations.list(),

    async find(ref) {
      // Ids first: a UUID is also a valid slug, and an organization must never be able to shadow another's id.
      return (await store.organizations.findById(ref)) ?? (await store.organizations.findBySlug(ref));
    },

    async create(input) {
      const { slug } = input;
      if (!isOrganizationSlug(slug)) {
        throw invalidValue(
          `organization slug ${JSON.stringify(slug)} is invalid: use 1-63 lowercase letters, digits and dashes, starting with a letter or digit`,
        );
      }
      const name = (input.name ?? slug).trim();
      if (name === '' || name.length > MAX_NAME_LENGTH) {
        throw invalidValue(`organization name must be 1-${MAX_NAME_LENGTH} characters`);
      }
      const taken = (): Error => uniqueness(`organization slug ${JSON.stringify(slug)} is already taken`);
      if ((await store.organizations.findBySlug(slug)) !== undefined) throw taken();
      const org: Organization = { id: ids.newId(), slug, name, createdAt: clock.now().toISOString() };
      try {
        await store.organizations.insert(org);
      } catch (error) {
        // Created by another request in between: the slug's unique index decides.
        if ((await store.organizations.findBySlug(slug)) !== undefined) throw taken();
        throw error;
      }
      return org;
    },
  };
}
