// RFC 7644 §3.5.2: what a PATCH path addresses in a resource type. A path naming nothing is invalidPath
// (RFC 7644 §3.12: "The "path" attribute was invalid or malformed"); filters that match no value are decided later.
import { invalidPath } from '../errors.js';
import type { FilterNode } from '../filter/filter-node.js';
import type { PatchPath } from '../path/parse-patch-path.js';
import { findSubAttribute, normalizeSchemaUrn, resolveAttribute } from '../schema/resolve-attribute.js';
import type { AttributeDef, ResourceTypeDef, SchemaDef } from '../schema/schema-types.js';

export type PatchTarget =
  /** The extension schema URN itself: its value is an object of that extension's attributes. */
  | { readonly kind: 'extension'; readonly schema: SchemaDef; readonly where: string }
  | {
      readonly kind: 'attribute';
      /** The path as written, for error messages. */
      readonly where: string;
      /** The extension URN key that holds the attribute in canonical data; absent for core and common attributes. */
      readonly container?: string;
      readonly attr: AttributeDef;
      /** Sub-attribute: of the complex value, or of each selected element when `attr` is multi-valued. */
      readonly sub?: AttributeDef;
      /** Value filter selecting elements of a multi-valued `attr` (`emails[type eq "work"]`). */
      readonly filter?: FilterNode;
    };

export type AttributeTarget = Extract<PatchTarget, { kind: 'attribute' }>;

/** The extension of `type` whose URN is `text` (case-insensitive, OneLogin spellings mapped), if any. */
export function findExtension(type: ResourceTypeDef, text: string): SchemaDef | undefined {
  const urn = normalizeSchemaUrn(text, type).toLowerCase();
  return type.extensions.find((ext) => ext.schema.id.toLowerCase() === urn)?.schema;
}

export function resolvePatchTarget(type: ResourceTypeDef, path: PatchPath, where: string): PatchTarget {
  const bareExtension = findExtension(type, where);
  if (bareExtension !== undefined) return { kind: 'extension', schema: bareExtension, where };

  const resolved = resolveAttribute(type, path.attr);
  if (resolved === undefined) throw invalidPath(`"${where}" names no attribute of a ${type.name}`);
  if (resolved.kind === 'extension') {
    if (path.filter !== undefined || path.subAttr !== undefined) {
      throw invalidPath(`"${where}": an extension schema URN takes no filter or sub-attribute`);
    }
    return { kind: 'extension', schema: resolved.schema, where };
  }
  const { attr } = resolved;
  if (path.attr.subAttr !== undefined && resolved.sub === undefined) {
    throw invalidPath(`"${where}": ${attr.name} has no sub-attribute "${path.attr.subAttr}"`);
  }
  let sub = resolved.sub;
  if (path.filter !== undefined) {
    if (!attr.multiValued) throw invalidPath(`"${where}": a value filter needs a multi-valued attribute`);
    if (path.subAttr !== undefined) {
      sub = findSubAttribute(attr, path.subAttr);
      if (sub === undefined)
        throw invalidPath(`"${where}": ${attr.name} has no sub-attribute "${path.subAttr}"`);
    }
  }
  if (sub !== undefined && attr.type !== 'complex') {
    throw invalidPath(`"${where}": ${attr.name} is not complex`);
  }
  return {
    kind: 'attribute',
    where,
    ...(resolved.extension ? { container: resolved.schema.id } : {}),
    attr,
    ...(sub === undefined ? {} : { sub }),
    ...(path.filter === undefined ? {} : { filter: path.filter }),
  };
}
