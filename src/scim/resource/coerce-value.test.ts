import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { resolveAttribute } from '../schema/resolve-attribute.js';
import { USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import type { AttributeDef } from '../schema/schema-types.js';
import { defineAttribute } from '../schema/define-attribute.js';
import { coerceValue } from './coerce-value.js';

function userAttr(name: string): AttributeDef {
  const r = resolveAttribute(USER_RESOURCE_TYPE, { name });
  if (r?.kind !== 'attribute') throw new Error(name);
  return r.sub ?? r.attr;
}

const integer = defineAttribute('count', 'integer', 'test');
const decimal = defineAttribute('ratio', 'decimal', 'test');
const dateTime = defineAttribute('when', 'dateTime', 'test');

describe('coerceValue', () => {
  it.each<[string, AttributeDef, unknown, unknown]>([
    ['Entra "False"', userAttr('active'), 'False', false],
    ['Entra "TRUE"', userAttr('active'), 'TRUE', true],
    ['Keycloak "false"', userAttr('active'), 'false', false],
    ['a JSON boolean', userAttr('active'), true, true],
    ['a string with leading spaces, kept exactly', userAttr('displayName'), '  Ann ', '  Ann '],
    ['"" as unassigned', userAttr('title'), '', undefined],
    ['null as unassigned', userAttr('title'), null, undefined],
    [
      'a number for a string attribute',
      userAttr('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'),
      1234,
      '1234',
    ],
    ['an integer from a string', integer, ' 42 ', 42],
    ['a negative integer', integer, '-7', -7],
    ['a decimal from a string', decimal, '3.25', 3.25],
    ['a decimal number', decimal, 0.5, 0.5],
    ['a dateTime with Z', dateTime, '2008-01-23T04:56:22Z', '2008-01-23T04:56:22Z'],
    [
      'a dateTime with offset and fraction',
      dateTime,
      '2008-01-23T04:56:22.123+02:00',
      '2008-01-23T04:56:22.123+02:00',
    ],
    ['Entra manager as a bare id', userAttr('manager'), 'mgr-1', { value: 'mgr-1' }],
    [
      'manager: readOnly displayName dropped',
      userAttr('manager'),
      { value: 'm', displayName: 'Boss' },
      { value: 'm' },
    ],
    ['manager: empty string', userAttr('manager'), '', undefined],
    [
      'sub-attribute names canonicalised, unknown dropped',
      userAttr('name'),
      { GIVENNAME: 'Ann', nick: 'x' },
      { givenName: 'Ann' },
    ],
    ['an empty complex value', userAttr('name'), { givenName: '' }, undefined],
    [
      'a single object for a multi-valued attribute',
      userAttr('emails'),
      { value: 'a@x.test' },
      [{ value: 'a@x.test' }],
    ],
    [
      'empty elements dropped',
      userAttr('emails'),
      [null, {}, '', { value: 'a@x.test', type: 'work' }],
      [{ value: 'a@x.test', type: 'work' }],
    ],
    ['an empty array', userAttr('emails'), [], undefined],
    [
      'element booleans coerced',
      userAttr('emails'),
      [{ value: 'a', primary: 'True' }],
      [{ value: 'a', primary: true }],
    ],
    [
      'several primaries: first wins',
      userAttr('emails'),
      [
        { value: 'a', primary: true },
        { value: 'b', primary: true },
      ],
      [
        { value: 'a', primary: true },
        { value: 'b', primary: false },
      ],
    ],
    ['a bare string element for a complex value', userAttr('roles'), ['admin'], [{ value: 'admin' }]],
    ['a one-element array for a single-valued attribute', userAttr('title'), ['CEO'], 'CEO'],
    [
      'base64 binary',
      userAttr('x509Certificates'),
      [{ value: 'MIIDQzCCAqygAwIBAgICEAAw' }],
      [{ value: 'MIIDQzCCAqygAwIBAgICEAAw' }],
    ],
  ])('%s', (_label, attr, input, expected) => {
    expect(coerceValue(attr, input, attr.name)).toEqual(expected);
  });

  it.each<[string, AttributeDef, unknown, RegExp]>([
    ['"banana" for a boolean', userAttr('active'), 'banana', /active.*boolean.*banana/],
    ['1 for a boolean', userAttr('active'), 1, /boolean/],
    ['an object for a string', userAttr('title'), { a: 1 }, /title.*string/],
    ['a boolean for a string', userAttr('title'), true, /string/],
    ['a fraction for an integer', integer, '1.5', /integer/],
    ['text for a decimal', decimal, 'ten', /number/],
    ['an unparseable dateTime', dateTime, 'yesterday', /dateTime/],
    ['an impossible dateTime', dateTime, '2008-13-45T99:00:00Z', /dateTime/],
    ['a string for a complex attribute without value', userAttr('name'), 'Ann Smith', /complex/],
    ['two values for a single-valued attribute', userAttr('title'), ['a', 'b'], /single-valued/],
    ['not base64', userAttr('x509Certificates'), [{ value: 'not base64!' }], /base64/],
    [
      'a bad element names its index',
      userAttr('emails'),
      [{ value: 'a' }, { primary: 'maybe' }],
      /emails\[1\]\.primary/,
    ],
  ])('rejects %s with invalidValue', (_label, attr, input, message) => {
    let caught: unknown;
    try {
      coerceValue(attr, input, attr.name);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect(caught).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect((caught as ScimError).message).toMatch(message);
  });

  it('never echoes a write-only value (password) in its error: error responses reach logs', () => {
    for (const sent of [{ value: 'Hunter2-Object' }, { nested: ['Hunter2-Array'] }]) {
      let message = '';
      try {
        coerceValue(userAttr('password'), sent, 'password');
      } catch (error) {
        expect(error).toBeInstanceOf(ScimError);
        message = (error as ScimError).message;
      }
      expect(message).toMatch(/^Attribute 'password' must be a string/);
      expect(message).not.toMatch(/Hunter2/);
    }
    // Other attributes keep showing what was sent, which is what a client needs to fix its request.
    expect(() => coerceValue(userAttr('title'), { x: 'shown' }, 'title')).toThrow(/shown/);
  });

  it('never mutates its input', () => {
    const input = [
      { value: 'a', primary: true },
      { value: 'b', primary: true },
    ];
    const copy = structuredClone(input);
    coerceValue(userAttr('emails'), input, 'emails');
    expect(input).toEqual(copy);
  });
});
