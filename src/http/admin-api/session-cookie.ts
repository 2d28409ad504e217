// The console's session cookie and the checks that make a cookie-authenticated request safe: the same origin
// (Origin header, OWASP CSRF cheat sheet "Verifying Origin with standard headers") and the X-CSRF-Token header
// (synchronizer token, derived from the session). Cookies are parsed and written with @fastify/cookie's functions;
// the plugin itself is not registered, so nothing else of the app depends on it.
import { fastifyCookie } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './admin-api-error.js';

export const SESSION_COOKIE = 'muster_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change nothing (RFC 9110 §9.2.1): the only ones a cookie alone may authenticate. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(request: FastifyRequest): boolean {
  return SAFE_METHODS.has(request.method);
}

/** The session token the request carries, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined || header === '') return undefined;
  const value = fastifyCookie.parse(header)[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

export interface SessionCookieOptions {
  /** Secure when the console is served over https (PUBLIC_URL). */
  readonly secure: boolean;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
  options: SessionCookieOptions,
): void {
  void reply.header(
    'set-cookie',
    fastifyCookie.serialize(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: options.secure,
      maxAge: maxAgeSeconds,
    }),
  );
}

export function clearSessionCookie(reply: FastifyReply, options: SessionCookieOptions): void {
  void reply.header(
    'set-cookie',
    fastifyCookie.serialize(SESSION_COOKIE, '', {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: options.secure,
      maxAge: 0,
      expires: new Date(0),
    }),
  );
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * 403 when the request says it comes from another site: an Origin header that is neither this request's own origin
 * (protocol + Host) nor PUBLIC_URL's (what a browser behind a TLS-terminating proxy sends). No Origin: not a browser's
 * cross-site request (browsers send it on every cross-origin POST, PUT, PATCH and DELETE).
 */
export function requireSameOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const allowed = [originOf(`${request.protocol}://${request.host}`), originOf(publicUrl)];
  const presented = originOf(origin);
  if (presented === undefined || !allowed.includes(presented)) {
    throw problem('forbidden', `Cross-origin request refused: Origin ${origin} is not this server's origin`);
  }
}

/** A cookie-authenticated unsafe request must repeat the session's CSRF token in X-CSRF-Token. */
export function requireCsrfToken(request: FastifyRequest, isValid: (presented: string) => boolean): void {
  const presented = request.headers[CSRF_HEADER];
  if (typeof presented !== 'string' || presented === '' || !isValid(presented)) {
    throw problem(
      'forbidden',
      'The CSRF token is missing or wrong: send the csrfToken of GET /api/v1/session as X-CSRF-Token',
    );
  }
}
