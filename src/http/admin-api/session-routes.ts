// POST, GET and DELETE /api/v1/session: signing in to the console with email and password, the current session
// (with its CSRF token), and signing out. Outside the admin-key scope: the session cookie is the credential here.
import { isCsrfTokenOf } from '../../domain/admin-sessions.js';
import type { AdminAccounts } from '../../domain/admin-account-services.js';
import { problem } from './admin-api-error.js';
import { NoContent, type AdminApp } from './admin-schemas.js';
import { LoginBody, SESSION_SECURITY, SessionSchema } from './console-schemas.js';
import { sendProblem } from './problem-error-handler.js';
import {
  clearSessionCookie,
  requireCsrfToken,
  requireSameOrigin,
  sessionTokenOf,
  setSessionCookie,
} from './session-cookie.js';

const TAGS = ['console sign-in'];

/** One answer for an unknown email and a wrong password: which addresses have accounts stays unknown. */
const LOGIN_FAILED = 'Email or password is incorrect';

export function registerSessionRoutes(app: AdminApp, accounts: AdminAccounts, publicUrl: string): void {
  const cookie = { secure: publicUrl.startsWith('https:') };

  app.post(
    '/session',
    {
      schema: {
        summary: 'Sign in to the console',
        description:
          'Sets the session cookie (muster_session: HttpOnly, SameSite=Strict). Wrong email or password: 401; too ' +
          'many failures for one email (5) or from one address (20) within 15 minutes: 429 with Retry-After.',
        tags: TAGS,
        security: [],
        body: LoginBody,
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      requireSameOrigin(request, publicUrl);
      const result = await accounts.login({ ...request.body, client: request.ip });
      switch (result.kind) {
        case 'throttled':
          void reply.header('retry-after', String(result.retryAfterSeconds));
          return sendProblem(
            request,
            reply,
            problem('too_many_requests', 'Too many failed sign-ins: wait before trying again'),
          );
        case 'invalid':
          throw problem('unauthorized', LOGIN_FAILED);
        case 'signed_in': {
          const { token, ...session } = result.session;
          setSessionCookie(reply, token, accounts.policy.absoluteMs / 1000, cookie);
          return reply.header('cache-control', 'no-store').send(session);
        }
      }
    },
  );

  app.get(
    '/session',
    {
      schema: {
        summary: 'The signed-in admin, the CSRF token and when the session ends',
        tags: TAGS,
        security: SESSION_SECURITY,
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const token = sessionTokenOf(request);
      const session = token === undefined ? undefined : await accounts.authenticateSession(token);
      if (session === undefined) throw problem('unauthorized', 'Not signed in, or the session has ended');
      const { admin, role, signedInWith, userId, csrfToken, expiresAt } = session;
      return reply
        .header('cache-control', 'no-store')
        .send({ admin, role, signedInWith, userId, csrfToken, expiresAt });
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        summary: 'Sign out',
        description: 'Revokes the session and clears the cookie. Send X-CSRF-Token.',
        tags: TAGS,
        security: SESSION_SECURITY,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const token = sessionTokenOf(request);
      const session = token === undefined ? undefined : await accounts.authenticateSession(token);
      // A session that no longer works has nothing left to revoke: only the cookie is cleared.
      if (token !== undefined && session !== undefined) {
        requireSameOrigin(request, publicUrl);
        requireCsrfToken(request, (presented) => isCsrfTokenOf(token, presented));
        await accounts.logout(session);
      }
      clearSessionCookie(reply, cookie);
      return reply.code(204).send(null);
    },
  );
}
