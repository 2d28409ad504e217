// Schemas of the console's sign-in routes (setup-routes.ts, session-routes.ts).
import { Type } from 'typebox';
import { Timestamp } from './admin-schemas.js';

export const SessionSchema = Type.Object(
  {
    admin: Type.Object(
      {
        id: Type.String(),
        email: Type.String(),
        orgId: Type.Union([Type.String(), Type.Null()], {
          description: 'The organization this admin manages; null: every organization (instance-wide)',
        }),
      },
      { additionalProperties: false },
    ),
    role: Type.Union([Type.Literal('admin'), Type.Literal('member')], {
      description:
        'admin: the whole console of the organization; member (SSO sign-in without an admin group): own profile, ' +
        'teams and API keys (GET /api/v1/me)',
    }),
    signedInWith: Type.Union([Type.Literal('password'), Type.Literal('oidc'), Type.Literal('saml')]),
    userId: Type.Union([Type.String(), Type.Null()], {
      description: 'The user an SSO sign-in linked to (also admin.id); null for an admin account',
    }),
    csrfToken: Type.String({
      description:
        'Send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE authenticated by the cookie',
    }),
    expiresAt: Timestamp,
  },
  { additionalProperties: false, description: 'Who signed in, and the session' },
);

/** Generous bounds: the password rule (12–1024 characters) is checked, with a clear message, by the domain. */
const Email = Type.String({ minLength: 1, maxLength: 320, description: 'The admin’s email address' });
const Password = Type.String({ minLength: 1, maxLength: 4096 });

export const LoginBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });

export const SetupBody = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The token of the setup URL (the part after #token=)',
    }),
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 4096, description: '12 to 1024 characters' }),
  },
  { additionalProperties: false },
);

export const SetupStatusSchema = Type.Object(
  {
    setupRequired: Type.Boolean({
      description: 'True while no admin account exists: open the setup URL printed at start-up',
    }),
  },
  { additionalProperties: false },
);

/** Documents the cookie security scheme for the sign-in routes that take the session cookie. */
export const SESSION_SECURITY = [{ session: [] }];
