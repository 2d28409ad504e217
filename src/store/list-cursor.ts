// RFC 9865 cursors: opaque to clients, here base64url JSON of the last row's sort key and id plus the sort it
// belongs to. A cursor that does not decode, or comes from another sort order → 400 invalidCursor.
import { invalidCursor } from '../scim/errors.js';

export type SortValue = string | number | null;

export interface ListCursor {
  /** Which sort the key belongs to (sortBy + order); a cursor is only valid for the same sort. */
  readonly sort: string;
  readonly key: SortValue;
  readonly id: string;
}

export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id }), 'utf8').toString(
    'base64url',
  );
}

export function decodeListCursor(text: string, sort: string): ListCursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('the cursor is not one this server issued');
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw invalidCursor('the cursor is not one this server issued');
  const s: unknown = 's' in parsed ? parsed.s : undefined;
  const k: unknown = 'k' in parsed ? parsed.k : undefined;
  const i: unknown = 'i' in parsed ? parsed.i : undefined;
  if (
    typeof s !== 'string' ||
    typeof i !== 'string' ||
    !(k === null || typeof k === 'string' || typeof k === 'number')
  ) {
    throw invalidCursor('the cursor is not one this server issued');
  }
  if (s !== sort) throw invalidCursor('the cursor belongs to a different sortBy/sortOrder');
  return { sort: s, key: k, id: i };
}
