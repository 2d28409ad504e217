// One operation of a bulk request (RFC 7644 §3.7), executed through exactly the ResourceService call the
// matching single request would make, so it is its own transaction with the same rules.
import type { Projection, ScimContext, ScimServices } from '../../domain/scim-service.js';
import { invalidValue, notFound } from '../../scim/errors.js';
import type { BulkOperation } from './parse-bulk-request.js';

export interface BulkOutcome {
  readonly status: number;
  readonly location?: string;
  readonly version?: string;
  /** POST only: the server id that `bulkId:<bulkId>` stands for from now on. */
  readonly createdId?: string;
}

const DEFAULT_PROJECTION: Projection = { attributes: [], excludedAttributes: [] };

const ENDPOINTS = { users: 'Users', groups: 'Groups' } as const;
type ServiceKey = keyof typeof ENDPOINTS;

interface Target {
  readonly key: ServiceKey;
  readonly id?: string;
}

/** `/Users`, `/Groups/<id>`; the endpoint name is matched case-insensitively, an absolute base URL is tolerated. */
function parseTarget(path: string, baseUrl: string): Target {
  const relative = path.startsWith(baseUrl) ? path.slice(baseUrl.length) : path;
  const segments = relative.split('/').filter((s) => s !== '');
  const [endpoint, id, ...rest] = segments;
  const key = (Object.keys(ENDPOINTS) as ServiceKey[]).find(
    (k) => ENDPOINTS[k].toLowerCase() === endpoint?.toLowerCase(),
  );
  if (key === undefined || rest.length > 0) throw notFound(`No resource endpoint at "${path}"`);
  return id === undefined ? { key } : { key, id: decodeURIComponent(id) };
}

export async function runBulkOperation(
  ctx: ScimContext,
  services: ScimServices,
  op: BulkOperation,
): Promise<BulkOutcome> {
  const target = parseTarget(op.path, ctx.baseUrl);
  const service = services[target.key];
  const ifMatch = op.version === undefined ? {} : { ifMatch: op.version };
  if (op.method === 'POST') {
    // RFC 7644 §3.7: "If the method is POST, the value must specify a resource type endpoint".
    if (target.id !== undefined) throw invalidValue(`POST needs a resource endpoint path, not "${op.path}"`);
    if (op.data === undefined) throw invalidValue('POST needs "data"');
    const result = await service.create(ctx, op.data, DEFAULT_PROJECTION);
    const createdId = result.resource['id'];
    return {
      status: 201,
      location: result.location,
      version: result.etag,
      ...(typeof createdId === 'string' ? { createdId } : {}),
    };
  }
  const id = target.id;
  if (id === undefined) throw invalidValue(`${op.method} needs the path of one resource, not "${op.path}"`);
  switch (op.method) {
    case 'PUT': {
      if (op.data === undefined) throw invalidValue('PUT needs "data"');
      const result = await service.replace(ctx, id, op.data, DEFAULT_PROJECTION, ifMatch);
      return { status: 200, location: result.location, version: result.etag };
    }
    case 'PATCH': {
      if (op.data === undefined) throw invalidValue('PATCH needs "data"');
      const result = await service.patch(ctx, id, op.data, DEFAULT_PROJECTION, {
        ...ifMatch,
        wantResource: false,
      });
      return { status: 200, location: result.location, version: result.etag };
    }
    case 'DELETE':
      await service.delete(ctx, id, ifMatch);
      return { status: 204, location: `${ctx.baseUrl}/${ENDPOINTS[target.key]}/${encodeURIComponent(id)}` };
  }
}
