// Explicit mappers from stored records to SCIM representations (RFC 7643 §3: schemas, id, attributes, meta).
import { buildMeta } from '../scim/resource/build-meta.js';
import { formatEtag } from '../scim/resource/etag.js';
import { CORE_GROUP_URN, CORE_USER_URN, ENTERPRISE_USER_URN } from '../scim/schema/resource-types.js';
import type { JsonObject } from '../shared/json.js';
import type { GroupRecord, GroupRef, MemberRef, StoredUserJson, UserRecord } from './ports.js';

export function userLocation(baseUrl: string, id: string): string {
  return `${baseUrl}/Users/${id}`;
}

export function groupLocation(baseUrl: string, id: string): string {
  return `${baseUrl}/Groups/${id}`;
}

function userSchemas(hasEnterprise: boolean): string[] {
  return hasEnterprise ? [CORE_USER_URN, ENTERPRISE_USER_URN] : [CORE_USER_URN];
}

function userGroups(groups: readonly GroupRef[], baseUrl: string): JsonObject[] {
  return groups.map((g) => ({
    value: g.value,
    $ref: groupLocation(baseUrl, g.value),
    display: g.display,
    type: 'direct',
  }));
}

function userMeta(user: Omit<UserRecord, 'data'>, baseUrl: string): JsonObject {
  return buildMeta({
    resourceType: 'User',
    created: user.createdAt,
    lastModified: user.updatedAt,
    location: userLocation(baseUrl, user.id),
    version: formatEtag(user.version),
  });
}

/** `groups` undefined → not loaded (excluded by the projection); [] → the user is in no group (attribute omitted). */
export function toScimUser(
  user: UserRecord,
  groups: readonly GroupRef[] | undefined,
  baseUrl: string,
): JsonObject {
  const resource: JsonObject = {
    schemas: userSchemas(user.data[ENTERPRISE_USER_URN] !== undefined),
    id: user.id,
    ...user.data,
  };
  if (groups !== undefined && groups.length > 0) resource['groups'] = userGroups(groups, baseUrl);
  resource['meta'] = userMeta(user, baseUrl);
  return resource;
}

/** The enterprise extension as a key of the stored document's text (a string value is never followed by `:`). */
const ENTERPRISE_KEY = `"${ENTERPRISE_USER_URN}":`;
/** An empty object or a null: the default projection would drop it (and an emptied extension's URN). */
const DROPPED_BY_PROJECTION = /:\s*(?:\{\s*\}|null)/;

/**
 * The user's default representation (no attributes/excludedAttributes) as JSON text, written around the stored
 * document without parsing it: the same resource as toScimUser and the default projection give, for the hot GET by id.
 * undefined when the document holds what that projection would drop (an empty object or a null); then the caller
 * takes the parsing path.
 */
export function toScimUserJson(stored: StoredUserJson, baseUrl: string): string | undefined {
  const { user, dataJson, groups } = stored;
  const text = dataJson.trim();
  if (!text.startsWith('{') || !text.endsWith('}') || DROPPED_BY_PROJECTION.test(text)) return undefined;
  const inner = text.slice(1, -1).trim();
  // Keys after ours win in JSON.parse, like the document's keys spread after `schemas` and `id` in toScimUser.
  return [
    `{"schemas":${JSON.stringify(userSchemas(text.includes(ENTERPRISE_KEY)))}`,
    `"id":${JSON.stringify(user.id)}`,
    ...(inner === '' ? [] : [inner]),
    ...(groups.length > 0 ? [`"groups":${JSON.stringify(userGroups(groups, baseUrl))}`] : []),
    `"meta":${JSON.stringify(userMeta(user, baseUrl))}}`,
  ].join(',');
}

/** `members` undefined → not loaded (excluded by the projection); [] → no members (attribute omitted). */
export function toScimGroup(
  group: GroupRecord,
  members: readonly MemberRef[] | undefined,
  baseUrl: string,
): JsonObject {
  const resource: JsonObject = { schemas: [CORE_GROUP_URN], id: group.id, ...group.data };
  if (members !== undefined && members.length > 0) {
    resource['members'] = members.map((m) => ({
      value: m.value,
      $ref: m.type === 'User' ? userLocation(baseUrl, m.value) : groupLocation(baseUrl, m.value),
      ...(m.display === null ? {} : { display: m.display }),
      type: m.type,
    }));
  }
  resource['meta'] = buildMeta({
    resourceType: 'Group',
    created: group.createdAt,
    lastModified: group.updatedAt,
    location: groupLocation(baseUrl, group.id),
    version: formatEtag(group.version),
  });
  return resource;
}
