// Filter ASTs compared for what they mean: the parser records where each attribute path starts (`pos`), which
// differs between two spellings of one filter and is absent from ASTs built by hand.
import type { FilterNode } from '../../src/scim/filter/filter-node.js';

export function withoutPositions(node: FilterNode): FilterNode {
  switch (node.kind) {
    case 'compare':
      return { kind: 'compare', path: node.path, op: node.op, value: node.value };
    case 'present':
      return { kind: 'present', path: node.path };
    case 'and':
    case 'or':
      return { kind: node.kind, left: withoutPositions(node.left), right: withoutPositions(node.right) };
    case 'not':
      return { kind: 'not', filter: withoutPositions(node.filter) };
    case 'valuePath':
      return { kind: 'valuePath', path: node.path, filter: withoutPositions(node.filter) };
  }
}
