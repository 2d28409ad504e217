// RFC 7644 §3.10 / §3.4.2.2 / §3.5.2: attribute paths as they appear in filters, sortBy, attributes=… and PATCH.
// Names keep the spelling the client sent; resolution against a schema (case-insensitive) happens in schema/.

/**
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`
 *   → { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', name: 'manager', subAttr: 'value' }
 * `name.givenName` → { name: 'name', subAttr: 'givenName' }
 */
export interface AttrPath {
  /** Schema URN prefix when the path was URN-qualified, as written. */
  readonly schema?: string;
  /** Top-level attribute name as written. */
  readonly name: string;
  /** Sub-attribute name as written. */
  readonly subAttr?: string;
}
