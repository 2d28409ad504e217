// RFC 6750 bearer authentication for every SCIM route. The principal becomes the request's ScimContext, a field
// of that one request object: never module or app state, so two organizations' requests never share anything.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ScimContext } from '../../domain/scim-service.js';
import { unauthorized } from '../../scim/errors.js';
import type { AppDeps } from '../app-deps.js';
import { bearerTokenOf } from '../bearer-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the SCIM bearer hook; null outside /scim/v2 or before authentication. */
    scimContext: ScimContext | null;
  }
}

export function registerBearerAuth(app: FastifyInstance, deps: AppDeps, baseUrl: string): void {
  app.decorateRequest('scimContext', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header === undefined || header.trim() === '') {
      throw unauthorized('Authentication required: send Authorization: Bearer <SCIM token>');
    }
    const token = bearerTokenOf(header);
    if (token === undefined) {
      throw unauthorized('The Authorization header must use the Bearer scheme (RFC 6750)');
    }
    const principal = await deps.authenticateScimToken(token);
    if (principal === undefined) {
      throw unauthorized('The bearer token is unknown, revoked or expired');
    }
    request.scimContext = {
      orgId: principal.orgId,
      baseUrl,
      requestId: request.id,
      tokenId: principal.tokenId,
    };
  });
}

/** The authenticated context of a SCIM request; the hook guarantees it inside the SCIM plugin. */
export function scimContextOf(request: FastifyRequest): ScimContext {
  const ctx = request.scimContext;
  if (ctx === null) throw new Error('SCIM route reached without authentication');
  return ctx;
}
