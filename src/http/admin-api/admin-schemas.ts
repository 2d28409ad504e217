// Schemas and types every admin API route file shares. Route schemas are TypeBox (JSON Schema), so Fastify validates
// requests with them, the type provider types each handler from them, and @fastify/swagger documents them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { Type } from 'typebox';

/** The Fastify instance routes are registered on: handlers are typed from their TypeBox schemas. */
export type AdminApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The header an instance-wide key picks its organization with (docs/admin-api.md). */
export const ORG_HEADER = 'x-muster-org';

export const OrgHeaders = Type.Object({
  [ORG_HEADER]: Type.Optional(
    Type.String({
      description:
        'Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization.',
    }),
  ),
});

/** `schema` plus what every authenticated route declares: the organization header. */
export function adminSchema<S extends FastifySchema>(schema: S): S & { headers: typeof OrgHeaders } {
  return { ...schema, headers: OrgHeaders };
}

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });

export const Timestamp = Type.String({ format: 'date-time', description: 'ISO-8601 UTC with milliseconds' });

export const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ManagedBySchema = Type.Union(
  [Type.Literal('scim'), Type.Literal('admin'), Type.Literal('sso')],
  {
    description:
      '"scim": created by the identity provider, whose fields change only with force=true; "admin": created through this ' +
      'API; "sso": created when someone signed in with the organization\'s IdP (OIDC or SAML)',
  },
);

export const ForceQuery = Type.Object(
  {
    force: Type.Optional(
      Type.Boolean({
        description:
          'Change or delete a resource managed by the identity provider anyway (logged; the IdP may overwrite it on its next sync)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const NoContent = Type.Null({ description: 'No content' });

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI identifying the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          in: Type.Union([
            Type.Literal('body'),
            Type.Literal('querystring'),
            Type.Literal('params'),
            Type.Literal('headers'),
          ]),
          pointer: Type.String({ description: 'JSON Pointer into that part, as a URI fragment' }),
          detail: Type.String(),
        }),
      ),
    ),
    fields: Type.Optional(Type.Array(Type.String(), { description: 'managed_by_idp: the IdP-owned fields' })),
  },
  { description: 'RFC 9457 problem details' },
);
