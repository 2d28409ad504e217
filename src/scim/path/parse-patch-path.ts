// STUB — to be implemented. RFC 7644 §3.5.2 PATCH path = attrPath / valuePath [subAttr].
import type { FilterNode } from '../filter/filter-node.js';
import type { AttrPath } from './attr-path.js';

export interface PatchPath {
  /** The attribute addressed (`emails`, `name.givenName`, `urn:…:User:manager`). With a filter, attr has no subAttr. */
  readonly attr: AttrPath;
  /** `emails[type eq "work"]` → the value filter (paths relative to one element). */
  readonly filter?: FilterNode;
  /** `emails[type eq "work"].value` → 'value'. Only with a filter. */
  readonly subAttr?: string;
}

/** Throws ScimError invalidPath (400) on bad syntax. */
export function parsePatchPath(text: string): PatchPath {
  throw new Error(`not implemented: ${text}`);
}
