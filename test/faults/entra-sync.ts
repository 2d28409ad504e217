// An identity provider's initial sync as Microsoft Entra ID runs it (test/conformance/entra/ has the bodies): each
// user is looked up by userName and created when missing, then each group by displayName (members excluded) and
// created when missing, then members are added to each group with PATCH `add` on `members`, a batch at a time. Several
// requests run side by side. What the server acknowledged with a 2xx is kept as the IdP's view; a request that got no
// answer (the server died under it) stops the sync and is remembered for the retry.
import {
  ENTERPRISE_USER,
  GROUP_SCHEMA,
  PATCH_OP,
  USER_SCHEMA,
  filterQuery,
} from '../conformance/scim-client.js';

export type SyncPhase = 'users' | 'groups' | 'members';

export interface SyncPlan {
  readonly users: number;
  readonly groups: number;
  /** Members per PATCH request. */
  readonly batch: number;
}

/** The IdP's view: ids the server answered with, memberships it confirmed, and what was left unanswered. */
export interface IdpState {
  readonly userIds: Map<number, string>;
  readonly groupIds: Map<number, string>;
  /** `<group>:<user>` pairs a 2xx PATCH confirmed. */
  readonly members: Set<string>;
  readonly unanswered: Unanswered[];
}

/** What a request left unanswered was for: a user or group lookup or create, a member PATCH. */
export type Unanswered =
  | { readonly kind: 'user'; readonly user: number }
  | { readonly kind: 'group'; readonly group: number }
  | { readonly kind: 'members'; readonly group: number; readonly users: readonly number[] };

export function newIdpState(): IdpState {
  return { userIds: new Map(), groupIds: new Map(), members: new Set(), unanswered: [] };
}

export const userNameOf = (user: number): string => `Sync_User_${String(user).padStart(5, '0')}@contoso.com`;
export const groupNameOf = (group: number): string => `Sync Group ${String(group).padStart(3, '0')}`;
/** Each user is in one group. */
export const groupOfUser = (user: number, plan: SyncPlan): number => user % plan.groups;

/** Entra's create-user body (entra-default.test.ts), made unique per user. */
function entraUser(user: number): Record<string, unknown> {
  const n = String(user).padStart(5, '0');
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER],
    externalId: `ext-${n}`,
    userName: userNameOf(user),
    active: true,
    emails: [{ primary: true, type: 'work', value: `user.${n}@contoso.com` }],
    meta: { resourceType: 'User' },
    name: { formatted: `Given ${n} Family`, familyName: 'Family', givenName: `Given ${n}` },
    [ENTERPRISE_USER]: { employeeNumber: n, department: `Dept ${String(user % 7)}` },
    roles: [],
  };
}

function entraGroup(group: number): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
    externalId: `grp-${String(group)}`,
    displayName: groupNameOf(group),
    meta: { resourceType: 'Group' },
  };
}

/** The request could not be answered: the connection was refused or reset. */
export class NoAnswer extends Error {
  override readonly name = 'NoAnswer';
}

export interface ScimAnswer {
  readonly status: number;
  readonly body: Record<string, unknown> | undefined;
}

export interface SyncClient {
  /** Called before each request is sent, with its phase (the tests kill the server from here). */
  onRequest: ((phase: SyncPhase) => void) | undefined;
  /** Rejects with NoAnswer when no HTTP answer came back. */
  send(phase: SyncPhase, method: string, path: string, body?: unknown): Promise<ScimAnswer>;
}

export function createSyncClient(origin: string, token: string): SyncClient {
  const client: SyncClient = {
    onRequest: undefined,
    async send(phase, method, path, body) {
      client.onRequest?.(phase);
      let res: Response;
      let text: string;
      try {
        res = await fetch(`${origin}/scim/v2${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        text = await res.text();
      } catch (error) {
        throw new NoAnswer(`${method} ${path}: ${String(error)}`, { cause: error });
      }
      return {
        status: res.status,
        body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
      };
    },
  };
  return client;
}

function unexpected(what: string, answer: ScimAnswer): Error {
  return new Error(`${what}: unexpected ${String(answer.status)} ${JSON.stringify(answer.body)}`);
}

async function findId(client: SyncClient, phase: SyncPhase, path: string): Promise<string | undefined> {
  const found = await client.send(phase, 'GET', path);
  if (found.status !== 200) throw unexpected(`GET ${path}`, found);
  const resources = found.body?.['Resources'] as { id: string }[] | undefined;
  if (resources === undefined || resources.length > 1) throw unexpected(`GET ${path}`, found);
  return resources[0]?.id;
}

const userQuery = (user: number): string => `/Users?${filterQuery(`userName eq "${userNameOf(user)}"`)}`;
const groupQuery = (group: number): string =>
  `/Groups?excludedAttributes=members&${filterQuery(`displayName eq "${groupNameOf(group)}"`)}`;

/** POST of a user; 409 (created by an earlier attempt whose answer was lost) → looked up, as Entra does. */
async function createUser(client: SyncClient, state: IdpState, user: number): Promise<void> {
  const created = await client.send('users', 'POST', '/Users', entraUser(user));
  if (created.status === 201) {
    state.userIds.set(user, String(created.body?.['id']));
    return;
  }
  if (created.status !== 409) throw unexpected(`POST user ${String(user)}`, created);
  const id = await findId(client, 'users', userQuery(user));
  if (id === undefined) throw unexpected(`user ${String(user)} after 409`, created);
  state.userIds.set(user, id);
}

async function syncUser(client: SyncClient, state: IdpState, user: number): Promise<void> {
  const id = await findId(client, 'users', userQuery(user));
  if (id !== undefined) state.userIds.set(user, id);
  else await createUser(client, state, user);
}

/** Groups have no unique name: Entra looks the group up before it creates it, on the first try and on retries. */
async function syncGroup(client: SyncClient, state: IdpState, group: number): Promise<void> {
  const id = await findId(client, 'groups', groupQuery(group));
  if (id !== undefined) {
    state.groupIds.set(group, id);
    return;
  }
  const created = await client.send('groups', 'POST', '/Groups', entraGroup(group));
  if (created.status !== 201) throw unexpected(`POST group ${String(group)}`, created);
  state.groupIds.set(group, String(created.body?.['id']));
}

async function addMembers(
  client: SyncClient,
  state: IdpState,
  group: number,
  users: readonly number[],
): Promise<void> {
  const groupId = state.groupIds.get(group);
  if (groupId === undefined) throw new Error(`group ${String(group)} has no id`);
  const value = users.map((user) => ({ value: state.userIds.get(user) }));
  const body = { schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value }] };
  const answer = await client.send('members', 'PATCH', `/Groups/${groupId}`, body);
  if (answer.status !== 204 && answer.status !== 200)
    throw unexpected(`PATCH group ${String(group)}`, answer);
  for (const user of users) state.members.add(`${String(group)}:${String(user)}`);
}

/** Runs `tasks` `concurrency` at a time; the first failure stops the others from starting new ones. */
async function runTasks(tasks: readonly (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const task = tasks[next++];
      try {
        await task?.();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: concurrency }, lane));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected !== undefined) throw rejected.reason;
}

/** Wraps a task so that a request left unanswered is remembered (with what it was for) before the sync stops. */
function remembering(state: IdpState, what: Unanswered, task: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await task();
    } catch (error) {
      if (error instanceof NoAnswer) state.unanswered.push(what);
      throw error;
    }
  };
}

/** Everything of `plan` the IdP has no acknowledgement for yet, phase by phase. Rejects with NoAnswer on a crash. */
export async function runSync(
  client: SyncClient,
  plan: SyncPlan,
  state: IdpState,
  concurrency = 8,
): Promise<void> {
  const users = Array.from({ length: plan.users }, (_, user) => user).filter((u) => !state.userIds.has(u));
  await runTasks(
    users.map((user) => remembering(state, { kind: 'user', user }, () => syncUser(client, state, user))),
    concurrency,
  );
  const groups = Array.from({ length: plan.groups }, (_, group) => group).filter(
    (g) => !state.groupIds.has(g),
  );
  await runTasks(
    groups.map((group) =>
      remembering(state, { kind: 'group', group }, () => syncGroup(client, state, group)),
    ),
    concurrency,
  );
  const patches: (() => Promise<void>)[] = [];
  for (let group = 0; group < plan.groups; group += 1) {
    const missing = Array.from({ length: plan.users }, (_, user) => user).filter(
      (user) => groupOfUser(user, plan) === group && !state.members.has(`${String(group)}:${String(user)}`),
    );
    for (let i = 0; i < missing.length; i += plan.batch) {
      const batch = missing.slice(i, i + plan.batch);
      patches.push(
        remembering(state, { kind: 'members', group, users: batch }, () =>
          addMembers(client, state, group, batch),
        ),
      );
    }
  }
  await runTasks(patches, concurrency);
}

/**
 * The IdP's retries after the outage: first the requests that got no answer, sent again as they were (a user POST
 * that did commit now meets 409 and is looked up; a group is looked up before it is created again; a member PATCH is
 * repeated), then the rest of the sync.
 */
export async function retrySync(client: SyncClient, plan: SyncPlan, state: IdpState): Promise<void> {
  const retries = state.unanswered.splice(0);
  for (const retry of retries) {
    switch (retry.kind) {
      case 'user':
        await createUser(client, state, retry.user);
        break;
      case 'group':
        await syncGroup(client, state, retry.group);
        break;
      case 'members':
        if (state.groupIds.has(retry.group)) await addMembers(client, state, retry.group, retry.users);
        break;
    }
  }
  await runSync(client, plan, state);
}
