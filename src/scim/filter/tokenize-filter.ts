// RFC 7644 §3.4.2.2 filter lexer. Words (attribute paths, operators, keywords, numbers, true/false/null) are
// classified by the parser from their position, because SCIM attribute names may spell a keyword (`not`, `pr`).
// Strings are JSON strings (RFC 8259 §7) with their escapes decoded here.
import { invalidFilter } from '../errors.js';

/** RFC 7644 sets no limit; 10,000 characters is far above any IdP filter and bounds the parser's work. */
export const MAX_FILTER_LENGTH = 10_000;

export type FilterToken =
  | { readonly kind: 'word'; readonly text: string; readonly pos: number }
  | { readonly kind: 'string'; readonly value: string; readonly pos: number }
  | { readonly kind: 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'eof'; readonly pos: number };

const PUNCTUATION = { '(': 'lparen', ')': 'rparen', '[': 'lbracket', ']': 'rbracket' } as const;

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

// Entra and validators send doubled spaces; tabs and newlines are tolerated the same way.
function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function isPunctuation(ch: string): ch is keyof typeof PUNCTUATION {
  return Object.hasOwn(PUNCTUATION, ch);
}

/**
 * Tokens of `text.slice(start, end)`; positions are offsets in the whole `text`, so a filter embedded in a PATCH
 * path reports where it went wrong in that path. Ends with an `eof` token at `end`.
 */
export function tokenizeFilter(text: string, start = 0, end = text.length): FilterToken[] {
  if (end - start > MAX_FILTER_LENGTH) {
    throw invalidFilter(`filter longer than ${MAX_FILTER_LENGTH} characters`, start + MAX_FILTER_LENGTH);
  }
  const tokens: FilterToken[] = [];
  let pos = start;
  while (pos < end) {
    const ch = text.charAt(pos);
    if (isSpace(ch)) {
      pos += 1;
    } else if (isPunctuation(ch)) {
      tokens.push({ kind: PUNCTUATION[ch], pos });
      pos += 1;
    } else if (ch === '"') {
      const scanned = scanString(text, pos, end);
      tokens.push({ kind: 'string', value: scanned.value, pos });
      pos = scanned.next;
    } else if (ch === "'") {
      throw invalidFilter('string values must be enclosed in double quotes', pos);
    } else {
      let stop = pos + 1;
      while (stop < end) {
        const next = text.charAt(stop);
        if (isSpace(next) || isPunctuation(next) || next === '"') break;
        stop += 1;
      }
      tokens.push({ kind: 'word', text: text.slice(pos, stop), pos });
      pos = stop;
    }
  }
  tokens.push({ kind: 'eof', pos: end });
  return tokens;
}

/** RFC 8259 §7 string starting at the quote at `open`. */
function scanString(text: string, open: number, end: number): { value: string; next: number } {
  let value = '';
  let pos = open + 1;
  while (pos < end) {
    const ch = text.charAt(pos);
    if (ch === '"') return { value, next: pos + 1 };
    if (ch !== '\\') {
      // Raw control characters are tolerated (lenient input); formatFilter always escapes them.
      value += ch;
      pos += 1;
      continue;
    }
    const escape = text.charAt(pos + 1);
    if (pos + 1 >= end) break;
    const simple = ESCAPES[escape];
    if (simple !== undefined) {
      value += simple;
      pos += 2;
    } else if (escape === 'u') {
      const hex = text.slice(pos + 2, Math.min(pos + 6, end));
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw invalidFilter('invalid \\u escape in string', pos);
      value += String.fromCharCode(Number.parseInt(hex, 16));
      pos += 6;
    } else {
      throw invalidFilter(`invalid escape "\\${escape}" in string`, pos);
    }
  }
  throw invalidFilter('unterminated string', open);
}
