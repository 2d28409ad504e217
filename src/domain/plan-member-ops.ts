// Group PATCH splits into attribute operations (applied to the stored data by the PATCH engine) and membership
// operations (applied to the membership table one row per member), so adding one member costs the same in a group
// of 10 or 1,000,000 and concurrent PATCHes on one group never lose a member (no read-modify-write of an array).
import type { FilterNode } from '../scim/filter/filter-node.js';
import { invalidValue } from '../scim/errors.js';
import type { PatchOp } from '../scim/patch/parse-patch-request.js';
import { resolveAttribute } from '../scim/schema/resolve-attribute.js';
import { GROUP_RESOURCE_TYPE } from '../scim/schema/resource-types.js';
import { isJsonObject, type JsonObject } from '../shared/json.js';

export type MemberStep =
  | { readonly kind: 'data'; readonly ops: readonly PatchOp[] }
  | { readonly kind: 'add'; readonly ids: readonly string[] }
  | { readonly kind: 'remove'; readonly ids: readonly string[] }
  | { readonly kind: 'removeAll' }
  | { readonly kind: 'replace'; readonly ids: readonly string[] }
  /** Anything else on `members` (e.g. `members[type eq "Group"]`): applied by the PATCH engine to the loaded list. */
  | { readonly kind: 'generic'; readonly op: PatchOp };

function isMembersKey(name: string): boolean {
  const resolved = resolveAttribute(GROUP_RESOURCE_TYPE, { name });
  return resolved?.kind === 'attribute' && resolved.attr.name === 'members';
}

function targetsMembers(op: PatchOp): boolean {
  if (op.path === undefined) return false;
  const resolved = resolveAttribute(GROUP_RESOURCE_TYPE, op.path.attr);
  return resolved?.kind === 'attribute' && resolved.attr.name === 'members' && resolved.sub === undefined;
}

/** `[{ "value": "id" }, …]` or a single `{ "value": "id" }` → ids. */
function memberIds(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (!isJsonObject(item) || typeof item['value'] !== 'string' || item['value'] === '') {
      throw invalidValue('each member must be an object with a non-empty string "value" (the member id)');
    }
    return item['value'];
  });
}

/** `value eq "a"` or `value eq "a" or value eq "b"` → ['a', 'b']; any other filter → undefined. */
function idsFromValueFilter(filter: FilterNode): string[] | undefined {
  switch (filter.kind) {
    case 'compare':
      return filter.op === 'eq' &&
        filter.path.subAttr === undefined &&
        filter.path.name.toLowerCase() === 'value' &&
        typeof filter.value === 'string'
        ? [filter.value]
        : undefined;
    case 'or': {
      const left = idsFromValueFilter(filter.left);
      const right = idsFromValueFilter(filter.right);
      return left === undefined || right === undefined ? undefined : [...left, ...right];
    }
    case 'and':
    case 'not':
    case 'present':
    case 'valuePath':
      return undefined;
  }
}

function planMembersOp(op: PatchOp): MemberStep {
  const path = op.path;
  if (path?.subAttr !== undefined) return { kind: 'generic', op };
  if (path?.filter !== undefined) {
    const ids = op.op === 'remove' ? idsFromValueFilter(path.filter) : undefined;
    return ids === undefined ? { kind: 'generic', op } : { kind: 'remove', ids };
  }
  switch (op.op) {
    case 'add':
      return { kind: 'add', ids: memberIds(op.value) };
    case 'replace':
      return op.value === null ? { kind: 'removeAll' } : { kind: 'replace', ids: memberIds(op.value ?? []) };
    case 'remove':
      // Entra removes with a value array on the plain `members` path; without a value every member goes.
      return op.value === undefined ? { kind: 'removeAll' } : { kind: 'remove', ids: memberIds(op.value) };
  }
}

export function planMemberOps(ops: readonly PatchOp[]): MemberStep[] {
  const steps: MemberStep[] = [];
  const pushData = (op: PatchOp): void => {
    const last = steps.at(-1);
    if (last?.kind === 'data') steps[steps.length - 1] = { kind: 'data', ops: [...last.ops, op] };
    else steps.push({ kind: 'data', ops: [op] });
  };
  for (const op of ops) {
    if (targetsMembers(op)) {
      steps.push(planMembersOp(op));
    } else if (op.path === undefined && isJsonObject(op.value) && op.op !== 'remove') {
      // Path-less add/replace: the members key (if any) goes to the table, the rest to the PATCH engine.
      const rest: JsonObject = {};
      let members: unknown;
      for (const [key, value] of Object.entries(op.value)) {
        if (isMembersKey(key)) members = value;
        else rest[key] = value;
      }
      if (Object.keys(rest).length > 0) pushData({ ...op, value: rest });
      if (members !== undefined) {
        const ids = memberIds(members);
        steps.push(op.op === 'add' ? { kind: 'add', ids } : { kind: 'replace', ids });
      }
    } else {
      pushData(op);
    }
  }
  return steps;
}
