// Every authenticated SCIM request becomes a provisioning log entry (docs/architecture.md, "Provisioning log").
// The response body is taken as it is sent (onSend); the entry is built after the response has left (onResponse)
// and handed to the writer, which buffers it: neither redaction nor the database write adds to a request's latency.
// A request that fails authentication has no organization to file it under and is not recorded.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProvisioningLogCapture } from '../../domain/to-provisioning-log-entry.js';
import type { AppDeps } from '../app-deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The serialized SCIM response body, kept for the provisioning log; null until sent or when none. */
    provisioningLogResponse: string | null;
  }
}

const RESOURCE_TYPES: Readonly<Record<string, string>> = { Users: 'User', Groups: 'Group' };
/** `/Users`, `/Users/.search`, `/Users/:id` (and the same for Groups) at the end of a route's URL. */
const RESOURCE_ROUTE = /\/(Users|Groups)(\/\.search|\/:id)?$/;

function resourceOf(request: FastifyRequest): Pick<ProvisioningLogCapture, 'resourceType' | 'resourceId'> {
  const match = RESOURCE_ROUTE.exec(request.routeOptions.url ?? '');
  const type = match?.[1] === undefined ? undefined : RESOURCE_TYPES[match[1]];
  if (type === undefined) return {};
  const params: unknown = request.params;
  const id =
    match?.[2] === '/:id' && typeof params === 'object' && params !== null && 'id' in params
      ? params.id
      : undefined;
  return typeof id === 'string' ? { resourceType: type, resourceId: id } : { resourceType: type };
}

export function registerProvisioningLog(app: FastifyInstance, deps: AppDeps): void {
  const create = deps.createProvisioningLogWriter;
  if (create === undefined) return;
  const writer = create(app.log);
  app.addHook('onClose', () => writer.close());

  app.decorateRequest('provisioningLogResponse', null);
  app.addHook('onSend', async (request, _reply, payload) => {
    if (typeof payload === 'string') request.provisioningLogResponse = payload;
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const ctx = request.scimContext;
    if (ctx === null) return;
    const body: unknown = request.body;
    writer.record({
      orgId: ctx.orgId,
      ...(ctx.tokenId === undefined ? {} : { tokenId: ctx.tokenId }),
      requestId: request.id,
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      durationMs: reply.elapsedTime,
      ...resourceOf(request),
      requestBody: body,
      responseBody: request.provisioningLogResponse ?? undefined,
    });
  });
}
