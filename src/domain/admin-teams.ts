// Teams (SCIM Groups) and their memberships as the admin API manages them. Like admin-users.ts: canonical SCIM data,
// one transaction per write with its events and API-key blocks, and a SCIM-created team's displayName, externalId
// and membership change only with force.
import { notFound } from '../scim/errors.js';
import { coerceResource } from '../scim/resource/coerce-resource.js';
import { GROUP_RESOURCE_TYPE } from '../scim/schema/resource-types.js';
import type { JsonObject } from '../shared/json.js';
import { checkIdpManaged, type AdminWrite } from './admin-idp-managed.js';
import { containsAny, toAdminListQuery, type AdminPage, type AdminPageRequest } from './admin-page.js';
import type { AdminDirectoryDeps } from './admin-users.js';
import { toGroupRecord } from './groups.js';
import { isSameJson } from './is-same-json.js';
import type { GroupRecord, ManagedBy, MemberDetail, MemberType, StoreTx } from './ports.js';
import {
  deleteTeamRecorded,
  recordMembershipChange,
  recordTeamChange,
  type ChangeScope,
} from './record-changes.js';

const IDP_OWNED = ['displayName', 'externalId'] as const;
/** How a membership change is named when it overrides the IdP. */
const MEMBERSHIP_FIELD = 'members';

export interface AdminTeamView {
  readonly id: string;
  readonly displayName: string;
  readonly externalId: string | null;
  readonly managedBy: ManagedBy;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AdminTeamMember {
  readonly id: string;
  readonly type: MemberType;
  /** userName or displayName of a user, displayName of a nested team. */
  readonly display: string | null;
  /** A user member's userName, primary (else first) email and active flag; null for a nested team. */
  readonly userName: string | null;
  readonly email: string | null;
  readonly active: boolean | null;
}

export interface AdminTeamListItem extends AdminTeamView {
  /** Direct members: users and nested teams. */
  readonly memberCount: number;
}

export interface AdminTeamDetail extends AdminTeamView {
  readonly members: readonly AdminTeamMember[];
}

export interface AdminTeamInput {
  readonly displayName?: string;
  /** null clears. */
  readonly externalId?: string | null;
}

export interface AdminTeamQuery extends AdminPageRequest {
  /** Contained in displayName (case-insensitive). */
  readonly q?: string;
  readonly managedBy?: ManagedBy;
}

type Force = { readonly force: boolean };

export interface AdminTeams {
  list(orgId: string, query: AdminTeamQuery): Promise<AdminPage<AdminTeamListItem>>;
  get(orgId: string, id: string): Promise<AdminTeamDetail>;
  create(orgId: string, input: AdminTeamInput & { readonly displayName: string }): Promise<AdminTeamView>;
  update(
    orgId: string,
    id: string,
    input: AdminTeamInput,
    options: Force,
  ): Promise<AdminWrite<AdminTeamView>>;
  delete(orgId: string, id: string, options: Force): Promise<AdminWrite<null>>;
  /** Every member, in membership order. */
  members(orgId: string, id: string): Promise<readonly AdminTeamMember[]>;
  /** Idempotent. `added` false: the user already was a member. */
  addMember(
    orgId: string,
    id: string,
    userId: string,
    options: Force,
  ): Promise<AdminWrite<{ added: boolean }>>;
  /** Idempotent. `removed` false: the user was not a member. */
  removeMember(
    orgId: string,
    id: string,
    userId: string,
    options: Force,
  ): Promise<AdminWrite<{ removed: boolean }>>;
}

export function toAdminTeamView(team: GroupRecord): AdminTeamView {
  return {
    id: team.id,
    displayName: team.displayName,
    externalId: team.externalId,
    managedBy: team.managedBy ?? 'scim',
    createdAt: team.createdAt,
    updatedAt: team.updatedAt,
  };
}

const toMember = (m: MemberDetail): AdminTeamMember => ({
  id: m.value,
  type: m.type,
  display: m.display,
  userName: m.userName,
  email: m.email,
  active: m.active,
});

function applyInput(base: JsonObject, input: AdminTeamInput): JsonObject {
  const data: JsonObject = { ...base };
  if (input.displayName !== undefined) data['displayName'] = input.displayName;
  if (input.externalId === null) delete data['externalId'];
  else if (input.externalId !== undefined) data['externalId'] = input.externalId;
  return coerceResource(GROUP_RESOURCE_TYPE, data).data;
}

export function createAdminTeams(deps: AdminDirectoryDeps): AdminTeams {
  const { store, clock, ids } = deps;
  const scopeOf = (tx: StoreTx, orgId: string, at: string): ChangeScope => ({ tx, orgId, at, ids });

  async function getExisting(tx: StoreTx, orgId: string, id: string): Promise<GroupRecord> {
    const team = await tx.groups.get(orgId, id);
    if (team === undefined) throw notFound(`team ${JSON.stringify(id)} does not exist in this organization`);
    return team;
  }

  /**
   * Adds (`join`) or removes the user, unless it already is (or is not) a member: a change that changes nothing
   * overrides nothing of the IdP's either. Returns whether membership changed.
   */
  async function changeMembership(
    orgId: string,
    id: string,
    userId: string,
    join: boolean,
    force: boolean,
  ): Promise<AdminWrite<boolean>> {
    return store.transaction(async (tx) => {
      const team = await getExisting(tx, orgId, id);
      if ((await tx.users.get(orgId, userId)) === undefined) {
        throw notFound(`user ${JSON.stringify(userId)} does not exist in this organization`);
      }
      if ((await tx.memberships.has(orgId, id, userId)) === join) return { result: false, override: null };
      const change = { action: 'update', fields: [MEMBERSHIP_FIELD] } as const;
      const override = checkIdpManaged(team.managedBy, 'team', team.displayName, change, force);
      const at = clock.now().toISOString();
      const delta = join
        ? { added: await tx.memberships.add(orgId, id, [{ id: userId, type: 'User' }], at), removed: [] }
        : { added: [], removed: await tx.memberships.remove(orgId, id, [userId]) };
      await recordMembershipChange(scopeOf(tx, orgId, at), id, delta);
      // A membership change is a new version of the team, as through SCIM (its ETag changes).
      await tx.groups.touch(orgId, id, team.version + 1, at);
      return { result: true, override };
    });
  }

  return {
    async list(orgId, query) {
      const { managedBy } = query;
      const filters =
        query.q === undefined || query.q === '' ? [] : [containsAny(query.q, [{ name: 'displayName' }])];
      // The page's member counts in one more statement (not one per team), from the page's snapshot.
      return store.read(async (tx) => {
        const page = await tx.groups.list(
          orgId,
          toAdminListQuery(query, filters),
          managedBy === undefined ? {} : { managedBy },
        );
        const counts = await tx.groups.memberCounts(
          orgId,
          page.items.map((team) => team.id),
        );
        return {
          items: page.items.map((team) => ({
            ...toAdminTeamView(team),
            memberCount: counts.get(team.id) ?? 0,
          })),
          nextCursor: page.nextCursor ?? null,
        };
      });
    },

    get: (orgId, id) =>
      store.read(async (tx) => {
        const team = await getExisting(tx, orgId, id);
        const members = await tx.groups.memberDetails(orgId, id);
        return { ...toAdminTeamView(team), members: members.map(toMember) };
      }),

    async create(orgId, input) {
      const now = clock.now().toISOString();
      const base = { id: ids.newId(), orgId, version: 1, createdAt: now, updatedAt: now };
      const team: GroupRecord = { ...toGroupRecord(base, applyInput({}, input)), managedBy: 'admin' };
      await store.transaction(async (tx) => {
        await tx.groups.insert(team);
        await recordTeamChange(scopeOf(tx, orgId, now), undefined, team);
      });
      return toAdminTeamView(team);
    },

    update: (orgId, id, input, options) =>
      store.transaction(async (tx) => {
        const existing = await getExisting(tx, orgId, id);
        const data = applyInput(existing.data, input);
        if (isSameJson(existing.data, data)) return { result: toAdminTeamView(existing), override: null };
        const at = clock.now().toISOString();
        const base = {
          id,
          orgId,
          version: existing.version + 1,
          createdAt: existing.createdAt,
          updatedAt: at,
        };
        const next: GroupRecord = { ...toGroupRecord(base, data), managedBy: existing.managedBy ?? 'scim' };
        const fields = IDP_OWNED.filter((f) => !isSameJson(existing.data[f], next.data[f]));
        const override = checkIdpManaged(
          existing.managedBy,
          'team',
          existing.displayName,
          { action: 'update', fields },
          options.force,
        );
        await tx.groups.update(next);
        await recordTeamChange(scopeOf(tx, orgId, at), existing, next);
        return { result: toAdminTeamView(next), override };
      }),

    delete: (orgId, id, options) =>
      store.transaction(async (tx) => {
        const existing = await getExisting(tx, orgId, id);
        const override = checkIdpManaged(
          existing.managedBy,
          'team',
          existing.displayName,
          { action: 'delete' },
          options.force,
        );
        await deleteTeamRecorded(scopeOf(tx, orgId, clock.now().toISOString()), existing);
        return { result: null, override };
      }),

    async members(orgId, id) {
      return store.read(async (tx) => {
        await getExisting(tx, orgId, id);
        return (await tx.groups.memberDetails(orgId, id)).map(toMember);
      });
    },

    async addMember(orgId, id, userId, options) {
      const { result, override } = await changeMembership(orgId, id, userId, true, options.force);
      return { result: { added: result }, override };
    },

    async removeMember(orgId, id, userId, options) {
      const { result, override } = await changeMembership(orgId, id, userId, false, options.force);
      return { result: { removed: result }, override };
    },
  };
}
