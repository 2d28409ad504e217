// Canonical RFC 7644 §3.4.2.2 text for a FilterNode: lower-case operators and keywords, JSON values, single spaces,
// and parentheses exactly where precedence ("and" over "or", left association) needs them, so that
// parseFilter(formatFilter(node)) equals node, apart from the text positions the parser records.
import type { AttrPath } from '../path/attr-path.js';
import type { FilterNode, FilterValue } from './filter-node.js';

export function formatFilter(node: FilterNode): string {
  switch (node.kind) {
    case 'compare':
      return `${formatAttrPath(node.path)} ${node.op} ${formatValue(node.value)}`;
    case 'present':
      return `${formatAttrPath(node.path)} pr`;
    case 'and':
      return `${group(node.left, node.left.kind === 'or')} and ${group(node.right, node.right.kind === 'or' || node.right.kind === 'and')}`;
    case 'or':
      return `${formatFilter(node.left)} or ${group(node.right, node.right.kind === 'or')}`;
    case 'not':
      return `not (${formatFilter(node.filter)})`;
    case 'valuePath':
      return `${formatAttrPath(node.path)}[${formatFilter(node.filter)}]`;
  }
}

/** `urn:…:User:name.givenName`; the inverse of parseAttrPath. */
export function formatAttrPath(path: AttrPath): string {
  const qualified = path.schema === undefined ? path.name : `${path.schema}:${path.name}`;
  return path.subAttr === undefined ? qualified : `${qualified}.${path.subAttr}`;
}

function group(node: FilterNode, needed: boolean): string {
  return needed ? `(${formatFilter(node)})` : formatFilter(node);
}

function formatValue(value: FilterValue): string {
  // JSON.stringify would write -0 as "0"; "-0" is a valid JSON number that reads back as -0.
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return JSON.stringify(value);
}
