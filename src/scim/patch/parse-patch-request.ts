// RFC 7644 §3.5.2 PatchOp request validation: the body → a list of typed operations. Attribute semantics (which
// attribute a path names, value coercion, mutability) are the PATCH engine's job (apply-patch.ts).
import { invalidSyntax, invalidValue, noTarget } from '../errors.js';
import { parsePatchPath, type PatchPath } from '../path/parse-patch-path.js';
import { PATCH_OP_URN } from '../schema/schema-urns.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';

export type PatchOpName = 'add' | 'remove' | 'replace';

export interface PatchOp {
  /** Lower-cased (Entra sends "Add", "Replace", "Remove"). */
  readonly op: PatchOpName;
  readonly path?: PatchPath;
  /** The path as sent, for error messages. */
  readonly pathText?: string;
  readonly value?: JsonValue;
}

const OP_NAMES: Readonly<Record<string, PatchOpName>> = { add: 'add', remove: 'remove', replace: 'replace' };

/** Looks a member up by name, case-insensitively (`Operations`/`operations`, `op`/`Op`). */
function getMember(object: JsonObject, name: string): JsonValue | undefined {
  if (Object.hasOwn(object, name)) return object[name];
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

function checkSchemas(schemas: JsonValue | undefined): void {
  // RFC 7644 §3.5.2 requires the PatchOp URN; a body without `schemas` is tolerated (no IdP we know omits it, and
  // the operations alone are unambiguous), but a `schemas` that names something else is not a PatchOp request.
  if (schemas === undefined) return;
  const list = Array.isArray(schemas) ? schemas : [schemas];
  const ok = list.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_OP_URN.toLowerCase());
  if (!ok) throw invalidSyntax(`a PATCH request's "schemas" must contain "${PATCH_OP_URN}"`);
}

function parseOperation(raw: JsonValue | undefined, index: number): PatchOp {
  const where = `Operations[${index}]`;
  if (!isJsonObject(raw)) throw invalidSyntax(`${where} must be an object`);
  const opRaw = getMember(raw, 'op');
  const op = typeof opRaw === 'string' ? OP_NAMES[opRaw.trim().toLowerCase()] : undefined;
  if (op === undefined) {
    throw invalidSyntax(
      `${where}.op must be "add", "remove" or "replace" (got ${JSON.stringify(opRaw ?? null)})`,
    );
  }
  const pathRaw = getMember(raw, 'path');
  if (pathRaw !== undefined && pathRaw !== null && typeof pathRaw !== 'string') {
    throw invalidSyntax(`${where}.path must be a string`);
  }
  // An empty path is sent by some clients for "no path"; treat it as absent.
  const pathText = typeof pathRaw === 'string' && pathRaw.trim() !== '' ? pathRaw.trim() : undefined;
  const value = getMember(raw, 'value');

  if (pathText === undefined) {
    // RFC 7644 §3.5.2.2: "If "path" is unspecified, the operation fails with HTTP status code 400 and a "scimType"
    // error code of "noTarget"."
    if (op === 'remove') throw noTarget(`${where}: remove needs a "path"`);
    // RFC 7644 §3.5.2.1 / §3.5.2.3: without a path the value is a set of attributes of the resource.
    if (!isJsonObject(value)) {
      throw invalidValue(
        `${where}: ${op} without a "path" needs an object "value" (the attributes to ${op})`,
      );
    }
    return { op, value };
  }
  const path = parsePatchPath(pathText);
  if (op !== 'remove' && value === undefined) {
    throw invalidValue(`${where}: ${op} on "${pathText}" needs a "value"`);
  }
  // Entra sends a value with remove (`members` + [{ value: id }]): kept, the engine uses it to select elements.
  return value === undefined ? { op, path, pathText } : { op, path, pathText, value };
}

/** Validates schemas and Operations; throws invalidSyntax / invalidPath / invalidValue / noTarget. */
export function parsePatchRequest(body: unknown): PatchOp[] {
  if (!isJsonObject(body)) throw invalidSyntax('a PATCH request body must be a JSON object');
  checkSchemas(getMember(body, 'schemas'));
  const operations = getMember(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax('a PATCH request needs a non-empty "Operations" array');
  }
  return operations.map((raw, index) => parseOperation(raw, index));
}
