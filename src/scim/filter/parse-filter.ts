// STUB — to be implemented. RFC 7644 §3.4.2.2 filter grammar → FilterNode.
import type { FilterNode } from './filter-node.js';

/** Throws ScimError invalidFilter(detail, position) on any syntax error. */
export function parseFilter(text: string): FilterNode {
  throw new Error(`not implemented: ${text}`);
}
