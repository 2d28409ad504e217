// RFC 7644 §3.4.2.5 / §3.9: `attributes` and `excludedAttributes`, from a query string (comma-separated,
// possibly repeated) or a SearchRequest body (array of strings, or a comma-separated string).
import { invalidValue } from '../errors.js';
import type { AttrPath } from '../path/attr-path.js';
import { parseAttrPathList } from '../path/parse-attr-path.js';

export interface ParsedProjection {
  readonly attributes: AttrPath[];
  readonly excludedAttributes: AttrPath[];
}

/**
 * Both given → `attributes` wins and `excludedAttributes` is dropped: RFC 7644 §3.4.2.5 says clients should not
 * combine them, and answering with the attributes asked for is more useful to a client than a 400.
 */
export function parseProjection(input: Readonly<Record<string, unknown>>): ParsedProjection {
  const attributes = toPathList('attributes', readParam(input, 'attributes'));
  const excludedAttributes =
    attributes.length > 0 ? [] : toPathList('excludedAttributes', readParam(input, 'excludedAttributes'));
  return { attributes, excludedAttributes };
}

/** Parameter names match case-insensitively (`startindex`, `Count`); two spellings at once are ambiguous. */
export function readParam(input: Readonly<Record<string, unknown>>, name: string): unknown {
  const lowered = name.toLowerCase();
  const keys = Object.keys(input).filter((key) => key.toLowerCase() === lowered);
  if (keys.length > 1) throw invalidValue(`${name} must be given at most once`);
  const [key] = keys;
  return key === undefined ? undefined : input[key];
}

function toPathList(name: string, value: unknown): AttrPath[] {
  if (value === undefined || value === null) return [];
  const items: readonly unknown[] = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    if (typeof item !== 'string') throw invalidValue(`${name} must be a string or an array of strings`);
    return parseAttrPathList(item);
  });
}
