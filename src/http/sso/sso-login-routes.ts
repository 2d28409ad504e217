// /sso/{org}/…: the browser side of SSO sign-in. /login sends the person to the IdP; the IdP sends them back to
// /oidc/callback (GET with code and state) or /saml/acs (POST with SAMLResponse); /saml/metadata describes this SP.
// Success sets the console's session cookie and redirects into the console; any failure redirects to the console's
// sign-in page with a reason code (`/login?sso_error=…`), while the details go to the log with the request id.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fastifyCookie } from '@fastify/cookie';
import { OidcLoginError } from '../../auth/oidc/oidc-login-error.js';
import { SamlError } from '../../auth/saml/saml-error.js';
import { SsoFlowError } from '../../auth/sso-flow-error.js';
import { safeNext, type FinishedSignIn, type SsoFlow } from '../../auth/sso-flow.js';
import { isScimError } from '../../scim/errors.js';
import { setSessionCookie } from '../admin-api/session-cookie.js';

/** Binds an OIDC sign-in to the browser that started it; read back only by the callback. */
const BINDING_COOKIE = 'muster_sso';
const BINDING_MAX_AGE_SECONDS = 600;
const MAX_SAML_FORM_BYTES = 512 * 1024;

interface OrgParams {
  readonly org: string;
}

export interface SsoLoginRoutesOptions {
  readonly flow: SsoFlow;
  readonly publicUrl: string;
  /** Session lifetime, for the cookie's Max-Age. */
  readonly sessionMaxAgeSeconds: number;
}

/** The reason code the sign-in page shows a message for; undefined: a failure of this server (logged as an error). */
function reasonOf(error: unknown): string | undefined {
  if (error instanceof SsoFlowError) return error.reason;
  if (error instanceof OidcLoginError) return error.reason === 'idp_error' ? 'idp_error' : 'invalid_response';
  if (error instanceof SamlError) return 'invalid_response';
  // Settings stored for this connection that no longer pass the checks: the admin must fix them.
  if (isScimError(error) && error.status === 400) return 'not_configured';
  // A user created at sign-in whose userName another request took first.
  if (isScimError(error) && error.status === 409) return 'unlinked_user_exists';
  return undefined;
}

function loginPage(reason: string, org: string): string {
  return `/login?${new URLSearchParams({ sso_error: reason, org }).toString()}`;
}

function cookieOptions(publicUrl: string, org: string) {
  return {
    httpOnly: true,
    // Lax, not Strict: the IdP's redirect back is a cross-site top-level GET, which must carry it.
    sameSite: 'lax' as const,
    path: `/sso/${org}/`,
    secure: publicUrl.startsWith('https:'),
  };
}

export async function registerSsoLoginRoutes(
  app: FastifyInstance,
  options: SsoLoginRoutesOptions,
): Promise<void> {
  const { flow, publicUrl } = options;
  const secure = publicUrl.startsWith('https:');

  // Every failure goes back to the sign-in page with a reason code only; what happened is in the log, never on the page.
  function fail(request: FastifyRequest, reply: FastifyReply, org: string, error: unknown): FastifyReply {
    const reason = reasonOf(error);
    if (reason === undefined) request.log.error({ err: error, org }, 'SSO sign-in failed on this server');
    else request.log.warn({ err: error, org, reason }, 'SSO sign-in failed');
    return reply.redirect(loginPage(reason ?? 'server_error', org), 303);
  }

  function finish(
    reply: FastifyReply,
    org: string,
    result: FinishedSignIn,
    request: FastifyRequest,
  ): FastifyReply {
    if (result.kind === 'refused') {
      request.log.warn({ org, reason: result.reason, detail: result.message }, 'SSO sign-in refused');
      return reply.redirect(loginPage(result.reason, org), 303);
    }
    request.log.info({ org, userId: result.user.id, role: result.role }, 'SSO sign-in');
    setSessionCookie(reply, result.session.token, options.sessionMaxAgeSeconds, { secure });
    return reply.header('cache-control', 'no-store').redirect(safeNext(result.next), 303);
  }

  app.get<{ Params: OrgParams; Querystring: { next?: string; via?: string } }>(
    '/sso/:org/login',
    async (request, reply) => {
      const { org } = request.params;
      const via = request.query.via;
      try {
        const started = await flow.start({
          orgSlug: org,
          ...(via === 'oidc' || via === 'saml' ? { kind: via } : {}),
          next: safeNext(request.query.next),
        });
        if (started.browserBinding !== null) {
          void reply.header(
            'set-cookie',
            fastifyCookie.serialize(BINDING_COOKIE, started.browserBinding, {
              ...cookieOptions(publicUrl, org),
              maxAge: BINDING_MAX_AGE_SECONDS,
            }),
          );
        }
        return await reply.header('cache-control', 'no-store').redirect(started.redirectUrl, 302);
      } catch (error) {
        return fail(request, reply, org, error);
      }
    },
  );

  app.get<{ Params: OrgParams }>('/sso/:org/oidc/callback', async (request, reply) => {
    const { org } = request.params;
    const cookies = fastifyCookie.parse(request.headers.cookie ?? '');
    // The binding is single-use like the state it protects.
    void reply.header(
      'set-cookie',
      fastifyCookie.serialize(BINDING_COOKIE, '', { ...cookieOptions(publicUrl, org), maxAge: 0 }),
    );
    try {
      const result = await flow.finishOidc({
        orgSlug: org,
        callbackUrl: new URL(request.url, publicUrl),
        browserBinding: cookies[BINDING_COOKIE],
      });
      return await finish(reply, org, result, request);
    } catch (error) {
      return fail(request, reply, org, error);
    }
  });

  // SAML HTTP-POST binding (SAML Bindings §3.5): an HTML form post, parsed here only.
  await app.register(
    // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
    async (scope) => {
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: MAX_SAML_FORM_BYTES },
        (_request, body, done) => {
          done(null, Object.fromEntries(new URLSearchParams(String(body))));
        },
      );
      scope.post<{ Params: OrgParams; Body: Record<string, string> | undefined }>(
        '/sso/:org/saml/acs',
        async (request, reply) => {
          const { org } = request.params;
          const samlResponse = request.body?.['SAMLResponse'];
          try {
            if (typeof samlResponse !== 'string' || samlResponse === '') {
              throw new SsoFlowError('invalid_response', 'The IdP posted no SAMLResponse');
            }
            return await finish(reply, org, await flow.finishSaml({ orgSlug: org, samlResponse }), request);
          } catch (error) {
            return fail(request, reply, org, error);
          }
        },
      );
    },
  );

  app.get<{ Params: OrgParams }>('/sso/:org/saml/metadata', async (request, reply) => {
    try {
      const xml = await flow.spMetadata(request.params.org);
      return await reply.type('application/samlmetadata+xml').send(xml);
    } catch (error) {
      if (error instanceof SsoFlowError) return reply.code(404).type('text/plain').send(error.message);
      throw error;
    }
  });
}
