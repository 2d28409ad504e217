// RFC 7644 §4 discovery: /ServiceProviderConfig, /ResourceTypes, /Schemas, built from the same definitions the
// API validates against. Read-only: filtering them is 403 (§4), writing them is 405. The base URL itself answers
// with the ServiceProviderConfig, which is what a client probing the base URL wants to know.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildResourceTypes } from '../../scim/discovery/build-resource-types.js';
import { buildSchemas } from '../../scim/discovery/build-schemas.js';
import { buildServiceProviderConfig } from '../../scim/discovery/build-service-provider-config.js';
import { forbidden, methodNotAllowed, notFound } from '../../scim/errors.js';
import { toListResponse } from '../../scim/list/list-response.js';
import { readParam } from '../../scim/list/parse-projection.js';
import type { JsonObject } from '../../shared/json.js';
import type { ScimLimits } from './resolve-limits.js';

type Query = Record<string, unknown>;

export function registerDiscoveryRoutes(app: FastifyInstance, baseUrl: string, limits: ScimLimits): void {
  // Built once: the documents depend only on the schema definitions and the configured limits.
  const serviceProviderConfig = buildServiceProviderConfig({
    baseUrl,
    maxResults: limits.maxResults,
    maxBulkOperations: limits.maxBulkOperations,
    maxPayloadBytes: limits.maxPayloadBytes,
    defaultPageSize: limits.defaultPageSize,
  });
  const resourceTypes = buildResourceTypes(baseUrl);
  const schemas = buildSchemas(baseUrl);

  const readOnly = (
    url: string,
    answer: (request: FastifyRequest<{ Params: { id?: string } }>) => JsonObject,
  ): void => {
    app.get<{ Querystring: Query; Params: { id?: string } }>(url, (request) => {
      // RFC 7644 §4: "If a "filter" is provided, the service provider SHOULD respond with HTTP status code 403".
      if (readParam(request.query, 'filter') !== undefined) {
        throw forbidden('Filtering is not supported on discovery endpoints (RFC 7644 §4)');
      }
      return answer(request);
    });
    app.route({
      method: ['POST', 'PUT', 'PATCH', 'DELETE'],
      url,
      handler: (_request: FastifyRequest, reply: FastifyReply) => {
        void reply.header('allow', 'GET');
        throw methodNotAllowed('Discovery endpoints are read-only: use GET');
      },
    });
  };

  const listOf = (documents: readonly JsonObject[]): JsonObject =>
    toListResponse({ totalResults: documents.length, resources: documents, startIndex: 1 });

  const byId = (documents: readonly JsonObject[], kind: string, id: string | undefined): JsonObject => {
    const wanted = (id ?? '').toLowerCase();
    // Ids are URNs and names like `User`: compared case-insensitively, as URNs are (RFC 8141 §3.1).
    const found = documents.find(
      (doc) => typeof doc['id'] === 'string' && doc['id'].toLowerCase() === wanted,
    );
    if (found === undefined) throw notFound(`${kind} "${id ?? ''}" not found`);
    return found;
  };

  readOnly('/', () => serviceProviderConfig);
  readOnly('/ServiceProviderConfig', () => serviceProviderConfig);
  readOnly('/ResourceTypes', () => listOf(resourceTypes));
  readOnly('/ResourceTypes/:id', (request) => byId(resourceTypes, 'ResourceType', request.params.id));
  readOnly('/Schemas', () => listOf(schemas));
  readOnly('/Schemas/:id', (request) => byId(schemas, 'Schema', request.params.id));
}
