import { describe, expect, it } from 'vitest';
import { buildServiceProviderConfig } from './build-service-provider-config.js';

const BASE = 'https://muster.example.com/scim/v2';

describe('buildServiceProviderConfig', () => {
  const doc = buildServiceProviderConfig({
    baseUrl: BASE,
    maxResults: 200,
    maxBulkOperations: 1000,
    maxPayloadBytes: 1_048_576,
  });

  it('states the RFC 7643 §5 features the API implements', () => {
    expect(doc).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 1_048_576 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      meta: { resourceType: 'ServiceProviderConfig', location: `${BASE}/ServiceProviderConfig` },
    });
  });

  it('advertises a primary OAuth bearer token scheme', () => {
    expect(doc['authenticationSchemes']).toEqual([
      expect.objectContaining({
        type: 'oauthbearertoken',
        primary: true,
        name: expect.any(String),
        description: expect.any(String),
      }),
    ]);
  });

  it('advertises RFC 9865 pagination, index by default', () => {
    expect(doc['pagination']).toEqual({
      cursor: true,
      index: true,
      defaultPaginationMethod: 'index',
      defaultPageSize: 200,
      maxPageSize: 200,
    });
    const tuned = buildServiceProviderConfig({
      baseUrl: BASE,
      maxResults: 200,
      maxBulkOperations: 10,
      maxPayloadBytes: 1000,
      defaultPageSize: 50,
      cursorTimeout: 600,
    });
    expect(tuned['pagination']).toMatchObject({ defaultPageSize: 50, maxPageSize: 200, cursorTimeout: 600 });
  });

  it('never advertises a default page larger than the maximum', () => {
    const doc2 = buildServiceProviderConfig({
      baseUrl: BASE,
      maxResults: 10,
      maxBulkOperations: 1,
      maxPayloadBytes: 1,
      defaultPageSize: 100,
    });
    expect(doc2['pagination']).toMatchObject({ defaultPageSize: 10, maxPageSize: 10 });
  });
});
