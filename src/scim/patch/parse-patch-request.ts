// STUB — to be implemented. RFC 7644 §3.5.2 PatchOp request validation.
import type { PatchPath } from '../path/parse-patch-path.js';
import type { JsonValue } from '../../shared/json.js';

export type PatchOpName = 'add' | 'remove' | 'replace';

export interface PatchOp {
  /** Lower-cased (Entra sends "Add", "Replace", "Remove"). */
  readonly op: PatchOpName;
  readonly path?: PatchPath;
  /** The path as sent, for error messages. */
  readonly pathText?: string;
  readonly value?: JsonValue;
}

/** Validates schemas and Operations; throws invalidSyntax / invalidPath / invalidValue. */
export function parsePatchRequest(body: unknown): PatchOp[] {
  throw new Error(`not implemented: ${typeof body}`);
}
