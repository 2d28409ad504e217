// /api/v1/me: a person signed in through SSO (member or admin) and their own account: profile, teams, and their own
// API keys (each bound to one of their teams) when the organization allows members to create them. Authenticated by
// the session cookie only, with the same Origin and CSRF checks as the rest of the console.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { SsoUserPrincipal } from '../../domain/admin-principal.js';
import type { AdminServices } from '../../domain/admin-services.js';
import { problem } from './admin-api-error.js';
import { ApiKeySchema, CreatedApiKeySchema, KEY_FIELDS } from './api-keys-routes.js';
import { IdParams, NullableString } from './admin-schemas.js';
import { SESSION_SECURITY } from './console-schemas.js';
import { consoleSessionPrincipal } from './admin-auth.js';
import { sessionTokenOf } from './session-cookie.js';

const TAGS = ['me'];

const ProfileSchema = Type.Object({
  user: Type.Object({
    id: Type.String(),
    userName: Type.String(),
    displayName: NullableString,
    email: Type.String({ description: 'Primary email, else the first, else the userName' }),
    active: Type.Boolean(),
  }),
  role: Type.Union([Type.Literal('admin'), Type.Literal('member')]),
  teams: Type.Array(Type.Object({ value: Type.String(), display: Type.String() })),
  memberApiKeys: Type.Boolean({ description: 'Whether you may create your own API keys' }),
});

const meOf = new WeakMap<FastifyRequest, SsoUserPrincipal>();

function principalOf(request: FastifyRequest): SsoUserPrincipal {
  const me = meOf.get(request);
  if (me === undefined) throw new Error('/me route reached without authentication');
  return me;
}

export async function registerMeRoutes(
  parent: FastifyInstance,
  services: AdminServices,
  publicUrl: string,
): Promise<void> {
  await parent.register(
    // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request) => {
        const token = sessionTokenOf(request);
        if (token === undefined)
          throw problem('unauthorized', 'Sign in through your identity provider first');
        const principal = await consoleSessionPrincipal(services, request, token, publicUrl);
        if (principal.kind !== 'sso_user') {
          throw problem('forbidden', 'Only a person signed in through SSO has an own account here');
        }
        meOf.set(request, principal);
      });
      const app = scope.withTypeProvider<TypeBoxTypeProvider>();
      const { me } = services;

      app.get(
        '/me',
        {
          schema: {
            summary: 'Your profile, role and teams',
            tags: TAGS,
            security: SESSION_SECURITY,
            response: { 200: ProfileSchema },
          },
        },
        async (request) => {
          const profile = await me.profile(principalOf(request));
          return { ...profile, teams: [...profile.teams] };
        },
      );

      app.get(
        '/me/api-keys',
        {
          schema: {
            summary: 'Your API keys',
            tags: TAGS,
            security: SESSION_SECURITY,
            response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }) },
          },
        },
        async (request) => ({ items: (await me.listKeys(principalOf(request))).map((k) => ({ ...k })) }),
      );

      app.post(
        '/me/api-keys',
        {
          schema: {
            summary: 'Create an API key for yourself, bound to one of your teams',
            tags: TAGS,
            security: SESSION_SECURITY,
            body: Type.Object(
              {
                ...KEY_FIELDS,
                teamId: Type.String({ minLength: 1, maxLength: 200, description: 'One of your teams' }),
              },
              { additionalProperties: false },
            ),
            response: { 201: CreatedApiKeySchema },
          },
        },
        async (request, reply) => {
          const created = await me.createKey(principalOf(request), request.body);
          return reply.code(201).send({ ...created.apiKey, key: created.key });
        },
      );

      app.delete(
        '/me/api-keys/:id',
        {
          schema: {
            summary: 'Revoke one of your API keys',
            tags: TAGS,
            security: SESSION_SECURITY,
            params: IdParams,
            response: { 200: ApiKeySchema },
          },
        },
        async (request) => ({ ...(await me.revokeKey(principalOf(request), request.params.id)) }),
      );
    },
  );
}
