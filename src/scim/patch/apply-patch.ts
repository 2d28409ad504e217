// RFC 7644 §3.5.2 PATCH engine: applies validated operations to canonical data (attributes in schema spelling,
// extension attributes under their URN key, no id/meta/schemas/groups, unassigned attributes absent).
import { invalidValue, mutability } from '../errors.js';
import type { ResourceTypeDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { applyAdd } from './apply-add.js';
import { applyRemove } from './apply-remove.js';
import { applyReplace } from './apply-replace.js';
import { expandValueObject } from './expand-value-object.js';
import { jsonEquals } from './json-equals.js';
import type { PatchOp, PatchOpName } from './parse-patch-request.js';
import { pruneEmpty } from './prune-empty.js';
import { resolvePatchTarget, type AttributeTarget, type PatchTarget } from './resolve-patch-target.js';

interface ApplyContext {
  readonly type: ResourceTypeDef;
  readonly id: string;
}

/**
 * A readOnly attribute in a value object is tolerated when it carries the current value: Okta renames groups with
 * `{"op":"replace","value":{"id":"<same id>","displayName":"…"}}`. A different value, or a readOnly path, is 400
 * mutability (RFC 7644 §3.5.2: operations must be compatible with the attribute's mutability).
 */
function checkReadOnly(
  data: JsonObject,
  op: PatchOpName,
  target: AttributeTarget,
  value: JsonValue | undefined,
  fromValueObject: boolean,
  context: ApplyContext,
): 'apply' | 'skip' {
  const readOnly = target.attr.mutability === 'readOnly' || target.sub?.mutability === 'readOnly';
  if (!readOnly) return 'apply';
  if (fromValueObject && op !== 'remove' && target.sub === undefined && target.filter === undefined) {
    const isId = target.container === undefined && target.attr.name === 'id';
    const holder = target.container === undefined ? data : data[target.container];
    const current = isId ? context.id : isJsonObject(holder) ? holder[target.attr.name] : undefined;
    if (jsonEquals(pruneEmpty(current), pruneEmpty(value))) return 'skip';
  }
  throw mutability(`"${target.where}" is read-only`);
}

function applyToTarget(
  data: JsonObject,
  op: PatchOpName,
  target: PatchTarget,
  value: JsonValue | undefined,
  fromValueObject: boolean,
  context: ApplyContext,
): void {
  if (target.kind === 'extension') {
    const urn = target.schema.id;
    if (op === 'remove' || (op === 'replace' && pruneEmpty(value) === undefined)) {
      Reflect.deleteProperty(data, urn);
      return;
    }
    if (value === undefined || pruneEmpty(value) === undefined) return;
    if (!isJsonObject(value))
      throw invalidValue(`"${target.where}" needs an object of ${target.schema.name} attributes`);
    for (const step of expandValueObject(context.type, value, target.schema)) {
      applyToTarget(data, op, step.target, step.value, step.fromValueObject, context);
    }
    return;
  }
  // writeOnly (password) is never part of canonical data (src/domain/ports.ts); there is nothing to store it in.
  if (target.attr.mutability === 'writeOnly') return;
  if (checkReadOnly(data, op, target, value, fromValueObject, context) === 'skip') return;
  switch (op) {
    case 'add':
      // Adding nothing (null, "", [], {}) changes nothing.
      if (value === undefined || pruneEmpty(value) === undefined) return;
      applyAdd(data, target, value, context.type);
      return;
    case 'replace':
      // A path-less replace whose key is a value-filter path (Entra, aadOptscim062020) upserts the element; a
      // replace with that path in "path" follows RFC 7644 §3.5.2.3 and answers noTarget.
      applyReplace(data, target, value ?? null, context.type, fromValueObject ? 'create' : 'noTarget');
      return;
    case 'remove':
      applyRemove(data, target, value, context.type);
      return;
  }
}

function applyOperation(data: JsonObject, op: PatchOp, context: ApplyContext): void {
  if (op.path === undefined) {
    if (!isJsonObject(op.value)) throw invalidValue(`${op.op} without a "path" needs an object "value"`);
    for (const step of expandValueObject(context.type, op.value)) {
      applyToTarget(data, op.op, step.target, step.value, step.fromValueObject, context);
    }
    return;
  }
  const where = op.pathText ?? op.path.attr.name;
  applyToTarget(data, op.op, resolvePatchTarget(context.type, op.path, where), op.value, false, context);
}

/**
 * Applies all `ops` in order to the canonical `data` (no id/meta/schemas) and returns the new canonical data.
 * Never mutates `data`. Throws on the first failing op, so a failing request changes nothing.
 * `context.id` is the resource id (a path-less replace that carries `id` equal to it is tolerated, Okta).
 */
export function applyPatch(
  data: JsonObject,
  ops: readonly PatchOp[],
  type: ResourceTypeDef,
  context: { readonly id: string },
): JsonObject {
  const applyContext: ApplyContext = { type, id: context.id };
  const required = type.schema.attributes.filter((a) => a.required && a.mutability !== 'readOnly');
  let result: JsonObject = structuredClone(data);
  for (const [index, op] of ops.entries()) {
    const present = required.filter((a) => result[a.name] !== undefined);
    applyOperation(result, op, applyContext);
    const pruned = pruneEmpty(result);
    result = isJsonObject(pruned) ? pruned : {};
    const lost = present.find((a) => result[a.name] === undefined);
    if (lost !== undefined) {
      // RFC 7643 §2.2 / §7: a required attribute cannot become unassigned.
      throw invalidValue(`Operations[${index}]: ${lost.name} is required and cannot be removed`);
    }
  }
  return result;
}
