// STUB — to be implemented. RFC 7644 §3.10 attribute paths.
import type { AttrPath } from './attr-path.js';

/** `name.givenName`, `urn:…:enterprise:2.0:User:manager.value`; throws ScimError invalidPath on bad syntax. */
export function parseAttrPath(text: string): AttrPath {
  throw new Error(`not implemented: ${text}`);
}

/** `attributes=userName,name.givenName` (comma separated, whitespace tolerated); throws invalidPath. */
export function parseAttrPathList(text: string): AttrPath[] {
  throw new Error(`not implemented: ${text}`);
}
