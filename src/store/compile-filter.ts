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

function typeError(operand: Operand, op: CompareOp, value: FilterValue): never {
  throw invalidFilter(
    `'${op} ${JSON.stringify(value)}' does not apply to ${operand.attr.type} attribute '${operand.attr.name}'`,
  );
}

/** The SQL comparison of one operand with one non-null value; `ne` is handled by the caller as not-eq. */
function compareOperand(
  dialect: SqlDialect,
  operand: Operand,
  op: Exclude<CompareOp, 'ne'>,
  value: Exclude<FilterValue, null>,
): Bool {
  const { attr, expr } = operand;
  switch (attr.type) {
    case 'boolean': {
      // RFC 7644 §3.4.2.2: gt/ge/lt/le on a boolean → 400 invalidFilter; co/sw/ew make no sense either.
      const b = toBoolean(value);
      if (op !== 'eq' || b === undefined) return typeError(operand, op, value);
      return predicate(sql`${expr} = ${operand.bindBoolean(b)}`);
    }
    case 'integer':
    case 'decimal': {
      if (typeof value !== 'number' || op === 'co' || op === 'sw' || op === 'ew')
        return typeError(operand, op, value);
      return predicate(sql`${expr} ${sql.raw(op === 'eq' ? '=' : ORDERING[op])} ${value}`);
    }
    case 'complex':
      return typeError(operand, op, value);
    case 'binary':
    case 'string':
    case 'reference':
    case 'dateTime': {
      if (typeof value !== 'string') return typeError(operand, op, value);
      // RFC 7644 §3.4.2.2: ordering on binary → invalidFilter.
      if (attr.type === 'binary' && op !== 'eq') return typeError(operand, op, value);
      let v = value;
      if (operand.timestamp) {
        const ms = Date.parse(value);
        if (Number.isNaN(ms)) throw invalidFilter(`'${value}' is not a dateTime`);
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
  op: CompareOp,
  value: FilterValue,
  present: () => Bool,
  compare: (op: Exclude<CompareOp, 'ne'>, value: Exclude<FilterValue, null>) => Bool,
): Bool {
  if (value === null) {
    if (op === 'eq') return not(present());
    if (op === 'ne') return present();
    throw invalidFilter(`'${op} null' is not a valid comparison`);
  }
  return op === 'ne' ? not(compare('eq', value)) : compare(op, value);
}

/** The `value` sub-attribute a path without one refers to (RFC 7643 §2.4), for complex attributes that have it. */
function defaultSub(attr: AttributeDef): AttributeDef | undefined {
  if (attr.type !== 'complex') return undefined;
  const value = findSubAttribute(attr, 'value');
  if (value === undefined) throw invalidFilter(`complex attribute '${attr.name}' needs a sub-attribute`);
  return value;
}

function compileCompare(ctx: TargetContext, target: Target, op: CompareOp, value: FilterValue): Bool {
  const { dialect } = ctx;
  switch (target.kind) {
    case 'scalar':
      return compareWith(op, value, target.operand.present, (o, v) =>
        compareOperand(dialect, target.operand, o, v),
      );
    case 'complex': {
      const operand = target.scope.operand(defaultSub(target.attr));
      return compareWith(op, value, operand.present, (o, v) => compareOperand(dialect, operand, o, v));
    }
    case 'many': {
      // Multi-valued: matches when some element's value matches (RFC 7644 §3.4.2.2).
      const sub = target.sub ?? defaultSub(target.attr);
      return compareWith(
        op,
        value,
        () => target.some((scope) => scope.operand(sub).present()),
        (o, v) => target.some((scope) => compareOperand(dialect, scope.operand(sub), o, v)),
      );
    }
  }
}

function compilePresent(target: Target): Bool {
  switch (target.kind) {
    case 'scalar':
      return target.operand.present();
    case 'complex':
      return target.present();
    case 'many':
      return target.sub === undefined
        ? target.some(() => TRUE)
        : target.some((scope) => scope.operand(target.sub).present());
  }
}

/** A path inside `attr[…]` names a sub-attribute of one element (or `value` for simple multi-valued types). */
function resolveSub(attr: AttributeDef, path: AttrPath): AttributeDef | undefined {
  if (path.subAttr !== undefined)
    throw invalidFilter(`'${formatPath(path)}' is not a sub-attribute of '${attr.name}'`);
  if (attr.type !== 'complex') {
    if (path.name.toLowerCase() === 'value') return undefined;
    throw invalidFilter(`'${attr.name}' has no sub-attribute '${path.name}'`);
  }
  const sub = findSubAttribute(attr, path.name);
  if (sub === undefined) throw invalidFilter(`'${attr.name}' has no sub-attribute '${path.name}'`);
  if (sub.returned === 'never')
    throw invalidFilter(`attribute '${attr.name}.${sub.name}' cannot be used in a filter`);
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
      return scope.operand(resolveSub(attr, node.path)).present();
    case 'compare':
      return compileCompare(
        ctx,
        { kind: 'scalar', operand: scope.operand(resolveSub(attr, node.path)) },
        node.op,
        node.value,
      );
    case 'valuePath':
      // RFC 7644 §3.4.2.2 ABNF: valFilter has no nested valuePath.
      throw invalidFilter(`nested value filter '${formatPath(node.path)}[…]' inside '${attr.name}[…]'`);
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
      return compilePresent(resolveTarget(ctx, node.path));
    case 'compare':
      return compileCompare(ctx, resolveTarget(ctx, node.path), node.op, node.value);
    case 'valuePath': {
      const target = resolveTarget(ctx, node.path);
      if (target.kind === 'scalar' || (target.kind === 'many' && target.sub !== undefined)) {
        throw invalidFilter(`'${formatPath(node.path)}' is not a complex or multi-valued attribute`);
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

/** Compiles `filter` for the mapping's table; unknown attributes and type mismatches → 400 invalidFilter. */
export function compileFilter(ctx: TargetContext, filter: FilterNode): Expression<SqlBool> {
  return compileNode(ctx, filter);
}
