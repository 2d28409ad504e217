// RFC 7644 §3.4.2.2: the typed AST a filter parses into. Every consumer (in-memory evaluation, the SQL compiler)
// switches on `kind` exhaustively.
import type { AttrPath } from '../path/attr-path.js';

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** compValue = false / null / true / number / string (RFC 7644 §3.4.2.2 ABNF). */
export type FilterValue = string | number | boolean | null;

/**
 * The nodes that name an attribute carry `pos`: the 0-based offset in the filter text where their attribute path
 * starts, so that an error found after parsing (unknown attribute, wrong value type) can say where, as syntax errors
 * do. The parser always sets it; nodes built in code have none.
 */
export type FilterNode =
  | {
      readonly kind: 'compare';
      readonly path: AttrPath;
      readonly op: CompareOp;
      readonly value: FilterValue;
      readonly pos?: number;
    }
  | { readonly kind: 'present'; readonly path: AttrPath; readonly pos?: number }
  | { readonly kind: 'and'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly filter: FilterNode }
  /**
   * `emails[type eq "work" and value co "@example.com"]`: `path` names the multi-valued (or complex) attribute
   * (no subAttr); the paths inside `filter` are relative to one element (their `name` is the sub-attribute).
   * Entra also sends `emails[type eq "work"].value eq "x"` (not in the RFC ABNF): the parser folds it into
   * `emails[type eq "work" and value eq "x"]`, which one element must satisfy as a whole.
   */
  | {
      readonly kind: 'valuePath';
      readonly path: AttrPath;
      readonly filter: FilterNode;
      readonly pos?: number;
    };

export type FilterKind = FilterNode['kind'];
