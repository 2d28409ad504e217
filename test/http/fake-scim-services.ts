// A small Map-backed ScimServices for HTTP-layer tests: enough behaviour (ids, versions, ETags, If-Match, filters,
// paging, cursors, notFound, uniqueness) to check status codes, headers and bodies. Every call is recorded so tests
// can assert what the routes passed (context, list params, projection, options). Not a model of the real domain.
import type {
  ListResult,
  PatchResult,
  Projection,
  ResourceResult,
  ResourceService,
  ScimContext,
  ScimServices,
  WriteOptions,
} from '../../src/domain/scim-service.js';
import type { ListQuery } from '../../src/domain/ports.js';
import {
  invalidFilter,
  invalidValue,
  notFound,
  preconditionFailed,
  uniqueness,
} from '../../src/scim/errors.js';
import { evaluateFilter } from '../../src/scim/filter/evaluate-filter.js';
import type { FilterNode } from '../../src/scim/filter/filter-node.js';
import { etagMatches, formatEtag } from '../../src/scim/resource/etag.js';
import { projectResource } from '../../src/scim/resource/project-resource.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../src/scim/schema/resource-types.js';
import { resolveAttribute } from '../../src/scim/schema/resolve-attribute.js';
import type { ResourceTypeDef } from '../../src/scim/schema/schema-types.js';
import { isJsonObject, type JsonObject } from '../../src/shared/json.js';

export interface RecordedCall {
  readonly method: 'create' | 'get' | 'replace' | 'patch' | 'delete' | 'list';
  readonly ctx: ScimContext;
  readonly id?: string;
  readonly query?: ListQuery;
  readonly projection?: Projection;
  readonly options?: WriteOptions & { readonly wantResource?: boolean };
}

interface Stored {
  readonly orgId: string;
  readonly data: JsonObject;
  readonly version: number;
}

export interface FakeResourceService extends ResourceService {
  readonly calls: RecordedCall[];
  /** Makes the next call of any method throw this error (a non-ScimError → 500 tests). */
  failNextWith(error: unknown): void;
}

export interface FakeScimServices extends ScimServices {
  readonly users: FakeResourceService;
  readonly groups: FakeResourceService;
}

export function createFakeScimServices(): FakeScimServices {
  let nextId = 1;
  const newId = (): string => `id-${String(nextId++).padStart(4, '0')}`;
  return {
    users: createFakeService(USER_RESOURCE_TYPE, 'userName', newId),
    groups: createFakeService(GROUP_RESOURCE_TYPE, 'displayName', newId),
  };
}

function createFakeService(
  type: ResourceTypeDef,
  uniqueKey: string,
  newId: () => string,
): FakeResourceService {
  const rows = new Map<string, Stored>();
  const calls: RecordedCall[] = [];
  let failure: { error: unknown } | undefined;
  const endpoint = type.endpoint;

  const check = (): void => {
    if (failure === undefined) return;
    const { error } = failure;
    failure = undefined;
    throw error;
  };

  const toResource = (ctx: ScimContext, id: string, row: Stored, projection: Projection): ResourceResult => {
    const location = `${ctx.baseUrl}${endpoint}/${id}`;
    const etag = formatEtag(row.version);
    const full: JsonObject = {
      schemas: [type.schema.id],
      id,
      ...row.data,
      meta: { resourceType: type.name, location, version: etag },
    };
    return { resource: projectResource(full, type, projection), etag, location };
  };

  const load = (ctx: ScimContext, id: string): Stored => {
    const row = rows.get(id);
    if (row === undefined || row.orgId !== ctx.orgId) throw notFound(`${type.name} ${id} not found`);
    return row;
  };

  const validate = (ctx: ScimContext, body: unknown, exceptId?: string): JsonObject => {
    if (!isJsonObject(body)) throw invalidValue('body must be an object');
    const { id: _id, meta: _meta, schemas: _schemas, ...data } = body;
    const key = data[uniqueKey];
    if (typeof key !== 'string' || key === '') throw invalidValue(`${uniqueKey} is required`);
    for (const [id, row] of rows) {
      if (id !== exceptId && row.orgId === ctx.orgId && row.data[uniqueKey] === key) {
        throw uniqueness(`${uniqueKey} ${key} is taken`);
      }
    }
    return data;
  };

  const precondition = (options: WriteOptions, row: Stored): void => {
    if (options.ifMatch !== undefined && !etagMatches(options.ifMatch, formatEtag(row.version))) {
      throw preconditionFailed('version mismatch');
    }
  };

  return {
    calls,
    failNextWith(error) {
      failure = { error };
    },
    create(ctx, body, projection) {
      calls.push({ method: 'create', ctx, projection });
      check();
      const data = validate(ctx, body);
      const id = newId();
      const row = { orgId: ctx.orgId, data, version: 1 };
      rows.set(id, row);
      return Promise.resolve(toResource(ctx, id, row, projection));
    },
    get(ctx, id, projection) {
      calls.push({ method: 'get', ctx, id, projection });
      check();
      return Promise.resolve(toResource(ctx, id, load(ctx, id), projection));
    },
    replace(ctx, id, body, projection, options) {
      calls.push({ method: 'replace', ctx, id, projection, options });
      check();
      const existing = load(ctx, id);
      precondition(options, existing);
      const row = { orgId: ctx.orgId, data: validate(ctx, body, id), version: existing.version + 1 };
      rows.set(id, row);
      return Promise.resolve(toResource(ctx, id, row, projection));
    },
    patch(ctx, id, body, projection, options): Promise<PatchResult> {
      calls.push({ method: 'patch', ctx, id, projection, options });
      check();
      const existing = load(ctx, id);
      precondition(options, existing);
      const ops = isJsonObject(body) ? body['Operations'] : undefined;
      if (!Array.isArray(ops) || ops.length === 0) throw invalidValue('Operations required');
      // Only what the HTTP tests need: replace of top-level attributes, with a path or a value object.
      let data: JsonObject = { ...existing.data };
      for (const op of ops) {
        if (!isJsonObject(op)) throw invalidValue('operation must be an object');
        const path = op['path'];
        const value = op['value'] ?? null;
        if (typeof path === 'string') data = { ...data, [path]: value };
        else if (isJsonObject(value)) data = { ...data, ...value };
      }
      const row = { orgId: ctx.orgId, data, version: existing.version + 1 };
      rows.set(id, row);
      const result = toResource(ctx, id, row, projection);
      if (!options.wantResource) return Promise.resolve({ etag: result.etag, location: result.location });
      return Promise.resolve(result);
    },
    delete(ctx, id, options) {
      calls.push({ method: 'delete', ctx, id, options });
      check();
      precondition(options, load(ctx, id));
      rows.delete(id);
      return Promise.resolve();
    },
    list(ctx, query, projection): Promise<ListResult> {
      calls.push({ method: 'list', ctx, query, projection });
      check();
      if (query.filter !== undefined) assertKnownPaths(type, query.filter);
      const { filter } = query;
      const matches = [...rows]
        .filter(([, row]) => row.orgId === ctx.orgId)
        .map(([id, row]) => toResource(ctx, id, row, { attributes: [], excludedAttributes: [] }).resource)
        .filter(
          (resource) => filter === undefined || evaluateFilter(filter, resource, type, { kind: 'resource' }),
        );
      // Cursor paging with offsets as cursors: enough to check the HTTP plumbing of RFC 9865.
      const offset =
        query.cursor === undefined || query.cursor === '' ? query.startIndex - 1 : Number(query.cursor);
      const page = matches.slice(offset, offset + query.count);
      const end = offset + page.length;
      return Promise.resolve({
        totalResults: matches.length,
        resources: page.map((resource) => projectResource(resource, type, projection)),
        ...(query.cursor !== undefined && end < matches.length ? { nextCursor: String(end) } : {}),
      });
    },
  };
}

/** Like the SQL compiler: a filter naming an attribute the type does not define → invalidFilter. */
function assertKnownPaths(type: ResourceTypeDef, node: FilterNode): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      assertKnownPaths(type, node.left);
      assertKnownPaths(type, node.right);
      return;
    case 'not':
      assertKnownPaths(type, node.filter);
      return;
    case 'present':
    case 'compare':
    case 'valuePath':
      if (resolveAttribute(type, node.path) === undefined) {
        throw invalidFilter(`unknown attribute ${node.path.name}`);
      }
      return;
  }
}
