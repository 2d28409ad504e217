// RFC 7644 §3.4.2.2 filter grammar → FilterNode, by recursive descent over the ABNF:
//   FILTER    = attrExp / logExp / valuePath / *1"not" "(" FILTER ")"
//   valuePath = attrPath "[" valFilter "]"        ; valFilter is FILTER without nested valuePaths
//   attrExp   = (attrPath SP "pr") / (attrPath SP compareOp SP compValue)
//   logExp    = FILTER SP ("and" / "or") SP FILTER ; "and" binds tighter than "or" (§3.4.2.2 Table 4)
// Operators and keywords are case-insensitive; attribute names are kept as written.
import { invalidFilter } from '../errors.js';
import { scanAttrName, scanAttrPath } from '../path/parse-attr-path.js';
import type { AttrPath } from '../path/attr-path.js';
import type { CompareOp, FilterNode, FilterValue } from './filter-node.js';
import { tokenizeFilter, type FilterToken } from './tokenize-filter.js';

/** Parentheses, `not` and value filters nest the parser's recursion; deeper input is refused, not a stack overflow. */
export const MAX_FILTER_DEPTH = 64;

const COMPARE_OPS: ReadonlySet<string> = new Set<CompareOp>([
  'eq',
  'ne',
  'co',
  'sw',
  'ew',
  'gt',
  'ge',
  'lt',
  'le',
]);

// RFC 8259 §6 number grammar.
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** Throws ScimError invalidFilter(detail, position) on any syntax error. */
export function parseFilter(text: string): FilterNode {
  return new FilterParser(text, 0, text.length, false).parseAll();
}

/**
 * The filter between the brackets of a PATCH valuePath (`emails[type eq "work"]`): `text.slice(start, end)`,
 * with error positions reported as offsets in `text`. Nested value filters are refused, as in the ABNF.
 */
export function parseValueFilter(text: string, start: number, end: number): FilterNode {
  return new FilterParser(text, start, end, true).parseAll();
}

function describe(token: FilterToken): string {
  switch (token.kind) {
    case 'word':
      return `"${token.text}"`;
    case 'string':
      return JSON.stringify(token.value);
    case 'lparen':
      return '"("';
    case 'rparen':
      return '")"';
    case 'lbracket':
      return '"["';
    case 'rbracket':
      return '"]"';
    case 'eof':
      return 'end of filter';
  }
}

function isWord(token: FilterToken, keyword: string): boolean {
  return token.kind === 'word' && token.text.toLowerCase() === keyword;
}

class FilterParser {
  private readonly tokens: FilterToken[];
  private index = 0;
  private depth = 0;
  private inValueFilter: boolean;

  constructor(text: string, start: number, end: number, inValueFilter: boolean) {
    this.tokens = tokenizeFilter(text, start, end);
    this.inValueFilter = inValueFilter;
  }

  parseAll(): FilterNode {
    const first = this.peek();
    if (first.kind === 'eof') throw invalidFilter('empty filter', first.pos);
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      const expected = rest.kind === 'rparen' ? 'unbalanced ")"' : `unexpected ${describe(rest)}`;
      throw invalidFilter(`${expected}; expected "and", "or" or end of filter`, rest.pos);
    }
    return node;
  }

  private peek(ahead = 0): FilterToken {
    // The token list always ends with eof, and the parser never moves past it.
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as FilterToken;
  }

  private next(): FilterToken {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private enter(pos: number): void {
    this.depth += 1;
    if (this.depth > MAX_FILTER_DEPTH) {
      throw invalidFilter(`filter nested deeper than ${MAX_FILTER_DEPTH} levels`, pos);
    }
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (isWord(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (isWord(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    const token = this.peek();
    if (token.kind === 'lparen') {
      this.next();
      return this.parseGroup(token.pos);
    }
    if (isWord(token, 'not') && this.peek(1).kind === 'lparen') {
      this.next();
      this.next();
      return { kind: 'not', filter: this.parseGroup(token.pos) };
    }
    if (token.kind === 'word') return this.parseAttrExp(token);
    throw invalidFilter(`expected an attribute path, "(" or "not" but found ${describe(token)}`, token.pos);
  }

  /** After "(": a filter and its closing ")". */
  private parseGroup(openPos: number): FilterNode {
    this.enter(openPos);
    const inner = this.parseOr();
    const close = this.next();
    if (close.kind !== 'rparen') {
      throw invalidFilter(`expected ")" but found ${describe(close)}`, close.pos);
    }
    this.depth -= 1;
    return inner;
  }

  private parsePath(token: Extract<FilterToken, { kind: 'word' }>): AttrPath {
    const scan = scanAttrPath(token.text);
    if (!scan.ok) throw invalidFilter(scan.detail, token.pos + scan.offset);
    return scan.path;
  }

  private parseAttrExp(pathToken: Extract<FilterToken, { kind: 'word' }>): FilterNode {
    const path = this.parsePath(pathToken);
    this.next();
    if (this.peek().kind === 'lbracket') return this.parseValuePath(path, pathToken.pos);
    return this.parseCondition(path, pathToken, pathToken.pos);
  }

  /** `attrPath "pr"` or `attrPath compareOp compValue`, the path already read; `pos` is where the path starts. */
  private parseCondition(
    path: AttrPath,
    pathToken: Extract<FilterToken, { kind: 'word' }>,
    pos: number,
  ): FilterNode {
    const opToken = this.next();
    if (opToken.kind !== 'word') {
      if (pathToken.text.toLowerCase() === 'not') {
        throw invalidFilter('"not" must be followed by "("', pathToken.pos);
      }
      throw invalidFilter(`expected an operator after "${pathToken.text}"`, opToken.pos);
    }
    const op = opToken.text.toLowerCase();
    if (op === 'pr') return { kind: 'present', path, pos };
    if (!COMPARE_OPS.has(op)) {
      if (pathToken.text.toLowerCase() === 'not') {
        throw invalidFilter('"not" must be followed by "("', pathToken.pos);
      }
      throw invalidFilter(`unknown operator "${opToken.text}"`, opToken.pos);
    }
    const compareOp = op as CompareOp;
    const value = this.parseValue(compareOp);
    return { kind: 'compare', path, op: compareOp, value, pos };
  }

  private parseValue(op: CompareOp): FilterValue {
    const token = this.next();
    let value: FilterValue;
    if (token.kind === 'string') {
      value = token.value;
    } else if (token.kind === 'word') {
      value = this.parseLiteral(token);
    } else {
      throw invalidFilter(`missing value after "${op}"`, token.pos);
    }
    // RFC 7644 §3.4.2.2: ordering of booleans is an invalidFilter; ordering or substring-matching null is meaningless.
    if ((value === null || typeof value === 'boolean') && op !== 'eq' && op !== 'ne') {
      throw invalidFilter(`"${op}" cannot compare with ${String(value)}`, token.pos);
    }
    return value;
  }

  private parseLiteral(token: Extract<FilterToken, { kind: 'word' }>): FilterValue {
    const lower = token.text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (JSON_NUMBER.test(token.text)) {
      const number = Number(token.text);
      if (!Number.isFinite(number)) throw invalidFilter(`number out of range: ${token.text}`, token.pos);
      return number;
    }
    throw invalidFilter(
      `invalid value ${describe(token)}: expected a quoted string, a number, true, false or null`,
      token.pos,
    );
  }

  /** `attrPath "[" valFilter "]"`, plus Entra's `emails[type eq "work"].value eq "x"` (not in the ABNF). */
  private parseValuePath(path: AttrPath, pos: number): FilterNode {
    const open = this.next();
    if (this.inValueFilter) throw invalidFilter('value filters cannot be nested', open.pos);
    if (path.subAttr !== undefined) {
      throw invalidFilter('a value filter applies to an attribute, not to a sub-attribute', open.pos);
    }
    this.enter(open.pos);
    this.inValueFilter = true;
    if (this.peek().kind === 'rbracket') throw invalidFilter('empty value filter', this.peek().pos);
    const filter = this.parseOr();
    const close = this.next();
    if (close.kind !== 'rbracket') {
      throw invalidFilter(`expected "]" but found ${describe(close)}`, close.pos);
    }
    this.inValueFilter = false;
    this.depth -= 1;

    const after = this.peek();
    if (after.kind !== 'word' || after.pos !== close.pos + 1 || !after.text.startsWith('.')) {
      return { kind: 'valuePath', path, filter, pos };
    }
    // Entra: `emails[type eq "work"].value eq "x"` is folded into `emails[type eq "work" and value eq "x"]`, a
    // condition one element must satisfy as a whole (filter-node.ts).
    const nameLength = scanAttrName(after.text, 1);
    if (nameLength === 0 || nameLength + 1 !== after.text.length) {
      throw invalidFilter(`invalid sub-attribute "${after.text}" after "]"`, after.pos + 1);
    }
    const subPath: AttrPath = { name: after.text.slice(1) };
    this.next();
    const condition = this.parseCondition(subPath, after, after.pos + 1);
    return { kind: 'valuePath', path, filter: { kind: 'and', left: filter, right: condition }, pos };
  }
}
