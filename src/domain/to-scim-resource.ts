// Explicit mappers from stored records to SCIM representations (RFC 7643 §3: schemas, id, attributes, meta).
import { buildMeta } from '../scim/resource/build-meta.js';
import { formatEtag } from '../scim/resource/etag.js';
import { CORE_GROUP_URN, CORE_USER_URN, ENTERPRISE_USER_URN } from '../scim/schema/resource-types.js';
import type { JsonObject } from '../shared/json.js';
import type { GroupRecord, GroupRef, MemberRef, UserRecord } from './ports.js';

export function userLocation(baseUrl: string, id: string): string {
  return `${baseUrl}/Users/${id}`;
}

export function groupLocation(baseUrl: string, id: string): string {
  return `${baseUrl}/Groups/${id}`;
}

/** `groups` undefined → not loaded (excluded by the projection); [] → the user is in no group (attribute omitted). */
export function toScimUser(
  user: UserRecord,
  groups: readonly GroupRef[] | undefined,
  baseUrl: string,
): JsonObject {
  const schemas =
    user.data[ENTERPRISE_USER_URN] === undefined ? [CORE_USER_URN] : [CORE_USER_URN, ENTERPRISE_USER_URN];
  const resource: JsonObject = { schemas, id: user.id, ...user.data };
  if (groups !== undefined && groups.length > 0) {
    resource['groups'] = groups.map((g) => ({
      value: g.value,
      $ref: groupLocation(baseUrl, g.value),
      display: g.display,
      type: 'direct',
    }));
  }
  resource['meta'] = buildMeta({
    resourceType: 'User',
    created: user.createdAt,
    lastModified: user.updatedAt,
    location: userLocation(baseUrl, user.id),
    version: formatEtag(user.version),
  });
  return resource;
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
