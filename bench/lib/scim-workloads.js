// Client-driven SCIM workloads: seeding a directory, an Entra-style initial sync, and building groups of a given size.
import { userNameOf, userPayload } from './fake-user.js';
import { ScimClient, filterQuery, inPool } from './scim-client.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** POSTs `count` users with `concurrency` requests in flight; resolves with their ids (in index order) and the wall time. */
export async function seedUsers(client, { prefix, count, concurrency }) {
  const started = performance.now();
  const ids = await inPool(range(count), concurrency, async (i) => createUser(client, prefix, i));
  const wallS = (performance.now() - started) / 1000;
  return { ids, count, wallS: round(wallS), reqPerSec: Math.round(count / wallS) };
}

/**
 * An Entra-style initial sync into an empty tenant, as Entra's provisioning cycle sends it: for every user an existence
 * check by `userName eq` then POST; for every group a `displayName eq` check (members excluded), POST without members,
 * then PATCH `{"op":"Add","path":"members","value":[…]}` in batches (IDP-NOTES.md, Microsoft Entra ID).
 */
export async function initialSync(client, { prefix, users, groups, membersPerGroup, batch, concurrency }) {
  const before = client.requests;
  const started = performance.now();
  const ids = await inPool(range(users), concurrency, async (i) => {
    await expectEmpty(client, '/Users', `userName eq "${userNameOf(prefix, i)}"`);
    return createUser(client, prefix, i);
  });
  await inPool(range(groups), concurrency, async (g) => {
    const displayName = `${prefix} group ${g}`;
    await expectEmpty(client, '/Groups', `displayName eq "${displayName}"`, '&excludedAttributes=members');
    const members = ids.slice(g * membersPerGroup, (g + 1) * membersPerGroup);
    await createGroup(client, { displayName, members, batch });
  });
  const wallS = (performance.now() - started) / 1000;
  const requests = client.requests - before;
  return {
    users,
    groups,
    membersPerGroup,
    batch,
    requests,
    wallS: round(wallS),
    reqPerSec: Math.round(requests / wallS),
  };
}

/** Creates a group and adds `members` (user ids) with PATCH Add in batches of `batch`; resolves with the group id. */
export async function createGroup(client, { displayName, members, batch }) {
  const group = await client.expect([201], 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName });
  assertId(group, `POST /Groups ${displayName}`);
  for (let from = 0; from < members.length; from += batch) {
    const value = members.slice(from, from + batch).map((id) => ({ value: id }));
    await client.expect([200, 204], 'PATCH', `/Groups/${group.id}`, addMembers(value));
  }
  return group.id;
}

/** The body of an Entra member add. */
export function addMembers(value) {
  return { schemas: [PATCH_SCHEMA], Operations: [{ op: 'Add', path: 'members', value }] };
}

/** The number of members a GET of the group reports (checks that a bulk build really landed). */
export async function memberCount(client, groupId) {
  const group = await client.expect([200], 'GET', `/Groups/${groupId}`);
  return Array.isArray(group.members) ? group.members.length : 0;
}

async function createUser(client, prefix, i) {
  const user = await client.expect([201], 'POST', '/Users', userPayload(prefix, i));
  assertId(user, `POST /Users #${i}`);
  return user.id;
}

async function expectEmpty(client, resource, filter, extra = '') {
  const list = await client.expect([200], 'GET', resource + filterQuery(filter, extra));
  if (list?.totalResults !== 0 || !Array.isArray(list.Resources) || list.Resources.length !== 0) {
    throw new Error(
      `GET ${resource} filter=${filter} should find nothing: ${JSON.stringify(list).slice(0, 200)}`,
    );
  }
}

function assertId(resource, what) {
  if (typeof resource?.id !== 'string')
    throw new Error(`${what} returned no id: ${JSON.stringify(resource)}`);
}

function range(n) {
  return Array.from({ length: n }, (_, i) => i);
}

function round(value) {
  return Math.round(value * 100) / 100;
}

/**
 * One API key for each of `userIds` through the admin API (`POST /api/v1/users/{id}/api-keys`), `concurrency` in
 * flight; resolves with [key, userId] pairs in the order of `userIds`.
 */
export async function createApiKeys({ port, adminKey, userIds, concurrency }) {
  const admin = new ScimClient({ port, basePath: '/api/v1', token: adminKey, mediaType: 'application/json' });
  try {
    return await inPool(userIds, concurrency, async (userId) => {
      const created = await admin.expect([201], 'POST', `/users/${userId}/api-keys`, { name: 'bench' });
      return [created.key, userId];
    });
  } finally {
    admin.close();
  }
}
