import { describe, expect, it } from 'vitest';
import {
  MAX_LOG_BODY_BYTES,
  READ_BODY_NOT_KEPT,
  redactQuery,
  toProvisioningLogEntry,
  truncateText,
  type ProvisioningLogCapture,
} from './to-provisioning-log-entry.js';

const identity = { id: 'entry-1', at: '2026-01-01T00:00:00.000Z' };
/** PROVISIONING_LOG_READ_BODIES=on: the successful GET of these captures keeps its response body. */
const keepAll = { maxBodyBytes: MAX_LOG_BODY_BYTES, readBodies: true };

function capture(overrides: Partial<ProvisioningLogCapture> = {}): ProvisioningLogCapture {
  return {
    orgId: 'org-1',
    tokenId: 'token-1',
    requestId: 'req-1',
    method: 'GET',
    url: '/scim/v2/Users',
    status: 200,
    durationMs: 4.6,
    requestBody: undefined,
    responseBody: '{"totalResults":0}',
    ...overrides,
  };
}

describe('truncateText', () => {
  it('keeps text within the bound as it is', () => {
    expect(truncateText('abc', 3)).toBe('abc');
  });

  it('cuts to the byte bound and says how large the whole was', () => {
    expect(truncateText('abcdef', 4)).toBe('abcd…[truncated: 6 bytes]');
  });

  it('never cuts inside a multi-byte character', () => {
    // "é" is 2 bytes in UTF-8: a cut after 2 bytes would split the second one.
    expect(truncateText('aéé', 4)).toBe('aé…[truncated: 5 bytes]');
  });
});

describe('redactQuery', () => {
  it.each([
    ['/scim/v2/Users?access_token=abc&count=1', '/scim/v2/Users?access_token=[redacted]&count=1'],
    ['/scim/v2/Users?count=1&api%5Fkey=abc', '/scim/v2/Users?count=1&api%5Fkey=[redacted]'],
    [
      '/scim/v2/Users?filter=userName%20eq%20%22token%22',
      '/scim/v2/Users?filter=userName%20eq%20%22token%22',
    ],
    [`/scim/v2/Users/msk_${'x'.repeat(43)}`, '/scim/v2/Users/[redacted]'],
    ['/scim/v2/Users', '/scim/v2/Users'],
  ])('%s → %s', (url, expected) => {
    expect(redactQuery(url)).toBe(expected);
  });
});

describe('toProvisioningLogEntry', () => {
  it('maps the capture and rounds the duration', () => {
    expect(toProvisioningLogEntry(capture(), identity, keepAll)).toEqual({
      id: 'entry-1',
      orgId: 'org-1',
      tokenId: 'token-1',
      requestId: 'req-1',
      at: identity.at,
      method: 'GET',
      path: '/scim/v2/Users',
      status: 200,
      durationMs: 5,
      scimType: null,
      resourceType: null,
      resourceId: null,
      requestBody: null,
      responseBody: '{"totalResults":0}',
    });
  });

  it('takes the scimType of an error response (RFC 7644 §3.12)', () => {
    const body = JSON.stringify({ status: '400', scimType: 'invalidFilter', detail: 'bad' });
    expect(toProvisioningLogEntry(capture({ status: 400, responseBody: body }), identity).scimType).toBe(
      'invalidFilter',
    );
    expect(
      toProvisioningLogEntry(capture({ status: 404, responseBody: '{"status":"404"}' }), identity).scimType,
    ).toBeNull();
  });

  it('names a created resource by the id in the 201 response, and a path resource by the route', () => {
    const created = capture({
      method: 'POST',
      status: 201,
      resourceType: 'User',
      responseBody: '{"id":"u-1"}',
    });
    expect(toProvisioningLogEntry(created, identity)).toMatchObject({
      resourceType: 'User',
      resourceId: 'u-1',
    });
    const byPath = capture({ resourceType: 'Group', resourceId: 'g-1', responseBody: '{"id":"other"}' });
    expect(toProvisioningLogEntry(byPath, identity, keepAll)).toMatchObject({
      resourceType: 'Group',
      resourceId: 'g-1',
    });
  });

  it('redacts both bodies', () => {
    const entry = toProvisioningLogEntry(
      capture({
        method: 'POST',
        status: 201,
        requestBody: { userName: 'a', password: 'hunter2' },
        responseBody: '{"id":"u","secret":"s3cr3t"}',
      }),
      identity,
    );
    expect(entry.requestBody).toBe('{"userName":"a","password":"[redacted]"}');
    expect(entry.responseBody).toBe('{"id":"u","secret":"[redacted]"}');
  });

  it('truncates each body to the bound', () => {
    const entry = toProvisioningLogEntry(
      capture({
        requestBody: { note: 'x'.repeat(100) },
        responseBody: JSON.stringify({ n: 'y'.repeat(100) }),
      }),
      identity,
      { maxBodyBytes: 32, readBodies: true },
    );
    expect(entry.requestBody).toMatch(/^\{"note":"x+…\[truncated: 111 bytes\]$/);
    expect(entry.responseBody).toMatch(/^\{"n":"y+…\[truncated: 108 bytes\]$/);
  });

  it('keeps only the size of a response it cannot parse when it may hold a secret', () => {
    const entry = toProvisioningLogEntry(capture({ responseBody: 'password=hunter2' }), identity, keepAll);
    expect(entry.responseBody).toBe('[unparsable body: 16 bytes]');
  });

  it('stores no body for an empty response (204)', () => {
    expect(
      toProvisioningLogEntry(capture({ status: 204, responseBody: '' }), identity).responseBody,
    ).toBeNull();
  });

  it('keeps the response body of a successful read only when PROVISIONING_LOG_READ_BODIES is on', () => {
    const search = capture({ method: 'POST', url: '/scim/v2/Users/.search?x=1', requestBody: { count: 1 } });
    for (const read of [capture(), capture({ method: 'GET', url: '/scim/v2/Users/u-1' }), search]) {
      const entry = toProvisioningLogEntry(read, identity);
      expect(entry.responseBody).toBe(READ_BODY_NOT_KEPT);
      expect(entry.status).toBe(200);
      expect(toProvisioningLogEntry(read, identity, keepAll).responseBody).toBe('{"totalResults":0}');
    }
    // The query of a search is its request body: always kept.
    expect(toProvisioningLogEntry(search, identity).requestBody).toBe('{"count":1}');
  });

  it('always keeps the response bodies of writes and of failed reads', () => {
    const error = JSON.stringify({ status: '400', scimType: 'invalidFilter', detail: 'bad filter' });
    expect(toProvisioningLogEntry(capture({ status: 400, responseBody: error }), identity).responseBody).toBe(
      error,
    );
    const created = capture({
      method: 'POST',
      url: '/scim/v2/Users',
      status: 201,
      responseBody: '{"id":"u-1"}',
    });
    expect(toProvisioningLogEntry(created, identity).responseBody).toBe('{"id":"u-1"}');
    const patched = capture({ method: 'PATCH', url: '/scim/v2/Users/u-1', responseBody: '{"id":"u-1"}' });
    expect(toProvisioningLogEntry(patched, identity).responseBody).toBe('{"id":"u-1"}');
  });
});
