import { describe, expect, it } from 'vitest';
import { etagMatches, formatEtag } from './etag.js';

describe('etagMatches', () => {
  it.each([
    ['W/"3"', 3, true],
    ['"3"', 3, true],
    ['*', 7, true],
    ['W/"1", W/"3"', 3, true],
    ['W/"2"', 3, false],
    ['W/"30"', 3, false],
  ])('%s against version %i → %s', (header, version, expected) => {
    expect(etagMatches(header, formatEtag(version))).toBe(expected);
  });
});
