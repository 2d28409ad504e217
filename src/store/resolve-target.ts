// Maps a SCIM attribute path to where its values live in SQL: an indexed column, a JSON path inside `data`, or
// rows of group_members. Shared by the filter compiler and sortBy.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { invalidFilter } from '../scim/errors.js';
import type { AttrPath } from '../scim/path/attr-path.js';
import { resolveAttribute } from '../scim/schema/resolve-attribute.js';
import type { AttributeDef } from '../scim/schema/schema-types.js';
import type { ColumnMapping, MembershipMapping, ResourceMapping } from './resource-mapping.js';
import type { SqlDialect } from './sql-dialect.js';

/** One SQL value a comparison can run against. */
export interface Operand {
  readonly expr: Expression<unknown>;
  /** Type and caseExact come from here. */
  readonly attr: AttributeDef;
  /** `expr` is already lower-cased: compare it as is with lower-cased values (caseExact=false). */
  readonly folded: boolean;
  /** Timestamp column (ISO-8601 ms UTC): filter values are normalised to that form before comparing. */
  readonly timestamp: boolean;
  readonly nullable: boolean;
  readonly bindBoolean: (value: boolean) => unknown;
  /** RFC 7644 §3.4.2.2 `pr`. */
  readonly present: () => Expression<SqlBool>;
}

/**
 * The values of one element of a multi-valued attribute. `sub` undefined: the element itself (simple types).
 * `pos` is where the path naming `sub` starts in the filter text, for the invalidFilter detail.
 */
export interface ElementScope {
  operand(sub: AttributeDef | undefined, pos: number | undefined): Operand;
}

export type Target =
  | { readonly kind: 'scalar'; readonly operand: Operand }
  /** A single-valued complex attribute named without a sub-attribute (`name`, `manager`). */
  | {
      readonly kind: 'complex';
      readonly attr: AttributeDef;
      readonly scope: ElementScope;
      readonly present: () => Expression<SqlBool>;
    }
  /** A multi-valued attribute; `sub` is the sub-attribute the path named, if any. */
  | {
      readonly kind: 'many';
      readonly attr: AttributeDef;
      readonly sub: AttributeDef | undefined;
      some(where: (scope: ElementScope) => Expression<SqlBool>): Expression<SqlBool>;
    };

export interface TargetContext {
  readonly mapping: ResourceMapping;
  readonly dialect: SqlDialect;
  /** A fresh SQL alias for a subquery (`e1`, `gm2`, …). */
  alias(prefix: string): string;
}

export function formatPath(path: AttrPath): string {
  const base = path.schema === undefined ? path.name : `${path.schema}:${path.name}`;
  return path.subAttr === undefined ? base : `${base}.${path.subAttr}`;
}

const isText = (attr: AttributeDef): boolean =>
  attr.type === 'string' || attr.type === 'reference' || attr.type === 'binary' || attr.type === 'dateTime';

function scalarPresent(expr: Expression<unknown>, attr: AttributeDef): RawBuilder<SqlBool> {
  return isText(attr)
    ? sql<SqlBool>`(${expr} is not null and ${expr} <> '')`
    : sql<SqlBool>`(${expr} is not null)`;
}

function columnOperand(ctx: TargetContext, column: ColumnMapping, attr: AttributeDef): Operand {
  const table = ctx.mapping.table;
  const folded = attr.caseExact ? undefined : column.folded;
  const expr = sql.ref(`${table}.${folded ?? column.column}`);
  return {
    expr,
    attr,
    folded: folded !== undefined,
    timestamp: column.kind === 'timestamp',
    nullable: column.nullable,
    // Integer 0/1 column in every dialect (see schema.ts).
    bindBoolean: (value) => (value ? 1 : 0),
    present: () =>
      column.kind === 'boolean' ? sql<SqlBool>`(${expr} is not null)` : scalarPresent(expr, attr),
  };
}

function jsonOperand(
  ctx: TargetContext,
  doc: Expression<unknown>,
  path: readonly string[],
  attr: AttributeDef,
): Operand {
  return {
    expr: ctx.dialect.jsonScalar(doc, path, attr.type),
    attr,
    folded: false,
    timestamp: false,
    nullable: true,
    bindBoolean: (value) => ctx.dialect.jsonBoolean(value),
    present: () => ctx.dialect.jsonPresent(doc, path),
  };
}

function plainOperand(
  expr: Expression<unknown>,
  attr: AttributeDef,
  bindBoolean: (v: boolean) => unknown,
): Operand {
  return {
    expr,
    attr,
    folded: false,
    timestamp: false,
    nullable: true,
    bindBoolean,
    present: () => scalarPresent(expr, attr),
  };
}

function notFilterable(what: string, pos: number | undefined): never {
  throw invalidFilter(`attribute '${what}' cannot be used in a filter`, pos);
}

/** User.groups / Group.members as EXISTS over group_members, index-backed by the PK or (org_id, member_id). */
function membershipTarget(
  ctx: TargetContext,
  membership: MembershipMapping,
  attr: AttributeDef,
  sub: AttributeDef | undefined,
): Target {
  const table = ctx.mapping.table;
  return {
    kind: 'many',
    attr,
    sub,
    some(where) {
      const gm = ctx.alias('gm');
      const col = (name: string): RawBuilder<unknown> => sql`${sql.ref(`${gm}.${name}`)}`;
      const scope: ElementScope = {
        operand(subAttr, pos) {
          if (subAttr === undefined) return notFilterable(attr.name, pos);
          const name = subAttr.name.toLowerCase();
          const bind = (v: boolean): unknown => (v ? 1 : 0);
          // The value is a server-assigned id (RFC 7643 §3.1: id is caseExact), compared exactly so that the
          // primary key / (org_id, member_id) index answers it.
          if (name === 'value') {
            return plainOperand(col(membership.valueColumn), { ...subAttr, caseExact: true }, bind);
          }
          if (name === 'type' && membership.valueColumn === 'member_id') {
            return plainOperand(col('member_type'), subAttr, bind);
          }
          // RFC 7643 §4.1.2: this server only has direct memberships. Typed, since PostgreSQL cannot infer the type
          // of a bare parameter (`$1 is not null`).
          if (name === 'type') return plainOperand(sql`cast(${'direct'} as text)`, subAttr, bind);
          if (name === 'display') return plainOperand(displayOf(ctx, gm, membership), subAttr, bind);
          return notFilterable(`${attr.name}.${subAttr.name}`, pos);
        },
      };
      return sql<SqlBool>`exists (select 1 from group_members as ${sql.id(gm)} where ${col('org_id')} = ${sql.ref(
        `${table}.org_id`,
      )} and ${col(membership.ownColumn)} = ${sql.ref(`${table}.id`)} and ${where(scope)})`;
    },
  };
}

/** The `display` of a membership row: the group's displayName, or a member's displayName ?? userName. */
function displayOf(ctx: TargetContext, gm: string, membership: MembershipMapping): RawBuilder<unknown> {
  const g = ctx.alias('g');
  const groupDisplay = (idColumn: string): RawBuilder<unknown> =>
    sql`(select ${sql.ref(`${g}.display_name`)} from groups as ${sql.id(g)} where ${sql.ref(`${g}.org_id`)} = ${sql.ref(
      `${gm}.org_id`,
    )} and ${sql.ref(`${g}.id`)} = ${sql.ref(`${gm}.${idColumn}`)})`;
  if (membership.valueColumn === 'group_id') return groupDisplay('group_id');
  const u = ctx.alias('u');
  const userDisplay = sql`(select coalesce(${sql.ref(`${u}.display_name`)}, ${sql.ref(`${u}.user_name`)}) from users as ${sql.id(
    u,
  )} where ${sql.ref(`${u}.org_id`)} = ${sql.ref(`${gm}.org_id`)} and ${sql.ref(`${u}.id`)} = ${sql.ref(`${gm}.member_id`)})`;
  return sql`coalesce(${userDisplay}, ${groupDisplay('member_id')})`;
}

function jsonManyTarget(
  ctx: TargetContext,
  doc: Expression<unknown>,
  path: readonly string[],
  attr: AttributeDef,
  sub: AttributeDef | undefined,
): Target {
  const complex = attr.type === 'complex';
  return {
    kind: 'many',
    attr,
    sub,
    some(where) {
      return ctx.dialect.jsonSome(
        doc,
        path,
        complex ? { kind: 'complex' } : { kind: 'scalar', type: attr.type },
        ctx.alias('e'),
        (element) =>
          where({
            operand(subAttr, pos) {
              if (complex) {
                if (subAttr === undefined) return notFilterable(attr.name, pos);
                return jsonOperand(ctx, element, [subAttr.name], subAttr);
              }
              if (subAttr !== undefined) return notFilterable(`${attr.name}.${subAttr.name}`, pos);
              return plainOperand(element, attr, (v) => ctx.dialect.jsonBoolean(v));
            },
          }),
      );
    },
  };
}

/**
 * Resolves `path` against the resource type; an unknown or unfilterable path → 400 invalidFilter, at `pos` (where
 * the path starts in the filter text) when given.
 */
export function resolveTarget(ctx: TargetContext, path: AttrPath, pos?: number): Target {
  const resolved = resolveAttribute(ctx.mapping.type(), path);
  if (resolved?.kind !== 'attribute') throw invalidFilter(`unknown attribute '${formatPath(path)}'`, pos);
  const { attr, sub } = resolved;
  // Never-returned attributes (password) are not stored in `data` and must not be probed by filters.
  if (attr.returned === 'never' || sub?.returned === 'never') return notFilterable(formatPath(path), pos);
  if (!resolved.extension) {
    const key = (sub === undefined ? attr.name : `${attr.name}.${sub.name}`).toLowerCase();
    const column = ctx.mapping.columns[key];
    if (column !== undefined) return { kind: 'scalar', operand: columnOperand(ctx, column, sub ?? attr) };
    const membership = ctx.mapping.membership[attr.name.toLowerCase()];
    if (membership !== undefined) return membershipTarget(ctx, membership, attr, sub);
    // id, externalId and meta.created/lastModified are columns; the rest of meta is computed, not stored.
    if (resolved.common) return notFilterable(formatPath(path), pos);
  }
  const doc = sql.ref(`${ctx.mapping.table}.data`);
  const base = resolved.extension ? [resolved.schema.id, attr.name] : [attr.name];
  if (attr.multiValued) return jsonManyTarget(ctx, doc, base, attr, sub);
  if (sub !== undefined) {
    if (sub.multiValued) return notFilterable(formatPath(path), pos);
    return { kind: 'scalar', operand: jsonOperand(ctx, doc, [...base, sub.name], sub) };
  }
  if (attr.type === 'complex') {
    return {
      kind: 'complex',
      attr,
      scope: {
        operand: (subAttr, subPos) =>
          subAttr === undefined
            ? notFilterable(attr.name, subPos)
            : jsonOperand(ctx, doc, [...base, subAttr.name], subAttr),
      },
      present: () => ctx.dialect.jsonPresent(doc, base),
    };
  }
  return { kind: 'scalar', operand: jsonOperand(ctx, doc, base, attr) };
}
