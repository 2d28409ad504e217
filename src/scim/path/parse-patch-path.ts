// RFC 7644 §3.5.2 PATCH path:
//   PATH = attrPath / valuePath [subAttr]
// `emails[type eq "work"].value`, `members[value eq "2819c223"]`, `urn:…:enterprise:2.0:User:manager`. The filter
// between the brackets is parsed by the filter parser with its paths relative to one element.
import { invalidPath, isScimError } from '../errors.js';
import type { FilterNode } from '../filter/filter-node.js';
import { parseValueFilter } from '../filter/parse-filter.js';
import type { AttrPath } from './attr-path.js';
import { scanAttrName, scanAttrPath } from './parse-attr-path.js';

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
  const path = text.trim();
  const open = path.indexOf('[');
  const attrText = open === -1 ? path : path.slice(0, open);
  const scan = scanAttrPath(attrText);
  if (!scan.ok) throw invalidPath(`invalid path "${path}": ${scan.detail} (at position ${scan.offset})`);
  if (open === -1) return { attr: scan.path };
  if (scan.path.subAttr !== undefined) {
    throw invalidPath(
      `invalid path "${path}": a value filter applies to an attribute, not to a sub-attribute`,
    );
  }

  const close = findClosingBracket(path, open);
  if (close === -1) throw invalidPath(`invalid path "${path}": missing "]"`);
  let filter: FilterNode;
  try {
    filter = parseValueFilter(path, open + 1, close);
  } catch (error) {
    if (isScimError(error) && error.scimType === 'invalidFilter') {
      throw invalidPath(`invalid value filter in path "${path}": ${error.message}`);
    }
    throw error;
  }

  const rest = path.slice(close + 1);
  if (rest === '') return { attr: scan.path, filter };
  const subLength = rest.startsWith('.') ? scanAttrName(rest, 1) : 0;
  if (subLength === 0 || subLength + 1 !== rest.length) {
    throw invalidPath(`invalid path "${path}": expected end of path or ".subAttribute" after "]"`);
  }
  return { attr: scan.path, filter, subAttr: rest.slice(1) };
}

/** Index of the "]" closing the value filter opened at `open`, skipping JSON strings; -1 when there is none. */
function findClosingBracket(text: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === ']') {
      return i;
    }
  }
  return -1;
}
