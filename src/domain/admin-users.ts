// Users as the admin API manages them. Writes produce the same canonical SCIM data an IdP's would (so SCIM GET shows
// the same user), run in one transaction with their events and API-key blocks (record-changes.ts), and respect
// IdP ownership: a SCIM-created user's fields change only with force.
import { invalidValue, notFound } from '../scim/errors.js';
import type { FilterNode } from '../scim/filter/filter-node.js';
import { coerceResource } from '../scim/resource/coerce-resource.js';
import { USER_RESOURCE_TYPE } from '../scim/schema/resource-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../shared/json.js';
import { checkIdpManaged, type AdminWrite } from './admin-idp-managed.js';
import { containsAny, toAdminListQuery, type AdminPage, type AdminPageRequest } from './admin-page.js';
import { isSameJson } from './is-same-json.js';
import type { Clock, Ids, ManagedBy, Store, StoreTx, UserRecord } from './ports.js';
import { deleteUserRecorded, recordUserChange, type ChangeScope } from './record-changes.js';
import { toUserRecord } from './users.js';

/** The fields an IdP sends and owns (RFC 7643 §4.1 attributes the admin API exposes). */
const IDP_OWNED = ['userName', 'displayName', 'name', 'emails', 'active', 'externalId'] as const;
/** Email type when the admin sends none: what IdPs send for the work address. */
const DEFAULT_EMAIL_TYPE = 'work';

export interface AdminEmail {
  readonly value: string;
  readonly type: string | null;
  readonly primary: boolean;
}

export interface AdminUserView {
  readonly id: string;
  readonly userName: string;
  readonly displayName: string | null;
  readonly name: { readonly givenName: string | null; readonly familyName: string | null };
  readonly emails: readonly AdminEmail[];
  readonly active: boolean;
  readonly externalId: string | null;
  readonly managedBy: ManagedBy;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AdminUserDetail extends AdminUserView {
  /** Teams the user is a direct member of. */
  readonly teams: readonly { readonly id: string; readonly displayName: string }[];
}

/** A create sets what is given; an update changes what is given (null clears). */
export interface AdminUserInput {
  readonly userName?: string;
  readonly displayName?: string | null;
  readonly name?: { readonly givenName?: string | null; readonly familyName?: string | null };
  /** Replaces the whole list. Without a primary, the first address is the primary one. */
  readonly emails?: readonly { readonly value: string; readonly type?: string; readonly primary?: boolean }[];
  readonly active?: boolean;
  readonly externalId?: string | null;
}

export interface AdminUserQuery extends AdminPageRequest {
  /** Contained in userName, displayName or an email address (case-insensitive). */
  readonly q?: string;
  readonly active?: boolean;
  readonly managedBy?: ManagedBy;
}

export interface AdminUsers {
  list(orgId: string, query: AdminUserQuery): Promise<AdminPage<AdminUserView>>;
  get(orgId: string, id: string): Promise<AdminUserDetail>;
  create(orgId: string, input: AdminUserInput & { readonly userName: string }): Promise<AdminUserView>;
  update(
    orgId: string,
    id: string,
    input: AdminUserInput,
    options: { readonly force: boolean },
  ): Promise<AdminWrite<AdminUserView>>;
  delete(orgId: string, id: string, options: { readonly force: boolean }): Promise<AdminWrite<null>>;
}

export interface AdminDirectoryDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
}

const text = (value: JsonValue | undefined): string | null => (typeof value === 'string' ? value : null);

export function toAdminUserView(user: UserRecord): AdminUserView {
  const name = isJsonObject(user.data['name']) ? user.data['name'] : {};
  const emails = Array.isArray(user.data['emails']) ? user.data['emails'] : [];
  return {
    id: user.id,
    userName: user.userName,
    displayName: user.displayName,
    name: { givenName: text(name['givenName']), familyName: text(name['familyName']) },
    emails: emails.filter(isJsonObject).flatMap((e) => {
      const value = text(e['value']);
      return value === null ? [] : [{ value, type: text(e['type']), primary: e['primary'] === true }];
    }),
    active: user.active,
    externalId: user.externalId,
    managedBy: user.managedBy ?? 'scim',
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** `target` with `key` set to `value`, removed (null), or as it was (undefined). */
function withText(target: JsonObject, key: string, value: string | null | undefined): JsonObject {
  if (value === undefined) return target;
  if (value !== null) return { ...target, [key]: value };
  return Object.fromEntries(Object.entries(target).filter(([name]) => name !== key));
}

/** RFC 7643 §2.4: at most one primary value; IdPs mark the main address primary, so the admin API does too. */
function toScimEmails(emails: NonNullable<AdminUserInput['emails']>): JsonObject[] {
  const primaries = emails.filter((e) => e.primary === true).length;
  if (primaries > 1) throw invalidValue('emails: at most one address can be primary');
  return emails.map((e, i) => ({
    value: e.value,
    type: e.type ?? DEFAULT_EMAIL_TYPE,
    primary: primaries === 0 ? i === 0 : e.primary === true,
  }));
}

/** `base` with the input applied, in canonical SCIM form (coerced as an IdP's request body would be). */
function applyInput(base: JsonObject, input: AdminUserInput): JsonObject {
  let data = withText({ ...base }, 'userName', input.userName);
  data = withText(data, 'displayName', input.displayName);
  data = withText(data, 'externalId', input.externalId);
  if (input.active !== undefined) data['active'] = input.active;
  if (input.name !== undefined) {
    // The IdP's formatted name would go stale once its parts change.
    let name = withText(isJsonObject(data['name']) ? data['name'] : {}, 'formatted', null);
    name = withText(name, 'givenName', input.name.givenName);
    data['name'] = withText(name, 'familyName', input.name.familyName);
  }
  if (input.emails !== undefined) data['emails'] = toScimEmails(input.emails);
  return coerceResource(USER_RESOURCE_TYPE, data).data;
}

function changedFields(before: UserRecord, after: UserRecord): string[] {
  return IDP_OWNED.filter((field) =>
    field === 'active' ? before.active !== after.active : !isSameJson(before.data[field], after.data[field]),
  );
}

function filtersOf(query: AdminUserQuery): FilterNode[] {
  const filters: FilterNode[] = [];
  if (query.q !== undefined && query.q !== '') {
    const paths = [
      { name: 'userName' },
      { name: 'displayName' },
      { name: 'emails', subAttr: 'value' },
    ] as const;
    filters.push(containsAny(query.q, paths));
  }
  if (query.active !== undefined) {
    filters.push({ kind: 'compare', path: { name: 'active' }, op: 'eq', value: query.active });
  }
  return filters;
}

export function createAdminUsers(deps: AdminDirectoryDeps): AdminUsers {
  const { store, clock, ids } = deps;
  const scopeOf = (tx: StoreTx, orgId: string, at: string): ChangeScope => ({ tx, orgId, at, ids });

  async function getExisting(tx: StoreTx, orgId: string, id: string): Promise<UserRecord> {
    const user = await tx.users.get(orgId, id);
    if (user === undefined) throw notFound(`user ${JSON.stringify(id)} does not exist in this organization`);
    return user;
  }

  return {
    async list(orgId, query) {
      const { managedBy } = query;
      const page = await store.users.list(
        orgId,
        toAdminListQuery(query, filtersOf(query)),
        managedBy === undefined ? {} : { managedBy },
      );
      return { items: page.items.map(toAdminUserView), nextCursor: page.nextCursor ?? null };
    },

    async get(orgId, id) {
      const found = await store.users.getWithGroups(orgId, id);
      if (found === undefined)
        throw notFound(`user ${JSON.stringify(id)} does not exist in this organization`);
      const teams = found.groups.map((g) => ({ id: g.value, displayName: g.display }));
      return { ...toAdminUserView(found.user), teams };
    },

    async create(orgId, input) {
      const now = clock.now().toISOString();
      const data = applyInput({ active: true }, input);
      const user: UserRecord = {
        ...toUserRecord({ id: ids.newId(), orgId, version: 1, createdAt: now, updatedAt: now }, data),
        managedBy: 'admin',
      };
      await store.transaction(async (tx) => {
        await tx.users.insert(user);
        await recordUserChange(scopeOf(tx, orgId, now), undefined, user);
      });
      return toAdminUserView(user);
    },

    update: (orgId, id, input, options) =>
      store.transaction(async (tx) => {
        const existing = await getExisting(tx, orgId, id);
        const data = applyInput(existing.data, input);
        // Nothing changes: no version, no event, and nothing of the IdP's is overridden.
        if (isSameJson(existing.data, data)) return { result: toAdminUserView(existing), override: null };
        const at = clock.now().toISOString();
        const base = {
          id,
          orgId,
          version: existing.version + 1,
          createdAt: existing.createdAt,
          updatedAt: at,
        };
        const next: UserRecord = { ...toUserRecord(base, data), managedBy: existing.managedBy ?? 'scim' };
        const override = checkIdpManaged(
          existing.managedBy,
          'user',
          existing.userName,
          { action: 'update', fields: changedFields(existing, next) },
          options.force,
        );
        await tx.users.update(next);
        await recordUserChange(scopeOf(tx, orgId, at), existing, next);
        return { result: toAdminUserView(next), override };
      }),

    delete: (orgId, id, options) =>
      store.transaction(async (tx) => {
        const existing = await getExisting(tx, orgId, id);
        const override = checkIdpManaged(
          existing.managedBy,
          'user',
          existing.userName,
          { action: 'delete' },
          options.force,
        );
        await deleteUserRecorded(scopeOf(tx, orgId, clock.now().toISOString()), existing);
        return { result: null, override };
      }),
  };
}
