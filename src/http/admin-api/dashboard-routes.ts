// /dashboard: what the admin console's first page shows, in one request: user, team and API key counts, each SCIM
// token with its last request, provisioning activity per hour or day, and the newest failed SCIM requests.
import { Type } from 'typebox';
import type { Dashboard } from '../../domain/admin-dashboard.js';
import type { AdminServices } from '../../domain/admin-services.js';
import { orgOf } from './admin-auth.js';
import { adminSchema, NullableString, Timestamp, type AdminApp } from './admin-schemas.js';
import { ProvisioningLogItemSchema, toProvisioningLogItem } from './provisioning-log-routes.js';

const TAGS = ['dashboard'];

const Count = Type.Integer({ minimum: 0 });

const RangeSchema = Type.Union([Type.Literal('24h'), Type.Literal('7d'), Type.Literal('30d')], {
  description: '24h: 24 hourly buckets; 7d, 30d: daily buckets (UTC), the current one last',
});

const DashboardSchema = Type.Object({
  users: Type.Object({ total: Count, active: Count, inactive: Count }),
  teams: Type.Object({
    total: Count,
    idpManaged: { ...Count, description: 'Teams the identity provider created through SCIM' },
  }),
  apiKeys: Type.Object(
    { active: Count, blocked: Count, revoked: Count, expired: Count },
    { description: 'Keys by the status GET /api-keys shows' },
  ),
  scimTokens: Type.Immutable(
    Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        lastUsedAt: NullableString,
        expiresAt: NullableString,
        revokedAt: NullableString,
        lastRequest: Type.Union(
          [
            Type.Object({
              at: Timestamp,
              method: Type.String(),
              path: Type.String(),
              status: Type.Integer(),
            }),
            Type.Null(),
          ],
          { description: "The token's newest provisioning log entry; null when the log has none" },
        ),
      }),
      { description: 'Every SCIM token: not revoked first, then oldest first' },
    ),
  ),
  activity: Type.Object({
    range: RangeSchema,
    bucket: Type.Union([Type.Literal('hour'), Type.Literal('day')]),
    buckets: Type.Immutable(
      Type.Array(
        Type.Object({
          start: { ...Timestamp, description: 'First instant of the UTC hour or day' },
          requests: Count,
          errors: { ...Count, description: 'Requests answered with a status of 400 or above' },
        }),
        { description: 'Every bucket of the range, oldest first; a bucket without requests has zeros' },
      ),
    ),
  }),
  recentErrors: Type.Immutable(
    Type.Array(ProvisioningLogItemSchema, {
      description: 'The 10 newest SCIM requests answered with a status of 400 or above, newest first',
    }),
  ),
});

const toDashboard = (d: Dashboard) => ({ ...d, recentErrors: d.recentErrors.map(toProvisioningLogItem) });

export function registerDashboardRoutes(app: AdminApp, services: AdminServices): void {
  app.get(
    '/dashboard',
    {
      schema: adminSchema({
        summary: "The organization's dashboard: counts, SCIM tokens, provisioning activity and recent errors",
        tags: TAGS,
        querystring: Type.Object(
          { range: Type.Optional({ ...RangeSchema, description: 'Activity range (default 24h)' }) },
          { additionalProperties: false },
        ),
        response: { 200: DashboardSchema },
      }),
    },
    async (request) =>
      toDashboard(await services.dashboard.read(orgOf(request).id, request.query.range ?? '24h')),
  );
}
