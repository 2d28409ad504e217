import { describe, expect, it } from 'vitest';
import type { AttrPath } from '../path/attr-path.js';
import { findSubAttribute, normalizeSchemaUrn, resolveAttribute } from './resolve-attribute.js';
import {
  CORE_GROUP_URN,
  CORE_USER_URN,
  ENTERPRISE_USER_URN,
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
} from './resource-types.js';

/** Compact description of a resolution: "<scope>:<attr>[.<sub>]" or "ext:<urn>" or "none". */
function describeResolution(path: AttrPath, type = USER_RESOURCE_TYPE): string {
  const r = resolveAttribute(type, path);
  if (r === undefined) return 'none';
  if (r.kind === 'extension') return `ext:${r.schema.id}`;
  const scope = r.common ? 'common' : r.extension ? 'enterprise' : 'core';
  return `${scope}:${r.attr.name}${r.sub === undefined ? '' : `.${r.sub.name}`}`;
}

describe('resolveAttribute on User', () => {
  it.each<[AttrPath, string]>([
    [{ name: 'userName' }, 'core:userName'],
    [{ name: 'USERNAME' }, 'core:userName'],
    [{ name: 'name', subAttr: 'GIVENNAME' }, 'core:name.givenName'],
    [{ name: 'emails', subAttr: 'value' }, 'core:emails.value'],
    [{ name: 'id' }, 'common:id'],
    [{ name: 'externalid' }, 'common:externalId'],
    [{ name: 'meta', subAttr: 'created' }, 'common:meta.created'],
    [{ name: 'meta', subAttr: 'lastmodified' }, 'common:meta.lastModified'],
    // Unqualified extension names resolve after core and common.
    [{ name: 'department' }, 'enterprise:department'],
    [{ schema: ENTERPRISE_USER_URN, name: 'manager', subAttr: 'value' }, 'enterprise:manager.value'],
    [{ schema: ENTERPRISE_USER_URN.toUpperCase(), name: 'Department' }, 'enterprise:department'],
    [{ schema: CORE_USER_URN, name: 'userName' }, 'core:userName'],
    [{ schema: CORE_USER_URN, name: 'name', subAttr: 'familyName' }, 'core:name.familyName'],
    // A URN-qualified path resolves only inside that schema.
    [{ schema: ENTERPRISE_USER_URN, name: 'userName' }, 'none'],
    [{ schema: CORE_USER_URN, name: 'department' }, 'none'],
    [{ schema: CORE_GROUP_URN, name: 'displayName' }, 'none'],
    [{ schema: 'urn:example:unknown', name: 'userName' }, 'none'],
    // The extension URN on its own, however a parser or a raw JSON key presents it.
    [{ name: ENTERPRISE_USER_URN }, `ext:${ENTERPRISE_USER_URN}`],
    [
      { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0', name: 'User' },
      `ext:${ENTERPRISE_USER_URN}`,
    ],
    [{ name: CORE_USER_URN }, 'none'],
    // Raw JSON keys (path-less PATCH values, Entra's flat POST keys).
    [{ name: `${ENTERPRISE_USER_URN}:department` }, 'enterprise:department'],
    [{ name: `${ENTERPRISE_USER_URN}:manager.value` }, 'enterprise:manager.value'],
    [{ name: 'name.givenName' }, 'core:name.givenName'],
    // OneLogin's pre-RFC URNs.
    [{ schema: 'urn:scim:schemas:core:2.0', name: 'userName' }, 'core:userName'],
    [{ schema: 'urn:scim:schemas:core:2.0:User', name: 'displayName' }, 'core:displayName'],
    [{ schema: 'urn:scim:schemas:extension:enterprise:2.0', name: 'department' }, 'enterprise:department'],
    [
      { schema: 'urn:scim:schemas:extension:enterprise:2.0:User', name: 'costCenter' },
      'enterprise:costCenter',
    ],
    [{ name: 'urn:scim:schemas:extension:enterprise:2.0' }, `ext:${ENTERPRISE_USER_URN}`],
    // Names that exist nowhere, and sub-attributes that do not exist.
    [{ name: 'adreses' }, 'none'],
    [{ name: 'name', subAttr: 'nope' }, 'none'],
    [{ name: 'userName', subAttr: 'value' }, 'none'],
  ])('%j → %s', (path, expected) => {
    expect(describeResolution(path)).toBe(expected);
  });

  it('reports the defining schema and flags', () => {
    const r = resolveAttribute(USER_RESOURCE_TYPE, { name: 'manager' });
    expect(r).toMatchObject({ kind: 'attribute', extension: true, common: false });
    expect(r?.schema.id).toBe(ENTERPRISE_USER_URN);
    const id = resolveAttribute(USER_RESOURCE_TYPE, { name: 'id' });
    expect(id).toMatchObject({ kind: 'attribute', extension: false, common: true });
  });
});

describe('resolveAttribute on Group', () => {
  it.each<[AttrPath, string]>([
    [{ name: 'displayname' }, 'core:displayName'],
    [{ name: 'members', subAttr: 'VALUE' }, 'core:members.value'],
    [{ schema: CORE_GROUP_URN, name: 'members' }, 'core:members'],
    [{ schema: 'urn:scim:schemas:core:2.0', name: 'displayName' }, 'core:displayName'],
    [{ name: 'userName' }, 'none'],
    [{ name: ENTERPRISE_USER_URN }, 'none'],
    [{ name: 'meta', subAttr: 'created' }, 'common:meta.created'],
  ])('%j → %s', (path, expected) => {
    expect(describeResolution(path, GROUP_RESOURCE_TYPE)).toBe(expected);
  });
});

describe('findSubAttribute', () => {
  const emails = resolveAttribute(USER_RESOURCE_TYPE, { name: 'emails' });
  it('finds sub-attributes case-insensitively', () => {
    expect(emails?.kind).toBe('attribute');
    if (emails?.kind !== 'attribute') return;
    expect(findSubAttribute(emails.attr, 'PRIMARY')?.name).toBe('primary');
    expect(findSubAttribute(emails.attr, 'nope')).toBeUndefined();
  });
});

describe('normalizeSchemaUrn', () => {
  it.each([
    [CORE_USER_URN.toLowerCase(), CORE_USER_URN],
    ['urn:scim:schemas:core:2.0:User', CORE_USER_URN],
    ['urn:scim:schemas:core:2.0:Group', CORE_GROUP_URN],
    ['urn:scim:schemas:core:2.0', CORE_USER_URN],
    ['urn:scim:schemas:extension:enterprise:2.0', ENTERPRISE_USER_URN],
    ['URN:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER', ENTERPRISE_USER_URN],
    ['urn:ietf:params:scim:api:messages:2.0:patchop', 'urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    ['urn:example:Custom', 'urn:example:Custom'],
  ])('%s → %s', (urn, expected) => {
    expect(normalizeSchemaUrn(urn)).toBe(expected);
  });

  it('maps the bare OneLogin core URN to the core schema of the given type', () => {
    expect(normalizeSchemaUrn('urn:scim:schemas:core:2.0', GROUP_RESOURCE_TYPE)).toBe(CORE_GROUP_URN);
  });
});
