// /provisioning-log: what the organization's identity providers sent to /scim/v2 and what Muster answered, one entry
// per authenticated SCIM request, newest first. Bodies are redacted before they are stored (docs/architecture.md,
// "Provisioning log") and only the single-entry route returns them.
import { Type } from 'typebox';
import type { AdminServices } from '../../domain/admin-services.js';
import type { ProvisioningLogEntry, ProvisioningLogSummary } from '../../domain/ports.js';
import {
  PROVISIONING_LOG_METHODS,
  PROVISIONING_LOG_RESOURCE_TYPES,
  type ProvisioningLogListInput,
} from '../../domain/provisioning-log.js';
import { orgOf } from './admin-auth.js';
import { adminSchema, IdParams, NullableString, Timestamp, type AdminApp } from './admin-schemas.js';
import { pageOf, pageQuery } from './paging.js';

const TAGS = ['provisioning-log'];

/** A listed entry (no bodies); the dashboard's recent errors have this shape too. */
export const ProvisioningLogItemSchema = Type.Object({
  id: Type.String(),
  at: { ...Timestamp, description: 'When the request was received' },
  method: Type.String(),
  path: Type.String({
    description: 'Path and query string as received; credentials in the query are replaced',
  }),
  status: Type.Integer(),
  durationMs: Type.Integer({ minimum: 0 }),
  scimType: Type.Union([Type.String(), Type.Null()], { description: 'RFC 7644 §3.12 scimType of an error' }),
  resourceType: Type.Union([Type.String(), Type.Null()], { description: '"User" or "Group"' }),
  resourceId: Type.Union([Type.String(), Type.Null()], {
    description: 'From the path, or the id of the resource a POST created',
  }),
  tokenId: Type.Union([Type.String(), Type.Null()], { description: 'The SCIM token of the request' }),
  requestId: Type.String({ description: 'The x-request-id of the response' }),
});

const BODY_DESCRIPTION =
  'Redacted JSON text (passwords and secrets replaced by "[redacted]"); cut at 64 KiB, it ends with "…[truncated: N bytes]" and no longer parses; null when there was none';

const EntryDetailSchema = Type.Object({
  ...ProvisioningLogItemSchema.properties,
  requestBody: { ...NullableString, description: BODY_DESCRIPTION },
  responseBody: { ...NullableString, description: BODY_DESCRIPTION },
});

const Filter = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description }));

const ListQuery = pageQuery({
  status: Type.Optional(
    Type.String({
      pattern: '^([1-5]([0-9]{2}|[xX]{2})|error)$',
      description: 'One status (404), a class (4xx), or error: every status from 400',
    }),
  ),
  method: Type.Optional(Type.Union(PROVISIONING_LOG_METHODS.map((m) => Type.Literal(m)))),
  pathPrefix: Filter('Paths starting with this text, e.g. /scim/v2/Groups'),
  resourceType: Type.Optional(Type.Union(PROVISIONING_LOG_RESOURCE_TYPES.map((t) => Type.Literal(t)))),
  resourceId: Filter('A User or Group id: the requests that named it or created it'),
  tokenId: Filter('Requests made with this SCIM token'),
  since: Type.Optional(Type.String({ format: 'date-time', description: 'Received at or after (ISO-8601)' })),
  until: Type.Optional(Type.String({ format: 'date-time', description: 'Received before (ISO-8601)' })),
});

export const toProvisioningLogItem = (e: ProvisioningLogSummary) => ({
  id: e.id,
  at: e.at,
  method: e.method,
  path: e.path,
  status: e.status,
  durationMs: e.durationMs,
  scimType: e.scimType,
  resourceType: e.resourceType,
  resourceId: e.resourceId,
  tokenId: e.tokenId,
  requestId: e.requestId,
});

const toEntryDetail = (e: ProvisioningLogEntry) => ({
  ...toProvisioningLogItem(e),
  requestBody: e.requestBody,
  responseBody: e.responseBody,
});

export function registerProvisioningLogRoutes(app: AdminApp, services: AdminServices): void {
  const { provisioningLog } = services;

  app.get(
    '/provisioning-log',
    {
      schema: adminSchema({
        summary: 'List the SCIM requests of the organization, newest first (without bodies)',
        tags: TAGS,
        querystring: ListQuery,
        response: { 200: pageOf(ProvisioningLogItemSchema) },
      }),
    },
    async (request) => {
      // Every filter has the same name in the query string and in the use case, which checks them all.
      const input: ProvisioningLogListInput = request.query;
      const page = await provisioningLog.list(orgOf(request).id, input);
      return { items: page.items.map(toProvisioningLogItem), nextCursor: page.nextCursor ?? null };
    },
  );

  app.get(
    '/provisioning-log/:id',
    {
      schema: adminSchema({
        summary: 'One SCIM request with its (redacted) request and response bodies',
        tags: TAGS,
        params: IdParams,
        response: { 200: EntryDetailSchema },
      }),
    },
    async (request) => toEntryDetail(await provisioningLog.get(orgOf(request).id, request.params.id)),
  );
}
