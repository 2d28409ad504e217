// RFC 7644 §3.10 attribute paths:
//   attrPath = [URI ":"] ATTRNAME *1subAttr      subAttr = "." ATTRNAME
//   ATTRNAME = ALPHA *(nameChar)                 nameChar = "-" / "_" / DIGIT / ALPHA
// plus `$ref` (RFC 7643 §2.3.7 names reference sub-attributes that way). The URN prefix is whatever precedes the
// last ':' (the attribute part can never hold a colon), so RFC URNs and OneLogin's `urn:scim:schemas:core:2.0:User`
// split the same way. Names keep the spelling the client sent; schema/ resolves them case-insensitively.
import { invalidPath } from '../errors.js';
import type { AttrPath } from './attr-path.js';

export type AttrPathScan =
  | { readonly ok: true; readonly path: AttrPath }
  /** `offset` is the 0-based position in the scanned text where the problem was found. */
  | { readonly ok: false; readonly detail: string; readonly offset: number };

const URN_PREFIX = 'urn:';
// RFC 8141 NSS characters minus the ones that end a path in a filter; enough for every SCIM schema URN.
const URN_CHAR = /^[A-Za-z0-9\-._~:!$&'()*+,;=@%/]$/;

/** Length of the ATTRNAME (or `$ref`) starting at `start`; 0 when there is none. */
export function scanAttrName(text: string, start: number): number {
  if (text.startsWith('$ref', start)) return isNameChar(text[start + 4]) ? 0 : 4;
  if (!isAlpha(text[start])) return 0;
  let end = start + 1;
  while (isNameChar(text[end])) end += 1;
  return end - start;
}

function isAlpha(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'));
}

function isNameChar(ch: string | undefined): boolean {
  return isAlpha(ch) || (ch !== undefined && ((ch >= '0' && ch <= '9') || ch === '-' || ch === '_'));
}

/**
 * Scans `text` as one complete attribute path without throwing, so the filter parser can report its own
 * error kind and position. No surrounding whitespace is allowed here.
 */
export function scanAttrPath(text: string): AttrPathScan {
  if (text === '') return { ok: false, detail: 'empty attribute path', offset: 0 };
  let start = 0;
  let schema: string | undefined;
  if (text.slice(0, URN_PREFIX.length).toLowerCase() === URN_PREFIX) {
    const colon = text.lastIndexOf(':');
    if (colon <= URN_PREFIX.length) {
      return { ok: false, detail: `schema URN without attribute name in "${text}"`, offset: colon + 1 };
    }
    for (let i = 0; i < colon; i += 1) {
      if (!URN_CHAR.test(text.charAt(i)) || (text[i] === ':' && text[i + 1] === ':')) {
        return { ok: false, detail: `invalid character in schema URN "${text}"`, offset: i };
      }
    }
    schema = text.slice(0, colon);
    start = colon + 1;
  }
  const nameLength = scanAttrName(text, start);
  if (nameLength === 0) {
    return { ok: false, detail: `attribute name expected in "${text}"`, offset: start };
  }
  const name = text.slice(start, start + nameLength);
  let pos = start + nameLength;
  let subAttr: string | undefined;
  if (text[pos] === '.') {
    const subLength = scanAttrName(text, pos + 1);
    if (subLength === 0) {
      return { ok: false, detail: `sub-attribute name expected after "." in "${text}"`, offset: pos + 1 };
    }
    subAttr = text.slice(pos + 1, pos + 1 + subLength);
    pos += 1 + subLength;
  }
  if (pos !== text.length) {
    return { ok: false, detail: `unexpected "${text.charAt(pos)}" in attribute path "${text}"`, offset: pos };
  }
  return {
    ok: true,
    path: {
      ...(schema === undefined ? {} : { schema }),
      name,
      ...(subAttr === undefined ? {} : { subAttr }),
    },
  };
}

/** `name.givenName`, `urn:…:enterprise:2.0:User:manager.value`; throws ScimError invalidPath on bad syntax. */
export function parseAttrPath(text: string): AttrPath {
  const trimmed = text.trim();
  const scan = scanAttrPath(trimmed);
  if (!scan.ok) {
    const lead = text.length - text.trimStart().length;
    throw invalidPath(`${scan.detail} (at position ${scan.offset + lead})`);
  }
  return scan.path;
}

/** `attributes=userName,name.givenName` (comma separated, whitespace tolerated); throws invalidPath. */
export function parseAttrPathList(text: string): AttrPath[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => parseAttrPath(item));
}
