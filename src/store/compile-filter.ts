// RFC 7644 §3.4.2.2: FilterNode → SQL boolean expression. Filters always run in SQL, never on loaded rows.
// Comparisons stay plain (`user_name_key = ?`) so they can use indexes; an absent value makes them NULL, which
// and/or/WHERE treat as false. `not` is `IS NOT TRUE`, which maps NULL to true: two-valued logic, so
// `not (title eq "x")` and `title ne "x"` match users without a title.
import { sql, type Expression, type SqlBool } from 'kysely';
import { findSubAttribute } from '../scim/schema/resolve-attribute.js';
import { invalidFilter } from '../scim/errors.js';
import type { CompareOp, FilterNode, FilterValue } from '../scim/filter/filter-node.js';
import type { AttrPath } from '../scim/path/attr-path.js';
import type { AttributeDef } from '../scim/schema/schema-types.js';
import type { ResourceMapping } from './resource-mapping.js';
import {
  formatPath,
  resolveTarget,
  type ElementScope,
  type Operand,
  type Target,
  type TargetContext,
} from './resolve-target.js';
import type { SqlDialect } from './sql-dialect.js';

type Bool = Expression<SqlBool>;
type CompareNode = Extract<FilterNode, { kind: 'compare' }>;

const TRUE = sql<SqlBool>`(1 = 1)`;
const not = (e: Bool): Bool => sql<SqlBool>`((${e}) is not true)`;
const predicate = (e: Expression<unknown>): Bool => sql<SqlBool>`(${e})`;

const ORDERING: Readonly<Record<'gt' | 'ge' | 'lt' | 'le', string>> = {
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
};

function toBoolean(value: FilterValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  // Entra sends booleans as strings in bodies; accept the same spelling in filters.
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

/** `pos`: where the comparison starts in the filter text (its attribute path). */
function typeError(operand: Operand, op: CompareOp, value: FilterValue, pos: number | undefined): never {
  throw invalidFilter(
    `'${op} ${JSON.stringify(value)}' does not apply to ${operand.attr.type} attribute '${operand.attr.name}'`,
    pos,
  );
}

/** The SQL comparison of one operand with one non-null value; `ne` is handled by the caller as not-eq. */
function compareOperand(
  dialect: SqlDialect,
  operand: Operand,
  op: Exclude<CompareOp, 'ne'>,
  value: Exclude<FilterValue, null>,
  pos: number | undefined,
): Bool {
  const { attr, expr } = operand;
  switch (attr.type) {
    case 'boolean': {
      // RFC 7644 §3.4.2.2: gt/ge/lt/le on a boolean → 400 invalidFilter; co/sw/ew make no sense either.
      const b = toBoolean(value);
      if (op !== 'eq' || b === undefined) return typeError(operand, op, value, pos);
      return predicate(sql`${expr} = ${operand.bindBoolean(b)}`);
    }
    case 'integer':
    case 'decimal': {
      if (typeof value !== 'number' || op === 'co' || op === 'sw' || op === 'ew')
        return typeError(operand, op, value, pos);
      return predicate(sql`${expr} ${sql.raw(op === 'eq' ? '=' : ORDERING[op])} ${value}`);
    }
    case 'complex':
      return typeError(operand, op, value, pos);
    case 'binary':
    case 'string':
    case 'reference':
    case 'dateTime': {
      if (typeof value !== 'string') return typeError(operand, op, value, pos);
      // RFC 7644 §3.4.2.2: ordering on binary → invalidFilter.
      if (attr.type === 'binary' && op !== 'eq') return typeError(operand, op, value, pos);
      let v = value;
      if (operand.timestamp) {
        const ms = Date.parse(value);
        if (Number.isNaN(ms)) throw invalidFilter(`'${value}' is not a dateTime`, pos);
        v = new Date(ms).toISOString();
      }
      const caseInsensitive = !attr.caseExact && attr.type !== 'dateTime';
      const lhs = caseInsensitive && !operand.folded ? dialect.lower(expr) : expr;
      if (caseInsensitive) v = v.toLowerCase();
      switch (op) {
        case 'eq':
          return predicate(sql`${lhs} = ${v}`);
        case 'gt':
        case 'ge':
        case 'lt':
        case 'le':
          return predicate(sql`${lhs} ${sql.raw(ORDERING[op])} ${v}`);
        case 'co':
        case 'sw':
        case 'ew':
          // Every string contains, starts and ends with "".
          if (v === '') return predicate(sql`${lhs} is not null`);
          return predicate(
            op === 'co'
              ? dialect.contains(lhs, v)
              : op === 'sw'
                ? dialect.startsWith(lhs, v)
                : dialect.endsWith(lhs, v),
          );
      }
    }
  }
}

/** `eq null` is "not present", `ne null` is "present"; `ne x` is `not (eq x)` (absent counts as not equal). */
function compareWith(
  node: CompareNode,
  present: () => Bool,
  compare: (op: Exclude<CompareOp, 'ne'>, value: Exclude<FilterValue, null>) => Bool,
): Bool {
  const { op, value } = node;
  if (value === null) {
    if (op === 'eq') return not(present());
    if (op === 'ne') return present();
    throw invalidFilter(`'${op} null' is not a valid comparison`, node.pos);
  }
  return op === 'ne' ? not(compare('eq', value)) : compare(op, value);
}

/** The `value` sub-attribute a path without one refers to (RFC 7643 §2.4), for complex attributes that have it. */
function defaultSub(attr: AttributeDef, pos: number | undefined): AttributeDef | undefined {
  if (attr.type !== 'complex') return undefined;
  const value = findSubAttribute(attr, 'value');
  if (value === undefined) throw invalidFilter(`complex attribute '${attr.name}' needs a sub-attribute`, pos);
  return value;
}

function compileCompare(ctx: TargetContext, target: Target, node: CompareNode): Bool {
  const { dialect } = ctx;
  const { pos } = node;
  switch (target.kind) {
    case 'scalar':
      return compareWith(node, target.operand.present, (o, v) =>
        compareOperand(dialect, target.operand, o, v, pos),
      );
    case 'complex': {
      const operand = target.scope.operand(defaultSub(target.attr, pos), pos);
      return compareWith(node, operand.present, (o, v) => compareOperand(dialect, operand, o, v, pos));
    }
    case 'many': {
      // Multi-valued: matches when some element's value matches (RFC 7644 §3.4.2.2).
      const sub = target.sub ?? defaultSub(target.attr, pos);
      return compareWith(
        node,
        () => target.some((scope) => scope.operand(sub, pos).present()),
        (o, v) => target.some((scope) => compareOperand(dialect, scope.operand(sub, pos), o, v, pos)),
      );
    }
  }
}

function compilePresent(target: Target, pos: number | undefined): Bool {
  switch (target.kind) {
    case 'scalar':
      return target.operand.present();
    case 'complex':
      return target.present();
    case 'many':
      return target.sub === undefined
        ? target.some(() => TRUE)
        : target.some((scope) => scope.operand(target.sub, pos).present());
  }
}

/**
 * A path inside `attr[…]` names a sub-attribute of one element (or `value` for simple multi-valued types);
 * `pos` is where that path starts in the filter text.
 */
function resolveSub(attr: AttributeDef, path: AttrPath, pos: number | undefined): AttributeDef | undefined {
  if (path.subAttr !== undefined)
    throw invalidFilter(`'${formatPath(path)}' is not a sub-attribute of '${attr.name}'`, pos);
  if (attr.type !== 'complex') {
    if (path.name.toLowerCase() === 'value') return undefined;
    throw invalidFilter(`'${attr.name}' has no sub-attribute '${path.name}'`, pos);
  }
  const sub = findSubAttribute(attr, path.name);
  if (sub === undefined) throw invalidFilter(`'${attr.name}' has no sub-attribute '${path.name}'`, pos);
  if (sub.returned === 'never')
    throw invalidFilter(`attribute '${attr.name}.${sub.name}' cannot be used in a filter`, pos);
  return sub;
}

/** The filter inside `attr[…]`, evaluated against one element. */
function compileElement(ctx: TargetContext, attr: AttributeDef, scope: ElementScope, node: FilterNode): Bool {
  switch (node.kind) {
    case 'and':
      return sql<SqlBool>`(${compileElement(ctx, attr, scope, node.left)} and ${compileElement(ctx, attr, scope, node.right)})`;
    case 'or':
      return sql<SqlBool>`(${compileElement(ctx, attr, scope, node.left)} or ${compileElement(ctx, attr, scope, node.right)})`;
    case 'not':
      return not(compileElement(ctx, attr, scope, node.filter));
    case 'present':
      return scope.operand(resolveSub(attr, node.path, node.pos), node.pos).present();
    case 'compare':
      return compileCompare(
        ctx,
        { kind: 'scalar', operand: scope.operand(resolveSub(attr, node.path, node.pos), node.pos) },
        node,
      );
    case 'valuePath':
      // RFC 7644 §3.4.2.2 ABNF: valFilter has no nested valuePath.
      throw invalidFilter(
        `nested value filter '${formatPath(node.path)}[…]' inside '${attr.name}[…]'`,
        node.pos,
      );
  }
}

function compileNode(ctx: TargetContext, node: FilterNode): Bool {
  switch (node.kind) {
    case 'and':
      return sql<SqlBool>`(${compileNode(ctx, node.left)} and ${compileNode(ctx, node.right)})`;
    case 'or':
      return sql<SqlBool>`(${compileNode(ctx, node.left)} or ${compileNode(ctx, node.right)})`;
    case 'not':
      return not(compileNode(ctx, node.filter));
    case 'present':
      return compilePresent(resolveTarget(ctx, node.path, node.pos), node.pos);
    case 'compare':
      return compileCompare(ctx, resolveTarget(ctx, node.path, node.pos), node);
    case 'valuePath': {
      const target = resolveTarget(ctx, node.path, node.pos);
      if (target.kind === 'scalar' || (target.kind === 'many' && target.sub !== undefined)) {
        throw invalidFilter(
          `'${formatPath(node.path)}' is not a complex or multi-valued attribute`,
          node.pos,
        );
      }
      if (target.kind === 'complex') return compileElement(ctx, target.attr, target.scope, node.filter);
      // One element must satisfy the whole bracketed filter.
      return target.some((scope) => compileElement(ctx, target.attr, scope, node.filter));
    }
  }
}

/** Creates the per-statement context (subquery aliases must be unique within one statement). */
export function createTargetContext(mapping: ResourceMapping, dialect: SqlDialect): TargetContext {
  let n = 0;
  return { mapping, dialect, alias: (prefix) => `${prefix}${String(++n)}` };
}

/**
 * Compiles `filter` for the mapping's table; unknown attributes and type mismatches → 400 invalidFilter, whose
 * detail gives the position of the offending attribute path when the node has one (parsed filters always do).
 */
export function compileFilter(ctx: TargetContext, filter: FilterNode): Expression<SqlBool> {
  return compileNode(ctx, filter);
}
