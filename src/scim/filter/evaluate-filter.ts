// In-memory evaluation (PATCH value filters on one resource, never list queries, which run in SQL).
// RFC 7644 §3.4.2.2 semantics: string comparisons follow the attribute's caseExact, dateTimes compare as instants,
// a multi-valued attribute matches when any of its values does, `pr` means present and non-empty, and a comparison
// with an absent attribute is false (so `ne` is true).
import { invalidFilter } from '../errors.js';
import type { AttrPath } from '../path/attr-path.js';
import { findSubAttribute, normalizeSchemaUrn, resolveAttribute } from '../schema/resolve-attribute.js';
import type { AttrType, AttributeDef, ResourceTypeDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import type { CompareOp, FilterNode } from './filter-node.js';

type CompareNode = Extract<FilterNode, { kind: 'compare' }>;

type Scope = { readonly kind: 'resource' } | { readonly kind: 'element'; readonly attrName: string };

/** Scope with the element's attribute already resolved (undefined when the schema does not define it). */
type Context =
  | { readonly kind: 'resource'; readonly type: ResourceTypeDef }
  | { readonly kind: 'element'; readonly type: ResourceTypeDef; readonly parent: AttributeDef | undefined };

/** The values a path reaches (multi-valued attributes flattened) and the definition that governs comparing them. */
interface Reached {
  readonly values: readonly JsonValue[];
  readonly def: AttributeDef | undefined;
}

/**
 * Evaluates `filter` against `target`. `scope` says how to resolve the filter's attribute names:
 * `{ kind: 'resource' }` → paths are resource attributes; `{ kind: 'element', attr }` → paths are sub-attributes of
 * one element of the multi-valued complex attribute `attr` (value filters such as `emails[type eq "work"]`).
 * Attributes the schema does not define are compared by the JSON type of their value, case-insensitively.
 */
export function evaluateFilter(
  filter: FilterNode,
  target: JsonObject,
  type: ResourceTypeDef,
  scope: Scope,
): boolean {
  return evaluate(filter, target, toContext(type, scope));
}

function toContext(type: ResourceTypeDef, scope: Scope): Context {
  if (scope.kind === 'resource') return { kind: 'resource', type };
  const resolved = resolveAttribute(type, { name: scope.attrName });
  return { kind: 'element', type, parent: resolved?.kind === 'attribute' ? resolved.attr : undefined };
}

function evaluate(node: FilterNode, target: JsonObject, context: Context): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, target, context) && evaluate(node.right, target, context);
    case 'or':
      return evaluate(node.left, target, context) || evaluate(node.right, target, context);
    case 'not':
      return !evaluate(node.filter, target, context);
    case 'present':
      return reach(node.path, target, context).values.some(isPresent);
    case 'compare':
      return compare(reach(node.path, target, context), node);
    case 'valuePath': {
      if (context.kind === 'element') throw invalidFilter('value filters cannot be nested', node.pos);
      const resolved = resolveAttribute(context.type, node.path);
      const attr = resolved?.kind === 'attribute' ? resolved.attr : undefined;
      const base =
        resolved?.kind === 'attribute' && resolved.extension
          ? extensionObject(target, resolved.schema.id)
          : container(target, node.path, context.type);
      const elements = values(lookupKey(base, attr?.name ?? node.path.name));
      const elementContext: Context = { kind: 'element', type: context.type, parent: attr };
      return elements.some((el) => isJsonObject(el) && evaluate(node.filter, el, elementContext));
    }
  }
}

function reach(path: AttrPath, target: JsonObject, context: Context): Reached {
  if (context.kind === 'element') {
    // Paths inside a value filter name sub-attributes of the element (RFC 7644 §3.4.2.2 valuePath).
    const sub = context.parent === undefined ? undefined : findSubAttribute(context.parent, path.name);
    const raw = lookupKey(target, sub?.name ?? path.name);
    if (path.subAttr === undefined) return { values: values(raw), def: sub };
    const subSub = sub === undefined ? undefined : findSubAttribute(sub, path.subAttr);
    return { values: subValues(raw, path.subAttr), def: subSub };
  }
  const resolved = resolveAttribute(context.type, path);
  if (resolved === undefined) {
    const raw = lookupKey(container(target, path, context.type), path.name);
    return {
      values: path.subAttr === undefined ? values(raw) : subValues(raw, path.subAttr),
      def: undefined,
    };
  }
  if (resolved.kind === 'extension') {
    return {
      values: values(container(target, { schema: resolved.schema.id, name: '' }, context.type)),
      def: undefined,
    };
  }
  const base = resolved.extension ? extensionObject(target, resolved.schema.id) : target;
  const raw = lookupKey(base, resolved.attr.name);
  if (resolved.sub !== undefined) return { values: subValues(raw, resolved.sub.name), def: resolved.sub };
  // RFC 7644 §3.4.2.2 example `emails co "example.com"`: a complex attribute without a sub-attribute compares
  // its "value" sub-attribute.
  const implicit = resolved.attr.type === 'complex' ? findSubAttribute(resolved.attr, 'value') : undefined;
  if (implicit !== undefined) return { values: subValues(raw, implicit.name), def: implicit };
  return { values: values(raw), def: resolved.attr };
}

/** The object that holds `path`'s attribute: the extension object for a URN-qualified extension path, else target. */
function container(target: JsonObject, path: AttrPath, type: ResourceTypeDef): JsonObject | undefined {
  if (path.schema === undefined) return target;
  const urn = normalizeSchemaUrn(path.schema, type);
  const isExtension = type.extensions.some((e) => e.schema.id === urn);
  return isExtension ? extensionObject(target, urn) : target;
}

function extensionObject(target: JsonObject, urn: string): JsonObject | undefined {
  const key = Object.keys(target).find((k) => normalizeSchemaUrn(k).toLowerCase() === urn.toLowerCase());
  const value = key === undefined ? undefined : target[key];
  return isJsonObject(value) ? value : undefined;
}

/** RFC 7643 §2.1: attribute names are case-insensitive; the exact spelling wins when both exist. */
function lookupKey(object: JsonObject | undefined, name: string): JsonValue | undefined {
  if (object === undefined) return undefined;
  if (Object.hasOwn(object, name)) return object[name];
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

function values(raw: JsonValue | undefined): readonly JsonValue[] {
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw : [raw];
}

function subValues(raw: JsonValue | undefined, sub: string): readonly JsonValue[] {
  return values(raw).flatMap((el) => (isJsonObject(el) ? values(lookupKey(el, sub)) : []));
}

function isPresent(value: JsonValue): boolean {
  if (value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(isPresent);
  if (isJsonObject(value)) return Object.values(value).some(isPresent);
  return true;
}

function compare(reached: Reached, node: CompareNode): boolean {
  const { op, value: expected, pos } = node;
  const attrType = reached.def?.type;
  checkOperator(attrType, op, pos);
  if (expected === null) {
    // `eq null` asks for absence, `ne null` for presence (the parser refuses null with any other operator).
    const present = reached.values.some(isPresent);
    return op === 'eq' ? !present : present;
  }
  const caseExact = reached.def?.caseExact ?? false;
  // `ne` matches when no value equals, so it is true on an absent attribute.
  if (op === 'ne') return !reached.values.some((v) => matches(v, attrType, caseExact, 'eq', expected, pos));
  return reached.values.some((v) => matches(v, attrType, caseExact, op, expected, pos));
}

/**
 * RFC 7644 §3.4.2.2: gt/ge/lt/le on boolean or binary attributes SHALL fail with invalidFilter. `pos` (here and in
 * matches) is where the comparison starts in the filter text.
 */
function checkOperator(attrType: AttrType | undefined, op: CompareOp, pos: number | undefined): void {
  if (op === 'eq' || op === 'ne') return;
  const ordering = op === 'gt' || op === 'ge' || op === 'lt' || op === 'le';
  if (attrType === 'boolean' || (attrType === 'binary' && ordering)) {
    throw invalidFilter(`"${op}" is not supported on ${attrType} attributes`, pos);
  }
}

function matches(
  actual: JsonValue,
  attrType: AttrType | undefined,
  caseExact: boolean,
  op: CompareOp,
  expected: string | number | boolean,
  pos: number | undefined,
): boolean {
  const kind = attrType ?? inferType(actual);
  switch (kind) {
    case 'boolean': {
      const wanted = typeof expected === 'string' ? parseBooleanText(expected) : expected;
      return typeof actual === 'boolean' && actual === wanted && op === 'eq';
    }
    case 'integer':
    case 'decimal': {
      const wanted = typeof expected === 'string' && expected.trim() !== '' ? Number(expected) : expected;
      if (typeof actual !== 'number' || typeof wanted !== 'number' || !Number.isFinite(wanted)) return false;
      return ordered(actual === wanted ? 0 : actual < wanted ? -1 : 1, op);
    }
    case 'dateTime': {
      if (typeof actual !== 'string') return false;
      if (op === 'co' || op === 'sw' || op === 'ew') return compareText(actual, String(expected), false, op);
      const wanted = typeof expected === 'string' ? Date.parse(expected) : Number.NaN;
      if (Number.isNaN(wanted)) throw invalidFilter(`${JSON.stringify(expected)} is not a dateTime`, pos);
      const instant = Date.parse(actual);
      if (Number.isNaN(instant)) return false;
      return ordered(Math.sign(instant - wanted), op);
    }
    case 'string':
    case 'reference':
    case 'binary':
      return typeof actual === 'string' && compareText(actual, String(expected), caseExact, op);
    case 'complex':
      return false;
  }
}

function inferType(value: JsonValue): AttrType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'decimal';
  if (typeof value === 'string') return 'string';
  return 'complex';
}

function parseBooleanText(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

function compareText(actual: string, expected: string, caseExact: boolean, op: CompareOp): boolean {
  const a = caseExact ? actual : actual.toLowerCase();
  const b = caseExact ? expected : expected.toLowerCase();
  switch (op) {
    case 'co':
      return a.includes(b);
    case 'sw':
      return a.startsWith(b);
    case 'ew':
      return a.endsWith(b);
    case 'eq':
    case 'ne':
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le':
      // RFC 7644 §3.4.2.2: strings order lexicographically.
      return ordered(a === b ? 0 : a < b ? -1 : 1, op);
  }
}

/** Whether a three-way comparison result (actual vs expected) satisfies an eq/ordering operator. */
function ordered(sign: number, op: CompareOp): boolean {
  switch (op) {
    case 'eq':
      return sign === 0;
    case 'ne':
      return sign !== 0;
    case 'gt':
      return sign > 0;
    case 'ge':
      return sign >= 0;
    case 'lt':
      return sign < 0;
    case 'le':
      return sign <= 0;
    case 'co':
    case 'sw':
    case 'ew':
      // Substring operators only make sense on text; a number or an instant never contains another.
      return false;
  }
}
