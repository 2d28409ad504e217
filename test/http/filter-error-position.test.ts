// RFC 7644 §3.4.2.2 / §3.12: a refused filter says where it went wrong, for a syntax error as for a filter that
// parses but names an unknown attribute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCIM_ERROR_URN } from '../../src/scim/errors.js';
import { scimRequest, type ScimRequest } from '../integration/scim-request.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let scim: ScimRequest;
beforeAll(async () => {
  t = await createTestApp();
  scim = scimRequest(t);
});
afterAll(async () => {
  await t.close();
});

describe('GET /Users?filter=… → 400 invalidFilter with the position in the detail', () => {
  it.each([
    [
      'a syntax error',
      'userName eq "bjensen" garbage',
      'unexpected "garbage"; expected "and", "or" or end of filter (at position 22)',
    ],
    ['an unknown attribute', 'userName eq "x" or foo eq "a"', "unknown attribute 'foo' (at position 19)"],
  ])('%s', async (_name, filter, detail) => {
    const res = await scim('GET', `/Users?filter=${encodeURIComponent(filter)}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ schemas: [SCIM_ERROR_URN], status: '400', scimType: 'invalidFilter', detail });
  });
});
