// Builders for store records and filter ASTs (built by hand so the store suite does not depend on the parser).
import type { GroupRecord, Organization, UserRecord } from '../../src/domain/ports.js';
import type { CompareOp, FilterNode, FilterValue } from '../../src/scim/filter/filter-node.js';
import type { AttrPath } from '../../src/scim/path/attr-path.js';
import type { ListParams } from '../../src/scim/list/list-params.js';
import type { JsonObject } from '../../src/shared/json.js';

export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** Distinct, sortable timestamps: `at(3)` is 3 minutes after 2026-01-01T00:00Z. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
}

export function org(id: string): Organization {
  return { id, slug: `slug-${id}`, name: `Org ${id}`, createdAt: at(0) };
}

let sequence = 0;
/** Time-ordered ids like the real UUID v7 generator (creation order = id order). */
export function nextId(prefix = 'id'): string {
  sequence += 1;
  return `0190${String(sequence).padStart(8, '0')}-${prefix}`;
}

export function user(orgId: string, data: JsonObject, overrides: Partial<UserRecord> = {}): UserRecord {
  const userName = data['userName'];
  const displayName = data['displayName'];
  const externalId = data['externalId'];
  const createdAt = overrides.createdAt ?? at(sequence + 1);
  return {
    id: nextId('u'),
    orgId,
    userName: typeof userName === 'string' ? userName : 'nobody',
    externalId: typeof externalId === 'string' ? externalId : null,
    displayName: typeof displayName === 'string' ? displayName : null,
    active: data['active'] !== false,
    data,
    version: 1,
    createdAt,
    updatedAt: createdAt,
    managedBy: 'scim',
    ...overrides,
  };
}

export function group(orgId: string, displayName: string, overrides: Partial<GroupRecord> = {}): GroupRecord {
  const createdAt = overrides.createdAt ?? at(sequence + 1);
  return {
    id: nextId('g'),
    orgId,
    displayName,
    externalId: null,
    data: { displayName },
    version: 1,
    createdAt,
    updatedAt: createdAt,
    managedBy: 'scim',
    ...overrides,
  };
}

export function path(name: string, subAttr?: string, schema?: string): AttrPath {
  return {
    name,
    ...(subAttr === undefined ? {} : { subAttr }),
    ...(schema === undefined ? {} : { schema }),
  };
}

export const cmp = (p: AttrPath, op: CompareOp, value: FilterValue): FilterNode => ({
  kind: 'compare',
  path: p,
  op,
  value,
});
export const pr = (p: AttrPath): FilterNode => ({ kind: 'present', path: p });
export const and = (left: FilterNode, right: FilterNode): FilterNode => ({ kind: 'and', left, right });
export const or = (left: FilterNode, right: FilterNode): FilterNode => ({ kind: 'or', left, right });
export const not = (filter: FilterNode): FilterNode => ({ kind: 'not', filter });
export const vp = (p: AttrPath, filter: FilterNode): FilterNode => ({ kind: 'valuePath', path: p, filter });

export function listQuery(overrides: Partial<ListParams> = {}): ListParams {
  return { sortOrder: 'ascending', startIndex: 1, count: 100, ...overrides };
}
