// GET /api/v1/keys/verify: one call for apps and gateways to check an API key. Built for nginx `auth_request`,
// Traefik ForwardAuth and Envoy ext_authz (which appends the original path: /api/v1/keys/verify/<path>), so any method
// and any sub-path is answered, and the identity is also given as headers the proxy can forward upstream.
// Authenticated by the API key itself, never by admin keys: registered in the admin API outside its admin-key scope.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { VerifiedApiKey } from '../../domain/api-keys.js';
import { bearerTokenOf } from '../bearer-token.js';

export const KEY_VERIFY_PATH = '/api/v1/keys/verify';

export interface KeyVerifyDeps {
  readonly verifyApiKey: (key: string) => Promise<VerifiedApiKey | undefined>;
}

/** The presented key: `Authorization: Bearer <key>`, or `X-Api-Key: <key>` as many SDKs send it. */
function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) return bearerTokenOf(authorization);
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey !== '' ? apiKey.trim() : undefined;
}

const teamRef = {
  type: 'object',
  required: ['id', 'displayName'],
  properties: { id: { type: 'string' }, displayName: { type: 'string' } },
  additionalProperties: false,
} as const;

/** Serialised by Fastify's compiled serializer (also what the OpenAPI document shows). */
export const VERIFY_RESPONSE_SCHEMA = {
  type: 'object',
  required: ['valid', 'key', 'org', 'user', 'teams'],
  properties: {
    valid: { type: 'boolean', const: true },
    key: {
      type: 'object',
      required: ['id', 'name', 'ownerType', 'expiresAt'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        ownerType: { type: 'string', enum: ['user', 'team'] },
        expiresAt: { type: ['string', 'null'], format: 'date-time' },
      },
      additionalProperties: false,
    },
    org: {
      type: 'object',
      required: ['id', 'slug'],
      properties: { id: { type: 'string' }, slug: { type: 'string' } },
      additionalProperties: false,
    },
    user: {
      anyOf: [
        {
          type: 'object',
          required: ['id', 'userName', 'displayName'],
          properties: {
            id: { type: 'string' },
            userName: { type: 'string' },
            displayName: { type: ['string', 'null'] },
          },
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    },
    teams: { type: 'array', items: teamRef },
  },
  additionalProperties: false,
} as const;

interface Rendered {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The answer for a verified key, rendered once per verdict: the domain's cache hands back the same verdict object for
 * a key in steady use, so its body and headers are built on its first verification only.
 */
const renderedVerdicts = new WeakMap<VerifiedApiKey, Rendered>();

function renderedOf(verified: VerifiedApiKey): Rendered {
  let rendered = renderedVerdicts.get(verified);
  if (rendered === undefined) {
    const body = {
      valid: true,
      key: {
        id: verified.keyId,
        name: verified.keyName,
        ownerType: verified.ownerType,
        expiresAt: verified.expiresAt,
      },
      org: verified.org,
      user: verified.user,
      teams: verified.teams,
    };
    rendered = {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        // Never cached by a proxy: the next call after a deprovisioning must be refused.
        'cache-control': 'no-store',
        'x-muster-org-id': verified.org.id,
        ...(verified.user === null ? {} : { 'x-muster-user-id': verified.user.id }),
        'x-muster-team-ids': verified.teams.map((t) => t.id).join(','),
      },
      body: JSON.stringify(body),
    };
    renderedVerdicts.set(verified, rendered);
  }
  return rendered;
}

function unauthorized(reply: FastifyReply, detail: string): FastifyReply {
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer realm="muster", error="invalid_token"')
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({ type: 'about:blank', title: 'Unauthorized', status: 401, detail });
}

export function createKeyVerifyRoutes(deps: KeyVerifyDeps): FastifyPluginAsync {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app: FastifyInstance) => {
    // Proxies may forward the original request's body and media type with any method: verification ignores the body
    // whatever its type (and never answers 400 or 415 for it). The limit still bounds what is read.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => {
      done(null, undefined);
    });
    const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      const key = presentedKey(request);
      if (key === undefined) {
        return unauthorized(reply, 'Send the API key as Authorization: Bearer <key> (or X-Api-Key: <key>)');
      }
      const verified = await deps.verifyApiKey(key);
      if (verified === undefined) {
        return unauthorized(reply, 'The API key is unknown, revoked, blocked or expired');
      }
      const rendered = renderedOf(verified);
      return reply.headers(rendered.headers).send(rendered.body);
    };
    const schema = {
      summary: 'Verify an API key',
      description:
        'Checks the API key sent as `Authorization: Bearer mk_…` (or `X-Api-Key`). 200 with the key, its user, teams ' +
        'and organization (also as X-Muster-* headers for nginx auth_request, Traefik ForwardAuth and Envoy ' +
        'ext_authz), or 401; 503 when the database cannot be reached (the key was not checked: "cannot check", not ' +
        '"denied"). Any method and any sub-path is accepted, so proxies can forward the original request line.',
      tags: ['API keys'],
      security: [{ apiKey: [] }, { apiKeyHeader: [] }],
      // The 401 problem (application/problem+json) is documented with every operation's 4XX (openapi.ts).
      response: { 200: VERIFY_RESPONSE_SCHEMA },
    };
    app.get('/keys/verify', { schema }, handler);
    app.route({
      method: ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/keys/verify',
      schema: { ...schema, hide: true },
      handler,
    });
    app.all('/keys/verify/*', { schema: { ...schema, hide: true } }, handler);
  };
}
