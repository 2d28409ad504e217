// SCIM Users use cases (RFC 7644 §3.3–§3.6). One request = one transaction; the request context is an argument.
import { invalidValue, notFound } from '../scim/errors.js';
import { applyPatch } from '../scim/patch/apply-patch.js';
import { parsePatchRequest } from '../scim/patch/parse-patch-request.js';
import { checkImmutable, coerceResource } from '../scim/resource/coerce-resource.js';
import { formatEtag } from '../scim/resource/etag.js';
import { projectResource, wantsAttribute } from '../scim/resource/project-resource.js';
import { USER_RESOURCE_TYPE } from '../scim/schema/resource-types.js';
import { isJsonObject, type JsonObject } from '../shared/json.js';
import { checkPrecondition } from './check-precondition.js';
import { isSameJson } from './is-same-json.js';
import type { Clock, GroupRef, Ids, Store, StoreTx, UserRecord } from './ports.js';
import { deleteUserRecorded, recordUserChange, type ChangeScope } from './record-changes.js';
import type { Projection, ResourceResult, ResourceService, ScimContext } from './scim-service.js';
import { toScimUser, toScimUserJson, userLocation } from './to-scim-resource.js';

export interface ResourceServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
}

const TYPE = USER_RESOURCE_TYPE;
const GROUPS_PATH = { name: 'groups' } as const;
const DEFAULT: Projection = { attributes: [], excludedAttributes: [] };

/** Copies the indexed columns out of the canonical data. */
export function toUserRecord(
  base: Pick<UserRecord, 'id' | 'orgId' | 'version' | 'createdAt' | 'updatedAt'>,
  data: JsonObject,
): UserRecord {
  const userName = data['userName'];
  if (typeof userName !== 'string' || userName.trim() === '') {
    throw invalidValue('userName is required and must be a non-empty string');
  }
  const externalId = data['externalId'];
  const displayName = data['displayName'];
  return {
    ...base,
    userName,
    externalId: typeof externalId === 'string' ? externalId : null,
    displayName: typeof displayName === 'string' ? displayName : null,
    // RFC 7643 leaves the default open; a user the IdP never deactivated is active.
    active: data['active'] !== false,
    data,
  };
}

export function createUsersService(deps: ResourceServiceDeps): ResourceService {
  const { store, clock, ids } = deps;

  async function loadGroups(
    tx: StoreTx,
    ctx: ScimContext,
    userIds: readonly string[],
    projection: Projection,
  ): Promise<ReadonlyMap<string, readonly GroupRef[]> | undefined> {
    if (userIds.length === 0 || !wantsAttribute(TYPE, projection, GROUPS_PATH)) return undefined;
    return tx.users.groupsOf(ctx.orgId, userIds);
  }

  /** `groups` undefined: not loaded, because the projection leaves User.groups out. */
  function resultOf(
    ctx: ScimContext,
    user: UserRecord,
    groups: readonly GroupRef[] | undefined,
    projection: Projection,
  ): ResourceResult {
    return {
      resource: projectResource(toScimUser(user, groups, ctx.baseUrl), TYPE, projection),
      etag: formatEtag(user.version),
      location: userLocation(ctx.baseUrl, user.id),
    };
  }

  async function render(
    tx: StoreTx,
    ctx: ScimContext,
    user: UserRecord,
    projection: Projection,
  ): Promise<ResourceResult> {
    const groups = await loadGroups(tx, ctx, [user.id], projection);
    return resultOf(ctx, user, groups === undefined ? undefined : (groups.get(user.id) ?? []), projection);
  }

  async function getExisting(tx: StoreTx, ctx: ScimContext, id: string): Promise<UserRecord> {
    const user = await tx.users.get(ctx.orgId, id);
    if (user === undefined) throw notFound(`User ${id} not found`);
    return user;
  }

  function changeScope(tx: StoreTx, ctx: ScimContext, at: string): ChangeScope {
    return { tx, orgId: ctx.orgId, at, ids };
  }

  /**
   * Writes `data` as the user's new state unless nothing changed (idempotent IdP retries cost no version), with its
   * events and key blocks in the same transaction.
   */
  async function writeUser(
    tx: StoreTx,
    ctx: ScimContext,
    existing: UserRecord,
    data: JsonObject,
  ): Promise<UserRecord> {
    if (isSameJson(existing.data, data)) return existing;
    const at = clock.now().toISOString();
    const next = toUserRecord(
      {
        id: existing.id,
        orgId: existing.orgId,
        version: existing.version + 1,
        createdAt: existing.createdAt,
        updatedAt: at,
      },
      data,
    );
    await tx.users.update(next);
    await recordUserChange(changeScope(tx, ctx, at), existing, next);
    return next;
  }

  return {
    async create(ctx, body, projection) {
      const { data } = coerceResource(TYPE, body);
      const now = clock.now().toISOString();
      const user = toUserRecord(
        { id: ids.newId(), orgId: ctx.orgId, version: 1, createdAt: now, updatedAt: now },
        data,
      );
      return store.transaction(async (tx) => {
        await tx.users.insert(user);
        await recordUserChange(changeScope(tx, ctx, now), undefined, user);
        // A user created just now, under a new id, is in no group yet: nothing to read back.
        return resultOf(ctx, user, [], projection);
      });
    },

    async get(ctx, id, projection) {
      if (!wantsAttribute(TYPE, projection, GROUPS_PATH)) {
        return render(store, ctx, await getExisting(store, ctx, id), projection);
      }
      // The hot read: the user and its groups in one statement.
      const found = await store.users.getWithGroups(ctx.orgId, id);
      if (found === undefined) throw notFound(`User ${id} not found`);
      return resultOf(ctx, found.user, found.groups, projection);
    },

    async getJson(ctx, id) {
      const stored = await store.users.getJsonWithGroups(ctx.orgId, id);
      if (stored === undefined) throw notFound(`User ${id} not found`);
      const json = toScimUserJson(stored, ctx.baseUrl);
      if (json !== undefined) {
        return {
          json,
          etag: formatEtag(stored.user.version),
          location: userLocation(ctx.baseUrl, stored.user.id),
        };
      }
      const data: unknown = JSON.parse(stored.dataJson);
      if (!isJsonObject(data)) throw new Error('stored user data is not a JSON object');
      const { resource, etag, location } = resultOf(ctx, { ...stored.user, data }, stored.groups, DEFAULT);
      return { json: JSON.stringify(resource), etag, location };
    },

    async replace(ctx, id, body, projection, options) {
      const { data } = coerceResource(TYPE, body);
      return store.transaction(async (tx) => {
        const existing = await getExisting(tx, ctx, id);
        checkPrecondition(options.ifMatch, existing.version);
        checkImmutable(TYPE, existing.data, data);
        const user = await writeUser(tx, ctx, existing, data);
        return render(tx, ctx, user, projection);
      });
    },

    async patch(ctx, id, body, projection, options) {
      const ops = parsePatchRequest(body);
      return store.transaction(async (tx) => {
        const existing = await getExisting(tx, ctx, id);
        checkPrecondition(options.ifMatch, existing.version);
        const user = await writeUser(tx, ctx, existing, applyPatch(existing.data, ops, TYPE, { id }));
        if (!options.wantResource) {
          return { etag: formatEtag(user.version), location: userLocation(ctx.baseUrl, user.id) };
        }
        return render(tx, ctx, user, projection);
      });
    },

    async delete(ctx, id, options) {
      await store.transaction(async (tx) => {
        const existing = await getExisting(tx, ctx, id);
        checkPrecondition(options.ifMatch, existing.version);
        await deleteUserRecorded(changeScope(tx, ctx, clock.now().toISOString()), existing);
      });
    },

    async list(ctx, query, projection) {
      // The store reads the page, its total and its groups from one snapshot.
      const page = await store.users.list(ctx.orgId, query, {
        withGroups: wantsAttribute(TYPE, projection, GROUPS_PATH),
      });
      const { groups } = page;
      const resources = page.items.map((u) =>
        projectResource(
          toScimUser(u, groups === undefined ? undefined : (groups.get(u.id) ?? []), ctx.baseUrl),
          TYPE,
          projection,
        ),
      );
      return {
        totalResults: page.totalResults,
        resources,
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },
  };
}
