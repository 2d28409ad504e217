// RFC 7644 §3.4.2.5 attributes / excludedAttributes, RFC 7643 §7 `returned`.
import type { AttrPath } from '../path/attr-path.js';
import { findSubAttribute, normalizeSchemaUrn, resolveAttribute } from '../schema/resolve-attribute.js';
import type { AttributeDef, ResourceTypeDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';

export interface ProjectionSpec {
  readonly attributes: readonly AttrPath[];
  readonly excludedAttributes: readonly AttrPath[];
}

/** 'all' = the whole attribute was named; a set = only these sub-attributes (canonical names). */
type Selection = 'all' | Set<string>;

/** Paths resolved against the type: attribute keys are `<extension URN or ''>|<canonical attribute name>`. */
interface CompiledPaths {
  readonly attrs: Map<string, Selection>;
  readonly extensions: Set<string>;
}

interface Compiled {
  readonly explicit: boolean;
  readonly wanted: CompiledPaths;
  readonly excluded: CompiledPaths;
}

function attrKey(scope: string, attr: AttributeDef): string {
  return `${scope}|${attr.name}`;
}

/** Paths that name nothing in the type are ignored (RFC 7644 §3.4.2.5 defines no error for them). */
function compilePaths(type: ResourceTypeDef, paths: readonly AttrPath[]): CompiledPaths {
  const compiled: CompiledPaths = { attrs: new Map(), extensions: new Set() };
  for (const path of paths) {
    const resolved = resolveAttribute(type, path);
    if (resolved === undefined) continue;
    if (resolved.kind === 'extension') {
      compiled.extensions.add(resolved.schema.id);
      continue;
    }
    const key = attrKey(resolved.extension ? resolved.schema.id : '', resolved.attr);
    const previous = compiled.attrs.get(key);
    if (resolved.sub === undefined || previous === 'all') {
      compiled.attrs.set(key, 'all');
    } else {
      compiled.attrs.set(key, new Set([...(previous ?? []), resolved.sub.name]));
    }
  }
  return compiled;
}

function compile(type: ResourceTypeDef, projection: ProjectionSpec): Compiled {
  return {
    explicit: projection.attributes.length > 0,
    wanted: compilePaths(type, projection.attributes),
    excluded: compilePaths(type, projection.excludedAttributes),
  };
}

function lookup(paths: CompiledPaths, scope: string, attr: AttributeDef): Selection | undefined {
  return scope !== '' && paths.extensions.has(scope) ? 'all' : paths.attrs.get(attrKey(scope, attr));
}

/**
 * Which part of an attribute the projection returns: undefined → none, 'all' → all of it (minus excluded
 * sub-attributes), a set → those sub-attributes. `excludedSubs` are sub-attributes to leave out.
 */
function decide(
  compiled: Compiled,
  scope: string,
  attr: AttributeDef,
): { readonly keep: Selection; readonly excludedSubs: ReadonlySet<string> } | undefined {
  if (attr.returned === 'never') return undefined;
  if (attr.returned === 'always') return { keep: 'all', excludedSubs: new Set() };
  let keep: Selection;
  if (compiled.explicit) {
    const wanted = lookup(compiled.wanted, scope, attr);
    if (wanted === undefined) return undefined;
    keep = wanted;
  } else {
    // RFC 7643 §7: returned "request" only when named in attributes.
    if (attr.returned === 'request') return undefined;
    keep = 'all';
  }
  const excluded = lookup(compiled.excluded, scope, attr);
  if (excluded === 'all') return undefined;
  return { keep, excludedSubs: excluded ?? new Set() };
}

function keepsSub(sub: AttributeDef, keep: Selection, excludedSubs: ReadonlySet<string>): boolean {
  if (sub.returned === 'never') return false;
  if (sub.returned === 'always') return true;
  if (excludedSubs.has(sub.name)) return false;
  return keep === 'all' ? sub.returned !== 'request' : keep.has(sub.name);
}

function projectComplex(
  attr: AttributeDef,
  value: JsonObject,
  keep: Selection,
  excludedSubs: ReadonlySet<string>,
): JsonObject | undefined {
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    const sub = findSubAttribute(attr, key);
    const kept = sub === undefined ? keep === 'all' : keepsSub(sub, keep, excludedSubs);
    if (kept) out[key] = v;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function projectValue(
  attr: AttributeDef,
  value: JsonValue,
  keep: Selection,
  excludedSubs: ReadonlySet<string>,
): JsonValue | undefined {
  const whole = keep === 'all' && excludedSubs.size === 0;
  if (attr.type !== 'complex' || whole) return value;
  if (Array.isArray(value)) {
    const items = value.flatMap((item) => {
      if (!isJsonObject(item)) return [];
      const projected = projectComplex(attr, item, keep, excludedSubs);
      return projected === undefined ? [] : [projected];
    });
    return items.length === 0 ? undefined : items;
  }
  return isJsonObject(value) ? projectComplex(attr, value, keep, excludedSubs) : undefined;
}

function projectAttribute(
  compiled: Compiled,
  scope: string,
  attr: AttributeDef,
  value: JsonValue,
): JsonValue | undefined {
  const decision = decide(compiled, scope, attr);
  return decision === undefined ? undefined : projectValue(attr, value, decision.keep, decision.excludedSubs);
}

/**
 * Returns a new resource with only the attributes the client should see (returned: always/never honoured). It never
 * changes `resource`, but shares the values it keeps whole with it: a response is serialized, not edited.
 */
export function projectResource(
  resource: JsonObject,
  type: ResourceTypeDef,
  projection: ProjectionSpec,
): JsonObject {
  const compiled = compile(type, projection);
  const out: JsonObject = {};
  const droppedExtensions = new Set<string>();
  for (const [key, value] of Object.entries(resource)) {
    if (key.toLowerCase() === 'schemas') {
      out[key] = value;
      continue;
    }
    const resolved = resolveAttribute(type, { name: key });
    if (resolved === undefined) {
      // Not in the schema (should not happen for stored data): shown only in the default representation.
      if (!compiled.explicit) out[key] = value;
      continue;
    }
    if (resolved.kind === 'extension') {
      const ext: JsonObject = {};
      if (isJsonObject(value)) {
        for (const [innerKey, innerValue] of Object.entries(value)) {
          const inner = resolveAttribute(type, { schema: resolved.schema.id, name: innerKey });
          if (inner?.kind !== 'attribute') continue;
          const projected = projectAttribute(compiled, resolved.schema.id, inner.attr, innerValue);
          if (projected !== undefined) ext[innerKey] = projected;
        }
      }
      // An extension object left empty goes, and so does its URN in `schemas` (RFC 7643 §3).
      if (Object.keys(ext).length > 0) out[key] = ext;
      else droppedExtensions.add(resolved.schema.id);
      continue;
    }
    const scope = resolved.extension ? resolved.schema.id : '';
    const projected = projectAttribute(compiled, scope, resolved.attr, value);
    if (projected !== undefined) out[key] = projected;
  }
  const schemas = out['schemas'];
  if (droppedExtensions.size > 0 && Array.isArray(schemas)) {
    out['schemas'] = schemas.filter(
      (urn) => typeof urn !== 'string' || !droppedExtensions.has(normalizeSchemaUrn(urn, type)),
    );
  }
  return out;
}

/** Whether the projection returns (any part of) the top-level attribute `path` — to skip loading groups/members. */
export function wantsAttribute(type: ResourceTypeDef, projection: ProjectionSpec, path: AttrPath): boolean {
  const resolved = resolveAttribute(type, path);
  if (resolved?.kind !== 'attribute') return false;
  const scope = resolved.extension ? resolved.schema.id : '';
  return decide(compile(type, projection), scope, resolved.attr) !== undefined;
}
