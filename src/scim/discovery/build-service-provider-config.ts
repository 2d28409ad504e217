// RFC 7643 §5 ServiceProviderConfig, plus RFC 9865 §4 `pagination`. Every flag states what the code does.
import type { JsonObject } from '../../shared/json.js';
import { SERVICE_PROVIDER_CONFIG_URN } from '../schema/schema-urns.js';

export interface ServiceProviderConfigInput {
  /** SCIM base URL without trailing slash (`https://muster.example.com/scim/v2`). */
  readonly baseUrl: string;
  /** Largest page a list request returns (filter.maxResults, pagination.maxPageSize). */
  readonly maxResults: number;
  readonly maxBulkOperations: number;
  readonly maxPayloadBytes: number;
  /** Page size when the client sends no `count` (RFC 9865 defaultPageSize); defaults to maxResults. */
  readonly defaultPageSize?: number;
  /** Seconds a cursor stays valid (RFC 9865 cursorTimeout); omitted from the document when unknown. */
  readonly cursorTimeout?: number;
  readonly documentationUri?: string;
}

export function buildServiceProviderConfig(input: ServiceProviderConfigInput): JsonObject {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_URN],
    ...(input.documentationUri === undefined ? {} : { documentationUri: input.documentationUri }),
    patch: { supported: true },
    bulk: { supported: true, maxOperations: input.maxBulkOperations, maxPayloadSize: input.maxPayloadBytes },
    filter: { supported: true, maxResults: input.maxResults },
    // No password is stored, so there is nothing to change (RFC 7643 §5 changePassword).
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    pagination: {
      cursor: true,
      index: true,
      defaultPaginationMethod: 'index',
      defaultPageSize: Math.min(input.defaultPageSize ?? input.maxResults, input.maxResults),
      maxPageSize: input.maxResults,
      ...(input.cursorTimeout === undefined ? {} : { cursorTimeout: input.cursorTimeout }),
    },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Bearer token (RFC 6750) issued to the organization by the Muster administrator.',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: `${input.baseUrl}/ServiceProviderConfig`,
    },
  };
}
