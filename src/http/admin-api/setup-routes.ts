// GET /api/v1/setup and POST /api/v1/setup: creating an admin account with a one-time setup link (the first admin's,
// printed at start-up while none exists, or one `muster admin create` made for an email). Public: the setup token in
// the body is the credential. A successful setup signs the new admin in (session cookie, as POST /session).
import type { AdminAccounts } from '../../domain/admin-account-services.js';
import { problem } from './admin-api-error.js';
import type { AdminApp } from './admin-schemas.js';
import { SessionSchema, SetupBody, SetupStatusSchema } from './console-schemas.js';
import { requireSameOrigin, setSessionCookie } from './session-cookie.js';

const TAGS = ['console sign-in'];

export function registerSetupRoutes(app: AdminApp, accounts: AdminAccounts, publicUrl: string): void {
  const cookie = { secure: publicUrl.startsWith('https:') };

  app.get(
    '/setup',
    {
      schema: {
        summary: 'Whether the first admin account still has to be created',
        tags: TAGS,
        security: [],
        response: { 200: SetupStatusSchema },
      },
    },
    async () => ({ setupRequired: await accounts.isSetupRequired() }),
  );

  app.post(
    '/setup',
    {
      schema: {
        summary: 'Create an admin account with a setup link and sign in',
        description:
          'The token is the one of the setup URL (`/setup#token=…`): the first-admin token printed at start-up while ' +
          'no admin exists, or one `muster admin create --email` made for that email. 24 h, once. Sets the session ' +
          'cookie like POST /session.',
        tags: TAGS,
        security: [],
        body: SetupBody,
        response: { 201: SessionSchema },
      },
    },
    async (request, reply) => {
      requireSameOrigin(request, publicUrl);
      const result = await accounts.completeSetup(request.body);
      switch (result.kind) {
        case 'invalid_token':
          throw problem('unauthorized', 'The setup link is unknown, used or expired');
        case 'setup_done':
          throw problem(
            'setup_done',
            'An admin account exists already: sign in, or have an admin create yours (muster admin create)',
          );
        case 'wrong_email':
          throw problem('forbidden', 'This setup link was made for another email address');
        case 'created': {
          const { token, ...session } = result.session;
          setSessionCookie(reply, token, accounts.policy.absoluteMs / 1000, cookie);
          return reply.code(201).header('cache-control', 'no-store').send(session);
        }
      }
    },
  );
}
