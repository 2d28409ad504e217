// STUB — to be implemented. Case-insensitive resolution of an AttrPath against a resource type.
import type { AttrPath } from '../path/attr-path.js';
import type { AttributeDef, ResourceTypeDef, SchemaDef } from './schema-types.js';

export type ResolvedAttribute =
  | {
      readonly kind: 'attribute';
      /** The schema that defines the attribute (core, extension, or the common-attributes pseudo schema). */
      readonly schema: SchemaDef;
      /** true when the attribute belongs to an extension schema (stored under the extension URN key). */
      readonly extension: boolean;
      /** true for id, externalId, meta (RFC 7643 §3.1). */
      readonly common: boolean;
      readonly attr: AttributeDef;
      readonly sub?: AttributeDef;
    }
  /** The path is an extension schema URN itself (a key of a path-less PATCH value or of a resource). */
  | { readonly kind: 'extension'; readonly schema: SchemaDef };

/** Undefined when the path names nothing in this resource type. Names compare case-insensitively. */
export function resolveAttribute(type: ResourceTypeDef, path: AttrPath): ResolvedAttribute | undefined {
  throw new Error(`not implemented: ${type.id} ${path.name}`);
}

/** Sub-attribute of a complex attribute by name, case-insensitively. */
export function findSubAttribute(attr: AttributeDef, name: string): AttributeDef | undefined {
  throw new Error(`not implemented: ${attr.name} ${name}`);
}

/**
 * Maps schema URNs to the standard spelling, case-insensitively; OneLogin's `urn:scim:schemas:core:2.0` and
 * `urn:scim:schemas:extension:enterprise:2.0` map to the RFC URNs. Unknown URNs are returned unchanged.
 */
export function normalizeSchemaUrn(urn: string): string {
  throw new Error(`not implemented: ${urn}`);
}
