// RFC 7644 §3.3–§3.6 routes of one resource type (/Users or /Groups): create, read, replace, patch, delete,
// list and POST /.search. The routes only translate HTTP ↔ ResourceService; every rule lives in the domain.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ResourceResult, ResourceService } from '../../domain/scim-service.js';
import { etagMatches } from '../../scim/resource/etag.js';
import { invalidSyntax, methodNotAllowed } from '../../scim/errors.js';
import { toListResponse } from '../../scim/list/list-response.js';
import { parseListParams, type ListParamsOptions } from '../../scim/list/parse-list-params.js';
import { parseProjection, readParam } from '../../scim/list/parse-projection.js';
import { scimContextOf } from './bearer-auth.js';

export interface ResourceRouteSpec {
  /** `/Users` or `/Groups`. */
  readonly endpoint: string;
  readonly service: ResourceService;
  /**
   * PATCH answers: 'resource' → 200 with the resource (Users); 'no-content' → 204 unless the request asks for
   * attributes/excludedAttributes (Groups: building a large member list nobody reads is skipped; decision 0002).
   */
  readonly patchAnswer: 'resource' | 'no-content';
  readonly list: ListParamsOptions;
}

type Query = Record<string, unknown>;
interface ById {
  Params: { id: string };
  Querystring: Query;
}

export function registerResourceRoutes(app: FastifyInstance, spec: ResourceRouteSpec): void {
  const { endpoint, service } = spec;

  const list = async (request: FastifyRequest, input: Query): Promise<object> => {
    const { params, projection } = parseListParams(input, spec.list);
    const result = await service.list(scimContextOf(request), params, projection);
    return toListResponse({
      totalResults: result.totalResults,
      resources: result.resources,
      ...(params.cursor === undefined ? { startIndex: params.startIndex } : {}),
      ...(result.nextCursor === undefined ? {} : { nextCursor: result.nextCursor }),
    });
  };

  app.get<{ Querystring: Query }>(endpoint, (request) => list(request, request.query));

  // RFC 7644 §3.4.3: the same query as a body, so filters stay out of URLs and logs.
  app.post<{ Querystring: Query }>(`${endpoint}/.search`, (request) =>
    list(request, searchBody(request.body)),
  );

  app.post<{ Querystring: Query }>(endpoint, async (request, reply) => {
    const result = await service.create(scimContextOf(request), request.body, parseProjection(request.query));
    // RFC 7644 §3.3: 201 with Location = meta.location.
    return sendResource(reply.code(201).header('location', result.location), result);
  });

  app.get<ById>(`${endpoint}/:id`, async (request, reply) => {
    const ctx = scimContextOf(request);
    const projection = parseProjection(request.query);
    const isDefault = projection.attributes.length === 0 && projection.excludedAttributes.length === 0;
    const result =
      isDefault && service.getJson !== undefined
        ? await service.getJson(ctx, request.params.id)
        : await service.get(ctx, request.params.id, projection);
    const ifNoneMatch = request.headers['if-none-match'];
    // RFC 7644 §3.14 / RFC 9110 §13.1.2: unchanged since the client's copy → 304 without a body.
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, result.etag)) {
      return reply.code(304).header('etag', result.etag).send();
    }
    return reply.header('etag', result.etag).send('json' in result ? result.json : result.resource);
  });

  app.put<ById>(`${endpoint}/:id`, async (request, reply) => {
    const result = await service.replace(
      scimContextOf(request),
      request.params.id,
      request.body,
      parseProjection(request.query),
      writeOptions(request),
    );
    return sendResource(reply, result);
  });

  app.patch<ById>(`${endpoint}/:id`, async (request, reply) => {
    const wantResource = spec.patchAnswer === 'resource' || asksForAttributes(request.query);
    const result = await service.patch(
      scimContextOf(request),
      request.params.id,
      request.body,
      parseProjection(request.query),
      { ...writeOptions(request), wantResource },
    );
    void reply.header('etag', result.etag);
    // RFC 7644 §3.5.2: "200 OK … or 204 No Content".
    if (result.resource === undefined) return reply.code(204).send();
    return reply.send(result.resource);
  });

  app.delete<ById>(`${endpoint}/:id`, async (request, reply) => {
    await service.delete(scimContextOf(request), request.params.id, writeOptions(request));
    return reply.code(204).send();
  });

  const notAllowed = (allowed: string) => (_request: FastifyRequest, reply: FastifyReply) => {
    void reply.header('allow', allowed);
    throw methodNotAllowed(`Use ${allowed} on this endpoint`);
  };
  app.route({ method: ['PUT', 'PATCH', 'DELETE'], url: endpoint, handler: notAllowed('GET, POST') });
  app.post(`${endpoint}/:id`, notAllowed('GET, PUT, PATCH, DELETE'));
}

function sendResource(reply: FastifyReply, result: ResourceResult): FastifyReply {
  return reply.header('etag', result.etag).send(result.resource);
}

function writeOptions(request: FastifyRequest): { ifMatch?: string } {
  const ifMatch = request.headers['if-match'];
  return ifMatch === undefined ? {} : { ifMatch };
}

function asksForAttributes(query: Query): boolean {
  return readParam(query, 'attributes') !== undefined || readParam(query, 'excludedAttributes') !== undefined;
}

/** A SearchRequest body (RFC 7644 §3.4.3) must be a JSON object; `schemas` is not checked (lenient). */
export function searchBody(body: unknown): Query {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidSyntax('The search request body must be a JSON object (RFC 7644 §3.4.3)');
  }
  return body as Query;
}
