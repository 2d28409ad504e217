// Request body → canonical stored data (RFC 7643 §2, §3, §7; RFC 7644 §3.3 and §3.5.1).
import { invalidSyntax, invalidValue, mutability } from '../errors.js';
import { resolveAttribute, type ResolvedAttribute } from '../schema/resolve-attribute.js';
import type { AttributeDef, ResourceTypeDef, SchemaDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { coerceValue } from './coerce-value.js';

export interface CoercedResource {
  /** Canonical data: no id/meta/schemas/readOnly attributes; attribute names in schema spelling; extension
   * attributes under their URN key; null / "" / [] / {} values dropped (= unassigned); `members` excluded for Groups. */
  readonly data: JsonObject;
  /** Groups only: the `members` value when the key was present (undefined when absent, [] to clear). */
  readonly members?: readonly { readonly value: string; readonly type?: string }[];
  /** writeOnly password when sent; never stored in data, never returned. */
  readonly password?: string;
}

type Member = { readonly value: string; readonly type?: string };
type Resolved = Extract<ResolvedAttribute, { kind: 'attribute' }>;

/** Raw values gathered per schema (core+common under the type's schema id), keyed by canonical attribute name. */
class Collected {
  readonly bySchema = new Map<SchemaDef, Map<string, { attr: AttributeDef; raw: unknown }>>();

  put(resolved: Resolved, schemaKey: SchemaDef, raw: unknown): void {
    let bucket = this.bySchema.get(schemaKey);
    if (bucket === undefined) {
      bucket = new Map();
      this.bySchema.set(schemaKey, bucket);
    }
    const { attr, sub } = resolved;
    if (sub === undefined) {
      const previous = bucket.get(attr.name)?.raw;
      // `"name": {…}` and `"name.givenName": "…"` in one body add up; otherwise the last key wins.
      const merged = isJsonObject(previous) && isJsonObject(raw) ? { ...previous, ...raw } : raw;
      bucket.set(attr.name, { attr, raw: merged });
      return;
    }
    const previous = bucket.get(attr.name)?.raw;
    const base = isJsonObject(previous) ? previous : {};
    bucket.set(attr.name, { attr, raw: { ...base, [sub.name]: raw } });
  }
}

function parseMembers(raw: unknown): Member[] {
  if (raw === null || raw === '') return [];
  const items = Array.isArray(raw) ? raw : [raw];
  const members: Member[] = [];
  items.forEach((item, i) => {
    if (item === null || item === '' || (isJsonObject(item) && Object.keys(item).length === 0)) return;
    if (!isJsonObject(item)) throw invalidValue(`members[${i}] must be an object with a "value"`);
    let value: unknown;
    let type: unknown;
    for (const [key, v] of Object.entries(item)) {
      const lower = key.toLowerCase();
      if (lower === 'value') value = v;
      else if (lower === 'type') type = v;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw invalidValue(`members[${i}].value must be a non-empty string (the member id)`);
    }
    if (type === undefined || type === null || type === '') {
      members.push({ value });
      return;
    }
    const canonical =
      typeof type === 'string' ? { user: 'User', group: 'Group' }[type.toLowerCase()] : undefined;
    if (canonical === undefined) {
      throw invalidValue(`members[${i}].type must be "User" or "Group", got ${JSON.stringify(type)}`);
    }
    members.push({ value, type: canonical });
  });
  return members;
}

/** RFC 7643 §3: `schemas` is a list of URNs. Missing is tolerated (several IdPs omit it on PUT). */
function checkSchemas(body: JsonObject): void {
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() !== 'schemas') continue;
    if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
      throw invalidSyntax('"schemas" must be an array of schema URN strings');
    }
  }
}

/** Validates and coerces a POST/PUT body; throws invalidSyntax / invalidValue. Unknown attributes are ignored. */
export function coerceResource(type: ResourceTypeDef, body: unknown): CoercedResource {
  if (!isJsonObject(body)) throw invalidSyntax(`The ${type.name} body must be a JSON object`);
  checkSchemas(body);

  const collected = new Collected();
  let members: Member[] | undefined;
  let password: string | undefined;

  const take = (resolved: Resolved, raw: unknown, where: string): void => {
    const { attr, sub } = resolved;
    // RFC 7643 §2.2: readOnly values sent by a client are ignored (id, meta, groups, manager.displayName).
    if (attr.mutability === 'readOnly' || sub?.mutability === 'readOnly') return;
    if (type.id === 'Group' && !resolved.extension && !resolved.common && attr.name === 'members') {
      if (sub === undefined) members = parseMembers(raw);
      return;
    }
    if (attr.mutability === 'writeOnly' && attr.name === 'password') {
      const coerced = coerceValue(attr, raw, where);
      if (typeof coerced === 'string') password = coerced;
      return;
    }
    collected.put(resolved, resolved.extension ? resolved.schema : type.schema, raw);
  };

  for (const [key, raw] of Object.entries(body)) {
    if (key.toLowerCase() === 'schemas') continue;
    const resolved = resolveAttribute(type, { name: key });
    if (resolved === undefined) continue; // RFC 7644 §3.5.1 is silent; IdPs send extras (the validator's `adreses`).
    if (resolved.kind === 'extension') {
      if (raw === null) continue;
      if (!isJsonObject(raw))
        throw invalidSyntax(`"${key}" must be a JSON object of ${resolved.schema.name} attributes`);
      for (const [innerKey, innerRaw] of Object.entries(raw)) {
        const inner = resolveAttribute(type, { schema: resolved.schema.id, name: innerKey });
        if (inner?.kind === 'attribute') take(inner, innerRaw, `${resolved.schema.id}:${innerKey}`);
      }
      continue;
    }
    take(resolved, raw, key);
  }

  const data = buildData(type, collected);
  checkRequired(type, data);
  return {
    data,
    ...(members === undefined ? {} : { members }),
    ...(password === undefined ? {} : { password }),
  };
}

/** Coerces the gathered values; key order follows the schema (externalId, core, then extension objects). */
function buildData(type: ResourceTypeDef, collected: Collected): JsonObject {
  const data: JsonObject = {};
  const core = collected.bySchema.get(type.schema);
  const externalId = [...(core?.values() ?? [])].find((e) => e.attr.name === 'externalId');
  const coreOrder = [
    ...(externalId === undefined ? [] : ['externalId']),
    ...type.schema.attributes.map((a) => a.name),
  ];
  for (const name of coreOrder) {
    const entry = core?.get(name);
    if (entry === undefined) continue;
    const value = coerceValue(entry.attr, entry.raw, entry.attr.name);
    if (value !== undefined) data[entry.attr.name] = value;
  }
  for (const { schema } of type.extensions) {
    const bucket = collected.bySchema.get(schema);
    if (bucket === undefined) continue;
    const ext: JsonObject = {};
    for (const attr of schema.attributes) {
      const entry = bucket.get(attr.name);
      if (entry === undefined) continue;
      const value: JsonValue | undefined = coerceValue(attr, entry.raw, `${schema.id}:${attr.name}`);
      if (value !== undefined) ext[attr.name] = value;
    }
    if (Object.keys(ext).length > 0) data[schema.id] = ext;
  }
  return data;
}

/** RFC 7643 §2.2 required: userName for Users, displayName for Groups; a required extension must be present. */
function checkRequired(type: ResourceTypeDef, data: JsonObject): void {
  for (const attr of type.schema.attributes) {
    if (attr.required && data[attr.name] === undefined) {
      throw invalidValue(`Attribute '${attr.name}' is required and must not be empty`);
    }
  }
  for (const { schema, required } of type.extensions) {
    const ext = data[schema.id];
    if (required && ext === undefined) throw invalidValue(`Schema extension '${schema.id}' is required`);
    for (const attr of schema.attributes) {
      if (ext !== undefined && attr.required && (!isJsonObject(ext) || ext[attr.name] === undefined)) {
        throw invalidValue(`Attribute '${schema.id}:${attr.name}' is required and must not be empty`);
      }
    }
  }
}

/** Structural JSON equality, object key order ignored. */
function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]))
  );
}

/** Throws ScimError mutability when an immutable attribute that had a value changed (RFC 7643 §2.2). */
export function checkImmutable(type: ResourceTypeDef, before: JsonObject, after: JsonObject): void {
  const scopes: readonly (readonly [SchemaDef, JsonValue | undefined, JsonValue | undefined, string])[] = [
    [type.schema, before, after, ''],
    ...type.extensions.map(
      ({ schema }) => [schema, before[schema.id], after[schema.id], `${schema.id}:`] as const,
    ),
  ];
  for (const [schema, b, a, prefix] of scopes) {
    const beforeObj = isJsonObject(b) ? b : {};
    const afterObj = isJsonObject(a) ? a : {};
    for (const attr of schema.attributes) {
      const old = beforeObj[attr.name];
      if (old === undefined) continue; // RFC 7643 §2.2: an immutable attribute without a value may be set once.
      const next = afterObj[attr.name];
      if (attr.mutability === 'immutable' && !sameJson(old, next)) {
        throw mutability(`Attribute '${prefix}${attr.name}' is immutable and cannot be changed`);
      }
      // Immutable sub-attributes of a single-valued complex attribute (multi-valued elements have no identity).
      if (attr.type === 'complex' && !attr.multiValued && isJsonObject(old)) {
        for (const sub of attr.subAttributes ?? []) {
          const oldSub = old[sub.name];
          if (sub.mutability !== 'immutable' || oldSub === undefined) continue;
          const newSub = isJsonObject(next) ? next[sub.name] : undefined;
          if (!sameJson(oldSub, newSub)) {
            throw mutability(
              `Attribute '${prefix}${attr.name}.${sub.name}' is immutable and cannot be changed`,
            );
          }
        }
      }
    }
  }
}
