import { describe, expect, it } from 'vitest';
import { toListResponse } from './list-response.js';

const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

describe('toListResponse', () => {
  it.each([
    [
      'an empty index page keeps Resources: []',
      { totalResults: 0, resources: [], startIndex: 1 },
      { schemas: [LIST_RESPONSE], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] },
    ],
    [
      'itemsPerPage is the returned count, not the total',
      { totalResults: 5, resources: [{ id: 'a' }, { id: 'b' }], startIndex: 3 },
      {
        schemas: [LIST_RESPONSE],
        totalResults: 5,
        itemsPerPage: 2,
        startIndex: 3,
        Resources: [{ id: 'a' }, { id: 'b' }],
      },
    ],
    [
      'a cursor page has nextCursor and no startIndex (RFC 9865)',
      { totalResults: 5, resources: [{ id: 'a' }], nextCursor: 'n1', previousCursor: 'p0' },
      {
        schemas: [LIST_RESPONSE],
        totalResults: 5,
        itemsPerPage: 1,
        nextCursor: 'n1',
        previousCursor: 'p0',
        Resources: [{ id: 'a' }],
      },
    ],
  ])('%s', (_label, input, expected) => {
    expect(toListResponse(input)).toEqual(expected);
  });
});
