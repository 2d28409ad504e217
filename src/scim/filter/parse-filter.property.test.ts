import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutPositions } from '../../../test/support/without-positions.js';
import { ScimError } from '../errors.js';
import type { AttrPath } from '../path/attr-path.js';
import type { CompareOp, FilterNode, FilterValue } from './filter-node.js';
import { formatFilter } from './format-filter.js';
import { parseFilter } from './parse-filter.js';

/** Either a FilterNode or a ScimError invalidFilter; anything else (TypeError, RangeError, stack overflow) fails. */
function parsesOrRejects(text: string): void {
  try {
    const node = parseFilter(text);
    expect(typeof node.kind).toBe('string');
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).scimType).toBe('invalidFilter');
    expect((error as ScimError).status).toBe(400);
  }
}

// Fragments that look like filter syntax, so random sequences get deep into the parser rather than failing on
// the first character.
const FRAGMENTS = [
  'userName',
  'emails',
  'name.givenName',
  'urn:ietf:params:scim:schemas:core:2.0:User:userName',
  '.value',
  'a',
  'eq',
  'NE',
  'co',
  'sw',
  'ew',
  'gt',
  'ge',
  'lt',
  'le',
  'pr',
  'and',
  'OR',
  'not',
  'true',
  'false',
  'null',
  '12',
  '-1.5e3',
  '"x"',
  '"a\\"b"',
  '"\\u00e9"',
  '"',
  '\\',
  '(',
  ')',
  '[',
  ']',
  ' ',
  '  ',
  '\t',
  "'",
  '.',
  ':',
  '$ref',
  '1e999',
];

const nameArb = fc.oneof(
  { weight: 9, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/) },
  { weight: 1, arbitrary: fc.constantFrom('$ref', 'not', 'and', 'or', 'pr', 'eq', 'true') },
);
const schemaArb = fc.constantFrom(
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:scim:schemas:core:2.0:User',
);
const pathArb = (withSchema: boolean): fc.Arbitrary<AttrPath> =>
  fc
    .record(
      { schema: withSchema ? schemaArb : fc.constant(undefined), name: nameArb, subAttr: nameArb },
      { requiredKeys: ['name'] },
    )
    .map(({ schema, name, subAttr }) => ({
      ...(schema === undefined ? {} : { schema }),
      name,
      ...(subAttr === undefined ? {} : { subAttr }),
    }));

const numberArb = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const textArb = fc.string({ unit: 'binary', maxLength: 12 });
const conditionArb = (withSchema: boolean): fc.Arbitrary<FilterNode> =>
  fc.oneof(
    pathArb(withSchema).map((path): FilterNode => ({ kind: 'present', path })),
    fc
      .tuple(
        pathArb(withSchema),
        fc.constantFrom<CompareOp>('eq', 'ne'),
        fc.oneof<fc.Arbitrary<FilterValue>[]>(textArb, numberArb, fc.boolean(), fc.constant(null)),
      )
      .map(([path, op, value]): FilterNode => ({ kind: 'compare', path, op, value })),
    fc
      .tuple(
        pathArb(withSchema),
        fc.constantFrom<CompareOp>('co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'),
        fc.oneof<fc.Arbitrary<FilterValue>[]>(textArb, numberArb),
      )
      .map(([path, op, value]): FilterNode => ({ kind: 'compare', path, op, value })),
  );

/** Logical trees over `leaf`; `depthSize` keeps them well below MAX_FILTER_DEPTH. */
function treeArb(leaf: fc.Arbitrary<FilterNode>): fc.Arbitrary<FilterNode> {
  return fc.letrec<{ node: FilterNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 6 },
      leaf,
      fc.tuple(tie('node'), tie('node')).map(([left, right]): FilterNode => ({ kind: 'and', left, right })),
      fc.tuple(tie('node'), tie('node')).map(([left, right]): FilterNode => ({ kind: 'or', left, right })),
      tie('node').map((filter): FilterNode => ({ kind: 'not', filter })),
    ),
  })).node;
}

const valuePathArb: fc.Arbitrary<FilterNode> = fc
  .tuple(
    fc.record({ schema: schemaArb, name: nameArb }, { requiredKeys: ['name'] }),
    treeArb(conditionArb(false)),
  )
  .map(([{ schema, name }, filter]): FilterNode => ({
    kind: 'valuePath',
    path: { ...(schema === undefined ? {} : { schema }), name },
    filter,
  }));

const filterArb = treeArb(
  fc.oneof({ weight: 4, arbitrary: conditionArb(true) }, { weight: 1, arbitrary: valuePathArb }),
);

describe('parseFilter properties', () => {
  it('any string parses or fails with invalidFilter, never anything else', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), parsesOrRejects), {
      numRuns: 2_000,
    });
  });

  it('filter-like token soup parses or fails with invalidFilter', () => {
    const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(' '));
    const glued = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(soup, glued), parsesOrRejects), { numRuns: 5_000 });
  });

  it('formatFilter output parses back to the same AST', () => {
    fc.assert(
      fc.property(filterArb, (node) => {
        expect(withoutPositions(parseFilter(formatFilter(node)))).toEqual(node);
      }),
      { numRuns: 2_000 },
    );
  });

  it('formatting is canonical: parse ∘ format is a fixed point on text', () => {
    fc.assert(
      fc.property(filterArb, (node) => {
        const text = formatFilter(node);
        expect(formatFilter(parseFilter(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
