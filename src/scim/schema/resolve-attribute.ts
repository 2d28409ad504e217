// Case-insensitive resolution of attribute paths against a resource type (RFC 7643 §2.1: attribute names are
// case insensitive; RFC 7644 §3.10: a path may be prefixed by its schema URN).
import type { AttrPath } from '../path/attr-path.js';
import { COMMON_ATTRIBUTES, COMMON_SCHEMA } from './common-attributes.js';
import type { AttributeDef, ResourceTypeDef, SchemaDef } from './schema-types.js';
import {
  BULK_REQUEST_URN,
  BULK_RESPONSE_URN,
  CORE_GROUP_URN,
  CORE_USER_URN,
  ENTERPRISE_USER_URN,
  LIST_RESPONSE_URN,
  PATCH_OP_URN,
  RESOURCE_TYPE_URN,
  SCHEMA_URN,
  SEARCH_REQUEST_URN,
  SERVICE_PROVIDER_CONFIG_URN,
} from './schema-urns.js';

export type ResolvedAttribute =
  | {
      readonly kind: 'attribute';
      /** The schema that defines the attribute (core, extension, or the common-attributes pseudo schema). */
      readonly schema: SchemaDef;
      /** true when the attribute belongs to an extension schema (stored under the extension URN key). */
      readonly extension: boolean;
      /** true for id, externalId, meta (RFC 7643 §3.1). */
      readonly common: boolean;
      readonly attr: AttributeDef;
      readonly sub?: AttributeDef;
    }
  /** The path is an extension schema URN itself (a key of a path-less PATCH value or of a resource). */
  | { readonly kind: 'extension'; readonly schema: SchemaDef };

const STANDARD_URNS = [
  CORE_USER_URN,
  CORE_GROUP_URN,
  ENTERPRISE_USER_URN,
  SERVICE_PROVIDER_CONFIG_URN,
  RESOURCE_TYPE_URN,
  SCHEMA_URN,
  LIST_RESPONSE_URN,
  SEARCH_REQUEST_URN,
  PATCH_OP_URN,
  BULK_REQUEST_URN,
  BULK_RESPONSE_URN,
];

/** Lower-cased spelling → standard spelling, including OneLogin's pre-RFC URNs. */
const URN_ALIASES: ReadonlyMap<string, string> = new Map([
  ...STANDARD_URNS.map((urn): [string, string] => [urn.toLowerCase(), urn]),
  ['urn:scim:schemas:core:2.0:user', CORE_USER_URN],
  ['urn:scim:schemas:core:2.0:group', CORE_GROUP_URN],
  ['urn:scim:schemas:extension:enterprise:2.0', ENTERPRISE_USER_URN],
  ['urn:scim:schemas:extension:enterprise:2.0:user', ENTERPRISE_USER_URN],
]);

/** OneLogin's bare core URN names no resource type: it means the core schema of whatever is being written. */
const BARE_CORE_ALIAS = 'urn:scim:schemas:core:2.0';

/**
 * Maps schema URNs to the standard spelling, case-insensitively; OneLogin's `urn:scim:schemas:core:2.0` and
 * `urn:scim:schemas:extension:enterprise:2.0` map to the RFC URNs. Unknown URNs are returned unchanged.
 * The bare core URN maps to the core schema of `type` when given, else to the User schema.
 */
export function normalizeSchemaUrn(urn: string, type?: ResourceTypeDef): string {
  const lower = urn.trim().toLowerCase();
  if (lower === BARE_CORE_ALIAS) return type?.schema.id ?? CORE_USER_URN;
  return URN_ALIASES.get(lower) ?? urn;
}

/** Sub-attribute of a complex attribute by name, case-insensitively. */
export function findSubAttribute(attr: AttributeDef, name: string): AttributeDef | undefined {
  return findByName(attr.subAttributes ?? [], name);
}

function findByName(attrs: readonly AttributeDef[], name: string): AttributeDef | undefined {
  const lower = name.toLowerCase();
  return attrs.find((a) => a.name.toLowerCase() === lower);
}

type Prefixes = readonly (readonly [string, SchemaDef])[];
const prefixesByType = new WeakMap<ResourceTypeDef, Prefixes>();

/** Every spelling of a schema URN this type accepts as a path prefix, longest first (so `…:2.0:User` beats `…:2.0`). */
function schemaPrefixes(type: ResourceTypeDef): Prefixes {
  let prefixes = prefixesByType.get(type);
  if (prefixes === undefined) {
    prefixes = buildSchemaPrefixes(type);
    prefixesByType.set(type, prefixes);
  }
  return prefixes;
}

function buildSchemaPrefixes(type: ResourceTypeDef): Prefixes {
  const schemas = [type.schema, ...type.extensions.map((e) => e.schema)];
  const prefixes: [string, SchemaDef][] = [];
  for (const schema of schemas) {
    prefixes.push([schema.id.toLowerCase(), schema]);
    for (const [alias, standard] of URN_ALIASES) {
      if (standard === schema.id && alias !== schema.id.toLowerCase()) prefixes.push([alias, schema]);
    }
  }
  prefixes.push([BARE_CORE_ALIAS, type.schema]);
  return prefixes.sort((a, b) => b[0].length - a[0].length);
}

interface SplitPath {
  readonly schema?: SchemaDef;
  readonly name: string;
  readonly subAttr?: string;
}

/**
 * Brings the forms a path arrives in to one shape: `{ schema: 'urn:…:2.0', name: 'User' }` (a parser split at the
 * last colon), a raw JSON key such as `urn:…:User:department` or `name.givenName` in `name`, or a proper AttrPath.
 * `null` when a URN prefix names no schema of this type.
 */
function splitPath(type: ResourceTypeDef, path: AttrPath): SplitPath | null {
  const full = path.schema === undefined ? path.name : `${path.schema}:${path.name}`;
  let schema: SchemaDef | undefined;
  let rest = full;
  if (full.toLowerCase().startsWith('urn:')) {
    const lower = full.toLowerCase();
    const match = schemaPrefixes(type).find(([prefix]) => lower === prefix || lower.startsWith(`${prefix}:`));
    if (match === undefined) return null;
    schema = match[1];
    rest = full.slice(match[0].length + 1);
  }
  let name = rest;
  let subAttr = path.subAttr;
  const dot = rest.indexOf('.');
  if (subAttr === undefined && dot > 0) {
    name = rest.slice(0, dot);
    subAttr = rest.slice(dot + 1);
  }
  return {
    ...(schema === undefined ? {} : { schema }),
    name,
    ...(subAttr === undefined ? {} : { subAttr }),
  };
}

/** Resolutions per type, keyed by the path's spelling: every resource rendered resolves the same few keys. */
const resolvedByType = new WeakMap<ResourceTypeDef, Map<string, ResolvedAttribute | undefined>>();
/** Spellings come from requests too: the cache starts over rather than grow without bound. */
const MAX_CACHED_PATHS = 4096;

/** Undefined when the path names nothing in this resource type. Names compare case-insensitively. */
export function resolveAttribute(type: ResourceTypeDef, path: AttrPath): ResolvedAttribute | undefined {
  let cache = resolvedByType.get(type);
  if (cache === undefined) {
    cache = new Map();
    resolvedByType.set(type, cache);
  }
  const key = `${path.schema ?? ''}\n${path.name}\n${path.subAttr ?? ''}`;
  if (cache.has(key)) return cache.get(key);
  const resolved = resolveUncached(type, path);
  if (cache.size >= MAX_CACHED_PATHS) cache.clear();
  cache.set(key, resolved);
  return resolved;
}

function resolveUncached(type: ResourceTypeDef, path: AttrPath): ResolvedAttribute | undefined {
  const split = splitPath(type, path);
  if (split === null) return undefined;
  const { schema, name, subAttr } = split;

  if (name === '') {
    // The path is a schema URN on its own: only an extension is addressable that way (its object in the resource).
    const isExtension = schema !== undefined && schema !== type.schema && subAttr === undefined;
    return isExtension ? { kind: 'extension', schema } : undefined;
  }

  // Unqualified names: core first, then the common attributes, then extensions (RFC 7644 §3.10 lets clients
  // leave the URN out for the core schema; extension names are accepted bare too, as long as core has no such name).
  const scopes: readonly (readonly [SchemaDef, readonly AttributeDef[]])[] =
    schema === undefined
      ? [
          [type.schema, type.schema.attributes],
          [COMMON_SCHEMA, COMMON_ATTRIBUTES],
          ...type.extensions.map((e) => [e.schema, e.schema.attributes] as const),
        ]
      : schema === type.schema
        ? [
            [type.schema, type.schema.attributes],
            [COMMON_SCHEMA, COMMON_ATTRIBUTES],
          ]
        : [[schema, schema.attributes]];

  for (const [owner, attrs] of scopes) {
    const attr = findByName(attrs, name);
    if (attr === undefined) continue;
    const base = {
      kind: 'attribute',
      schema: owner,
      extension: owner !== type.schema && owner !== COMMON_SCHEMA,
      common: owner === COMMON_SCHEMA,
      attr,
    } as const;
    if (subAttr === undefined) return base;
    const sub = findSubAttribute(attr, subAttr);
    return sub === undefined ? undefined : { ...base, sub };
  }
  return undefined;
}
