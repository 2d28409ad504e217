// SCIM Groups (= teams) use cases (RFC 7644 §3.3–§3.6). Membership lives in its own table: a member add or remove
// touches one row whatever the group size, and all steps of one request run in one transaction.
import { invalidValue, notFound } from '../scim/errors.js';
import { applyPatch } from '../scim/patch/apply-patch.js';
import { parsePatchRequest } from '../scim/patch/parse-patch-request.js';
import { checkImmutable, coerceResource } from '../scim/resource/coerce-resource.js';
import { formatEtag } from '../scim/resource/etag.js';
import { projectResource, wantsAttribute } from '../scim/resource/project-resource.js';
import { GROUP_RESOURCE_TYPE } from '../scim/schema/resource-types.js';
import { isJsonObject, type JsonObject } from '../shared/json.js';
import { checkPrecondition } from './check-precondition.js';
import { isSameJson } from './is-same-json.js';
import { planMemberOps, type MemberStep } from './plan-member-ops.js';
import type { GroupRecord, MemberChange, MemberRef, MemberType, StoreTx } from './ports.js';
import {
  deleteTeamRecorded,
  recordMembershipChange,
  recordTeamChange,
  type ChangeScope,
  type MembershipDelta,
} from './record-changes.js';
import type { Projection, ResourceResult, ResourceService, ScimContext } from './scim-service.js';
import { groupLocation, toScimGroup } from './to-scim-resource.js';
import type { ResourceServiceDeps } from './users.js';

const TYPE = GROUP_RESOURCE_TYPE;
const MEMBERS_PATH = { name: 'members' } as const;

/** Copies the indexed columns out of the canonical data. */
export function toGroupRecord(
  base: Pick<GroupRecord, 'id' | 'orgId' | 'version' | 'createdAt' | 'updatedAt'>,
  data: JsonObject,
): GroupRecord {
  const displayName = data['displayName'];
  if (typeof displayName !== 'string' || displayName.trim() === '') {
    throw invalidValue('displayName is required and must be a non-empty string');
  }
  const externalId = data['externalId'];
  return { ...base, displayName, externalId: typeof externalId === 'string' ? externalId : null, data };
}

/** Resolves member ids to their types in this org; an id that is neither a User nor a Group is a client error. */
async function resolveNewMembers(
  tx: StoreTx,
  orgId: string,
  groupId: string,
  ids: readonly string[],
): Promise<{ id: string; type: MemberType }[]> {
  const unique = [...new Set(ids)];
  if (unique.includes(groupId)) throw invalidValue('a group cannot be a member of itself');
  const types = await tx.memberships.resolveMembers(orgId, unique);
  const unknown = unique.filter((id) => !types.has(id));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(', ');
    throw invalidValue(`members not found in this organization: ${shown}${unknown.length > 5 ? ', …' : ''}`);
  }
  return unique.map((id) => ({ id, type: types.get(id) ?? 'User' }));
}

const NO_CHANGE: MembershipDelta = { added: [], removed: [] };

/**
 * Replaces the whole member list: one delete plus one batched insert, never N round-trips. The delta is the net
 * change: a member in both lists neither left nor joined.
 */
async function replaceMembers(
  tx: StoreTx,
  orgId: string,
  groupId: string,
  ids: readonly string[],
  at: string,
): Promise<MembershipDelta> {
  const members = await resolveNewMembers(tx, orgId, groupId, ids);
  const removed = await tx.memberships.removeAll(orgId, groupId);
  const added = members.length === 0 ? [] : await tx.memberships.add(orgId, groupId, members, at);
  const before = new Set(removed.map((m) => m.id));
  const after = new Set(added.map((m) => m.id));
  return {
    added: added.filter((m) => !before.has(m.id)),
    removed: removed.filter((m) => !after.has(m.id)),
  };
}

function hasChanges(delta: MembershipDelta): boolean {
  return delta.added.length > 0 || delta.removed.length > 0;
}

function membersAsData(members: readonly MemberRef[]): JsonObject[] {
  return members.map((m) => ({
    value: m.value,
    type: m.type,
    ...(m.display === null ? {} : { display: m.display }),
  }));
}

function memberIdsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isJsonObject(item) && typeof item['value'] === 'string' ? [item['value']] : [],
  );
}

export function createGroupsService(deps: ResourceServiceDeps): ResourceService {
  const { store, clock, ids } = deps;

  async function render(
    tx: StoreTx,
    ctx: ScimContext,
    group: GroupRecord,
    projection: Projection,
  ): Promise<ResourceResult> {
    const members = wantsAttribute(TYPE, projection, MEMBERS_PATH)
      ? ((await tx.groups.members(ctx.orgId, [group.id])).get(group.id) ?? [])
      : undefined;
    return {
      resource: projectResource(toScimGroup(group, members, ctx.baseUrl), TYPE, projection),
      etag: formatEtag(group.version),
      location: groupLocation(ctx.baseUrl, group.id),
    };
  }

  function scopeOf(tx: StoreTx, orgId: string, at: string): ChangeScope {
    return { tx, orgId, at, ids };
  }

  async function getExisting(tx: StoreTx, ctx: ScimContext, id: string): Promise<GroupRecord> {
    const group = await tx.groups.get(ctx.orgId, id);
    if (group === undefined) throw notFound(`Group ${id} not found`);
    return group;
  }

  /** Persists the new data and/or records a membership change as a new version. */
  async function commit(
    tx: StoreTx,
    existing: GroupRecord,
    data: JsonObject,
    membershipChanged: boolean,
    at: string,
  ): Promise<GroupRecord> {
    const dataChanged = !isSameJson(existing.data, data);
    if (!dataChanged && !membershipChanged) return existing;
    const base = {
      id: existing.id,
      orgId: existing.orgId,
      version: existing.version + 1,
      createdAt: existing.createdAt,
      updatedAt: at,
    };
    if (dataChanged) {
      const next = toGroupRecord(base, data);
      await tx.groups.update(next);
      await recordTeamChange(scopeOf(tx, existing.orgId, at), existing, next);
      return next;
    }
    await tx.groups.touch(existing.orgId, existing.id, base.version, at);
    return { ...existing, version: base.version, updatedAt: at };
  }

  /** Runs one planned PATCH step; returns the new data and the membership change. */
  async function runStep(
    tx: StoreTx,
    ctx: ScimContext,
    id: string,
    data: JsonObject,
    step: MemberStep,
    at: string,
  ): Promise<{ data: JsonObject; delta: MembershipDelta }> {
    switch (step.kind) {
      case 'data':
        return { data: applyPatch(data, step.ops, TYPE, { id }), delta: NO_CHANGE };
      case 'add': {
        const members = await resolveNewMembers(tx, ctx.orgId, id, step.ids);
        return { data, delta: { added: await tx.memberships.add(ctx.orgId, id, members, at), removed: [] } };
      }
      case 'remove': {
        // Removing someone who is not a member is a no-op: IdPs retry and replay deltas.
        const removed = await tx.memberships.remove(ctx.orgId, id, [...new Set(step.ids)]);
        return { data, delta: { added: [], removed } };
      }
      case 'removeAll':
        return { data, delta: { added: [], removed: await tx.memberships.removeAll(ctx.orgId, id) } };
      case 'replace':
        return { data, delta: await replaceMembers(tx, ctx.orgId, id, step.ids, at) };
      case 'generic': {
        // A filter the table cannot express directly (e.g. members[type eq "Group"]): apply it to the loaded
        // list with the PATCH engine, then write the difference back as row adds and removes.
        const current = (await tx.groups.members(ctx.orgId, [id])).get(id) ?? [];
        const before = current.map((m) => m.value);
        const patched = applyPatch({ ...data, members: membersAsData(current) }, [step.op], TYPE, { id });
        const after = memberIdsOf(patched['members']);
        const { members: _members, ...rest } = patched;
        const removedIds = before.filter((m) => !after.includes(m));
        const addedIds = after.filter((m) => !before.includes(m));
        let removed: readonly MemberChange[] = [];
        let added: readonly MemberChange[] = [];
        if (removedIds.length > 0) removed = await tx.memberships.remove(ctx.orgId, id, removedIds);
        if (addedIds.length > 0) {
          const resolved = await resolveNewMembers(tx, ctx.orgId, id, addedIds);
          added = await tx.memberships.add(ctx.orgId, id, resolved, at);
        }
        return { data: rest, delta: { added, removed } };
      }
    }
  }

  return {
    async create(ctx, body, projection) {
      const { data, members } = coerceResource(TYPE, body);
      const now = clock.now().toISOString();
      const group = toGroupRecord(
        { id: ids.newId(), orgId: ctx.orgId, version: 1, createdAt: now, updatedAt: now },
        data,
      );
      return store.transaction(async (tx) => {
        await tx.groups.insert(group);
        const scope = scopeOf(tx, ctx.orgId, now);
        await recordTeamChange(scope, undefined, group);
        if (members !== undefined && members.length > 0) {
          const resolved = await resolveNewMembers(
            tx,
            ctx.orgId,
            group.id,
            members.map((m) => m.value),
          );
          const added = await tx.memberships.add(ctx.orgId, group.id, resolved, now);
          await recordMembershipChange(scope, group.id, { added, removed: [] });
        }
        return render(tx, ctx, group, projection);
      });
    },

    get: (ctx, id, projection) =>
      store.read(async (tx) => render(tx, ctx, await getExisting(tx, ctx, id), projection)),

    async replace(ctx, id, body, projection, options) {
      const { data, members } = coerceResource(TYPE, body);
      return store.transaction(async (tx) => {
        const existing = await getExisting(tx, ctx, id);
        checkPrecondition(options.ifMatch, existing.version);
        checkImmutable(TYPE, existing.data, data);
        const at = clock.now().toISOString();
        // PUT without a `members` key leaves membership as it is (docs/decisions/0002); `members: []` clears it.
        const delta =
          members === undefined
            ? NO_CHANGE
            : await replaceMembers(
                tx,
                ctx.orgId,
                id,
                members.map((m) => m.value),
                at,
              );
        await recordMembershipChange(scopeOf(tx, ctx.orgId, at), id, delta);
        const group = await commit(tx, existing, data, hasChanges(delta), at);
        return render(tx, ctx, group, projection);
      });
    },

    async patch(ctx, id, body, projection, options) {
      const steps = planMemberOps(parsePatchRequest(body));
      return store.transaction(async (tx) => {
        const existing = await getExisting(tx, ctx, id);
        checkPrecondition(options.ifMatch, existing.version);
        const at = clock.now().toISOString();
        let data = existing.data;
        let membershipChanged = false;
        for (const step of steps) {
          const result = await runStep(tx, ctx, id, data, step, at);
          data = result.data;
          await recordMembershipChange(scopeOf(tx, ctx.orgId, at), id, result.delta);
          membershipChanged ||= hasChanges(result.delta);
        }
        const group = await commit(tx, existing, data, membershipChanged, at);
        if (!options.wantResource) {
          return { etag: formatEtag(group.version), location: groupLocation(ctx.baseUrl, group.id) };
        }
        return render(tx, ctx, group, projection);
      });
    },

    async delete(ctx, id, options) {
      await store.transaction(async (tx) => {
        const existing = await getExisting(tx, ctx, id);
        checkPrecondition(options.ifMatch, existing.version);
        await deleteTeamRecorded(scopeOf(tx, ctx.orgId, clock.now().toISOString()), existing);
      });
    },

    async list(ctx, query, projection) {
      // One snapshot: the page, its total and its members agree even while the IdP writes.
      const { page, members } = await store.read(async (tx) => {
        const page = await tx.groups.list(ctx.orgId, query);
        const members =
          page.items.length > 0 && wantsAttribute(TYPE, projection, MEMBERS_PATH)
            ? await tx.groups.members(
                ctx.orgId,
                page.items.map((g) => g.id),
              )
            : undefined;
        return { page, members };
      });
      const resources = page.items.map((g) =>
        projectResource(
          toScimGroup(g, members === undefined ? undefined : (members.get(g.id) ?? []), ctx.baseUrl),
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
