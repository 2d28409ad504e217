import { describe, expect, it } from 'vitest';
import { tokenizeFilter, type FilterToken } from './tokenize-filter.js';

describe('tokenizeFilter', () => {
  it.each<[string, FilterToken[]]>([
    [
      'userName eq "bjensen"',
      [
        { kind: 'word', text: 'userName', pos: 0 },
        { kind: 'word', text: 'eq', pos: 9 },
        { kind: 'string', value: 'bjensen', pos: 12 },
        { kind: 'eof', pos: 21 },
      ],
    ],
    [
      'emails[type eq"a b"].value',
      [
        { kind: 'word', text: 'emails', pos: 0 },
        { kind: 'lbracket', pos: 6 },
        { kind: 'word', text: 'type', pos: 7 },
        { kind: 'word', text: 'eq', pos: 12 },
        { kind: 'string', value: 'a b', pos: 14 },
        { kind: 'rbracket', pos: 19 },
        { kind: 'word', text: '.value', pos: 20 },
        { kind: 'eof', pos: 26 },
      ],
    ],
    [
      'not(a pr)',
      [
        { kind: 'word', text: 'not', pos: 0 },
        { kind: 'lparen', pos: 3 },
        { kind: 'word', text: 'a', pos: 4 },
        { kind: 'word', text: 'pr', pos: 6 },
        { kind: 'rparen', pos: 8 },
        { kind: 'eof', pos: 9 },
      ],
    ],
  ])('%s', (text, expected) => {
    expect(tokenizeFilter(text)).toEqual(expected);
  });

  it('reports positions in the whole text when given a slice', () => {
    expect(tokenizeFilter('emails[type pr]', 7, 14)).toEqual([
      { kind: 'word', text: 'type', pos: 7 },
      { kind: 'word', text: 'pr', pos: 12 },
      { kind: 'eof', pos: 14 },
    ]);
  });

  it('decodes every JSON escape', () => {
    expect(tokenizeFilter('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041"')[0]).toEqual({
      kind: 'string',
      value: '"\\/\b\f\n\r\tA',
      pos: 0,
    });
  });
});
