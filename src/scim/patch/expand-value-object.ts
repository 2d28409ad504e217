// RFC 7644 §3.5.2.1 / §3.5.2.3: an add or replace without a path carries an object of attributes. Entra (without
// the aadOptscim062020 flag) writes attribute PATHS as keys — `name.givenName`, `emails[type eq "work"].value`,
// `urn:…:enterprise:2.0:User:employeeNumber` — and an extension URN key holds that extension's attributes, so every
// key is resolved as a path and applied as if it were an operation of its own.
import { isScimError } from '../errors.js';
import { parsePatchPath } from '../path/parse-patch-path.js';
import { normalizeSchemaUrn } from '../schema/resolve-attribute.js';
import type { ResourceTypeDef, SchemaDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { findExtension, resolvePatchTarget, type PatchTarget } from './resolve-patch-target.js';

export interface ValueStep {
  readonly target: PatchTarget;
  readonly value: JsonValue;
  /** The key came from a value object: a readOnly attribute carrying its current value is tolerated (Okta's `id`). */
  readonly fromValueObject: true;
}

/**
 * undefined for a key that names nothing (ignored, as unknown attributes are on PUT), including keys that are not
 * paths at all.
 */
function resolveKey(type: ResourceTypeDef, text: string): PatchTarget | undefined {
  try {
    return resolvePatchTarget(type, parsePatchPath(text), text);
  } catch (error) {
    if (isScimError(error) && (error.scimType === 'invalidPath' || error.scimType === 'invalidFilter')) {
      return undefined;
    }
    throw error;
  }
}

/**
 * The steps of a value object. `extension` set: the object is the value of that extension's URN, its keys are
 * the extension's attributes.
 */
export function expandValueObject(
  type: ResourceTypeDef,
  value: JsonObject,
  extension?: SchemaDef,
): ValueStep[] {
  const steps: ValueStep[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (extension === undefined) {
      const schema = findExtension(type, key);
      if (schema !== undefined) {
        steps.push({ target: { kind: 'extension', schema, where: key }, value: item, fromValueObject: true });
        continue;
      }
      // `{ "urn:…:core:2.0:User": { … } }`: the core schema URN as a wrapper of core attributes.
      if (normalizeSchemaUrn(key, type).toLowerCase() === type.schema.id.toLowerCase()) {
        if (isJsonObject(item)) steps.push(...expandValueObject(type, item));
        continue;
      }
    }
    const target = resolveKey(type, extension === undefined ? key : `${extension.id}:${key}`);
    if (target !== undefined) steps.push({ target, value: item, fromValueObject: true });
  }
  return steps;
}
