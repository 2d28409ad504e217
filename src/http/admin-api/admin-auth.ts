// Authentication of the admin API: an admin key (`Authorization: Bearer mak_…`, RFC 6750) or, without an
// Authorization header, the console's session cookie; then the organization the request acts on. Both become the
// request's adminContext, a field of that one request object: two callers never share anything. A cookie-authenticated
// request that may change something must also come from this server's origin and carry the session's CSRF token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AdminPrincipal, ConsolePrincipal } from '../../domain/admin-principal.js';
import { isCsrfTokenOf } from '../../domain/admin-sessions.js';
import type { AdminServices } from '../../domain/admin-services.js';
import { DEFAULT_ORG_SLUG } from '../../domain/organizations.js';
import type { Organization } from '../../domain/ports.js';
import { problem } from './admin-api-error.js';
import { ORG_HEADER } from './admin-schemas.js';
import { bearerTokenOf } from '../bearer-token.js';
import { isSafeMethod, requireCsrfToken, requireSameOrigin, sessionTokenOf } from './session-cookie.js';

export interface AdminRequestContext {
  readonly principal: AdminPrincipal;
  /** The organization this request acts on (see resolveOrganization). */
  readonly organization: Organization;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admin API's auth hook; null outside /api/v1 or before authentication. */
    adminContext: AdminRequestContext | null;
  }
}

/**
 * An organization key acts on its own organization, and naming another one is forbidden (403). An instance-wide key
 * acts on the organization the header names (slug or id), `default` without the header; an unknown one is 404.
 */
async function resolveOrganization(
  services: AdminServices,
  principal: AdminPrincipal,
  header: string | undefined,
): Promise<Organization> {
  if (principal.orgId !== null) {
    const own = await services.organizations.find(principal.orgId);
    const what =
      principal.kind === 'admin_key'
        ? 'admin key'
        : principal.kind === 'admin_user'
          ? 'admin account'
          : 'session';
    // The organization is gone (its keys and admins go with it); answered like any dead credential.
    if (own === undefined) throw problem('unauthorized', `The ${what} is unknown, revoked or expired`);
    if (header !== undefined && header !== own.slug && header !== own.id) {
      throw problem(
        'forbidden',
        `This ${what} belongs to organization "${own.slug}" and cannot act on ${JSON.stringify(header)}`,
      );
    }
    return own;
  }
  const ref = header ?? DEFAULT_ORG_SLUG;
  const found = await services.organizations.find(ref);
  if (found === undefined) throw problem('not_found', `Organization ${JSON.stringify(ref)} does not exist`);
  return found;
}

function orgHeaderOf(request: FastifyRequest): string | undefined {
  const value = request.headers[ORG_HEADER];
  if (Array.isArray(value)) throw problem('bad_request', `Send the ${ORG_HEADER} header once`);
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

async function keyPrincipal(services: AdminServices, header: string): Promise<AdminPrincipal> {
  const key = bearerTokenOf(header);
  if (key === undefined) {
    throw problem('unauthorized', 'The Authorization header must use the Bearer scheme (RFC 6750)');
  }
  const principal = await services.authenticate(key);
  if (principal === undefined) throw problem('unauthorized', 'The admin key is unknown, revoked or expired');
  return principal;
}

/**
 * Whoever the console session cookie's `token` names, for the admin API and /me alike: 401 when the session cannot be
 * used; a request that may change something must also come from this origin and carry the session's CSRF token.
 */
export async function consoleSessionPrincipal(
  services: AdminServices,
  request: FastifyRequest,
  token: string,
  publicUrl: string,
): Promise<ConsolePrincipal> {
  const session = await services.accounts.authenticateSession(token);
  if (session === undefined) {
    throw problem('unauthorized', 'The session has expired or was signed out: sign in again');
  }
  if (!isSafeMethod(request)) {
    requireSameOrigin(request, publicUrl);
    requireCsrfToken(request, (presented) => isCsrfTokenOf(token, presented));
  }
  return session.principal;
}

async function sessionPrincipal(
  services: AdminServices,
  request: FastifyRequest,
  token: string,
  publicUrl: string,
): Promise<AdminPrincipal> {
  const principal = await consoleSessionPrincipal(services, request, token, publicUrl);
  if (principal.kind === 'sso_user' && principal.role !== 'admin') {
    throw problem(
      'forbidden',
      'Signed in as a member: only your own account is available (GET /api/v1/me); ask an admin for more access',
    );
  }
  return principal;
}

/**
 * Authenticates every route of `app` (and its children). Register public routes outside it. An Authorization header
 * always wins (scripts send no CSRF token); the session cookie counts only without one.
 */
export function registerAdminAuth(app: FastifyInstance, services: AdminServices, publicUrl: string): void {
  app.decorateRequest('adminContext', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    let principal: AdminPrincipal;
    if (header !== undefined && header.trim() !== '') {
      principal = await keyPrincipal(services, header);
    } else {
      const token = sessionTokenOf(request);
      if (token === undefined) {
        throw problem(
          'unauthorized',
          'Authentication required: send Authorization: Bearer <admin key>, or sign in to the console (POST /api/v1/session)',
        );
      }
      principal = await sessionPrincipal(services, request, token, publicUrl);
    }
    const organization = await resolveOrganization(services, principal, orgHeaderOf(request));
    request.adminContext = { principal, organization };
  });
}

function contextOf(request: FastifyRequest): AdminRequestContext {
  const ctx = request.adminContext;
  if (ctx === null) throw new Error('admin API route reached without authentication');
  return ctx;
}

/** The organization the authenticated request acts on. */
export function orgOf(request: FastifyRequest): Organization {
  return contextOf(request).organization;
}

/** The admin key or the signed-in admin the request authenticated as. */
export function principalOf(request: FastifyRequest): AdminPrincipal {
  return contextOf(request).principal;
}

/** 403 unless the request's key or admin is instance-wide (manages every organization). */
export function requireInstanceKey(request: FastifyRequest, action: string): void {
  if (principalOf(request).orgId !== null) {
    throw problem('forbidden', `Only an instance-wide admin key or admin can ${action}`);
  }
}
