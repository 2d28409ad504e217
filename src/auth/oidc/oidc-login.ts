// The relying-party half of Muster's OIDC sign-in: the authorization code flow (OIDC Core §3.1) with PKCE S256
// (RFC 7636), state and nonce, on top of openid-client. Every failure becomes an OidcLoginError whose message an
// admin can act on; openid-client's own errors are kept as `cause`.
import * as client from 'openid-client';

import { OidcLoginError } from './oidc-login-error.js';

export interface OidcClientSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
}

export interface OidcLoginStart {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface OidcIdentity {
  readonly issuer: string;
  readonly subject: string;
  /** ID token claims, then userinfo claims for names the ID token lacks (never overriding sub). */
  readonly claims: Readonly<Record<string, unknown>>;
  readonly accessToken: string;
}

export interface OidcLogin {
  start(
    settings: OidcClientSettings,
    options: { redirectUri: string; scopes: readonly string[] },
  ): Promise<OidcLoginStart>;
  finish(
    settings: OidcClientSettings,
    options: {
      redirectUri: string;
      callbackUrl: URL;
      expected: { state: string; nonce: string; codeVerifier: string };
    },
  ): Promise<OidcIdentity>;
  /** Forget cached discovery for an issuer (settings changed). */
  forget(issuer: string): void;
}

const DEFAULT_DISCOVERY_TTL_MS = 60 * 60 * 1000;
/** Seconds; openid-client applies it to discovery and to every later request made with the configuration. */
const REQUEST_TIMEOUT_S = 10;
/** `URL.hostname` spells IPv6 with brackets. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** The `code`s of openid-client's ClientError (oauth4webapi's values) that decide a reason. */
const CODES = {
  invalidResponse: 'OAUTH_INVALID_RESPONSE',
  jwtClaimComparison: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  jwtTimestampCheck: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  keySelection: 'OAUTH_KEY_SELECTION_FAILED',
  jsonAttributeComparison: 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
} as const;

interface CachedDiscovery {
  /** The client authentication is part of the configuration: a new secret means a new configuration. */
  readonly clientSecret: string | null;
  readonly expiresAt: number;
  readonly configuration: Promise<client.Configuration>;
}

export function createOidcLogin(options?: { discoveryTtlMs?: number; now?: () => number }): OidcLogin {
  const ttlMs = options?.discoveryTtlMs ?? DEFAULT_DISCOVERY_TTL_MS;
  const now = options?.now ?? Date.now;
  /** issuer → clientId → discovery. */
  const cache = new Map<string, Map<string, CachedDiscovery>>();

  const configurationFor = (settings: OidcClientSettings): Promise<client.Configuration> => {
    const { url, allowHttp } = parseIssuer(settings.issuer);
    const byClient = cache.get(settings.issuer) ?? new Map<string, CachedDiscovery>();
    cache.set(settings.issuer, byClient);
    const cached = byClient.get(settings.clientId);
    if (cached !== undefined && cached.expiresAt > now() && cached.clientSecret === settings.clientSecret) {
      return cached.configuration;
    }
    const configuration = discover(url, allowHttp, settings);
    const entry = { clientSecret: settings.clientSecret, expiresAt: now() + ttlMs, configuration };
    byClient.set(settings.clientId, entry);
    // A failed discovery is not cached: the next sign-in tries again.
    configuration.catch(() => {
      if (byClient.get(settings.clientId) === entry) byClient.delete(settings.clientId);
    });
    return configuration;
  };

  return {
    async start(settings, { redirectUri, scopes }) {
      const configuration = await configurationFor(settings);
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      // OIDC Core §3.1.2.1: without the openid scope the request is plain OAuth and no ID token comes back.
      const scope = scopes.includes('openid') ? scopes : ['openid', ...scopes];
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: scope.join(' '),
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async finish(settings, { redirectUri, callbackUrl, expected }) {
      const parameters = callbackUrl.searchParams;
      // Checked here, before any request (openid-client checks them again), so the two commonest failures read
      // plainly.
      if (parameters.get('state') !== expected.state) {
        throw new OidcLoginError(
          'state_mismatch',
          'The sign-in response does not belong to this sign-in attempt (its state does not match): ' +
            'start the sign-in again, in one browser tab.',
        );
      }
      const idpError = parameters.get('error');
      if (idpError !== null) throw idpRefused(idpError, parameters.get('error_description') ?? undefined);

      const configuration = await configurationFor(settings);
      // The token request must repeat the authorization request's redirect_uri (RFC 6749 §4.1.3), which the URL
      // the callback arrived at may not spell the same way behind a proxy.
      const current = new URL(redirectUri);
      current.search = callbackUrl.search;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(configuration, current, {
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          pkceCodeVerifier: expected.codeVerifier,
          idTokenExpected: true,
        });
      } catch (cause) {
        throw toFinishError(cause);
      }
      const idClaims = tokens.claims();
      if (idClaims === undefined) {
        throw new OidcLoginError(
          'invalid_id_token',
          'The IdP answered the code exchange without an ID token.',
        );
      }

      let userinfo: Record<string, unknown> = {};
      if (configuration.serverMetadata().userinfo_endpoint !== undefined) {
        try {
          userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        } catch (cause) {
          throw new OidcLoginError(
            'userinfo_failed',
            `The IdP's userinfo endpoint did not return the user's claims: ${describe(cause)}.`,
            { cause },
          );
        }
      }
      const claims = Object.freeze({ ...userinfo, ...idClaims });
      return { issuer: idClaims.iss, subject: idClaims.sub, claims, accessToken: tokens.access_token };
    },

    forget(issuer) {
      cache.delete(issuer);
    },
  };
}

function parseIssuer(issuer: string): { url: URL; allowHttp: boolean } {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch (cause) {
    throw new OidcLoginError('discovery_failed', `The issuer "${issuer}" is not a URL.`, { cause });
  }
  if (url.protocol === 'https:') return { url, allowHttp: false };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { url, allowHttp: true };
  throw new OidcLoginError(
    'insecure_issuer',
    `The issuer ${issuer} must use https: (plain http is accepted only on 127.0.0.1, ::1 or localhost, ` +
      'for an IdP on the same machine).',
  );
}

async function discover(
  url: URL,
  allowHttp: boolean,
  settings: OidcClientSettings,
): Promise<client.Configuration> {
  // client_secret_basic is the method every IdP supports (RFC 6749 §2.3.1 MUST); without a secret Muster is a
  // public client and PKCE alone binds the code to this sign-in.
  const clientAuth =
    settings.clientSecret === null ? client.None() : client.ClientSecretBasic(settings.clientSecret);
  try {
    return await client.discovery(url, settings.clientId, undefined, clientAuth, {
      timeout: REQUEST_TIMEOUT_S,
      // Plain http only for a loopback issuer (parseIssuer): a local IdP in development and tests.
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to make its use stand out
      ...(allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
    });
  } catch (cause) {
    if (cause instanceof client.ClientError && cause.code === CODES.jsonAttributeComparison) {
      throw new OidcLoginError(
        'discovery_failed',
        `The discovery document at ${settings.issuer} names another issuer: set the issuer to exactly ` +
          'the "issuer" value the IdP publishes (OIDC Discovery §4.3).',
        { cause },
      );
    }
    throw new OidcLoginError(
      'discovery_failed',
      `Could not read the OpenID configuration of ${settings.issuer} (${describe(cause)}): check the issuer ` +
        'URL and that Muster can reach it.',
      { cause },
    );
  }
}

function idpRefused(error: string, description: string | undefined): OidcLoginError {
  return new OidcLoginError(
    'idp_error',
    `The IdP refused the sign-in: ${error}${description === undefined ? '' : ` (${description})`}.`,
    { idpError: error, idpErrorDescription: description },
  );
}

/** Maps what authorizationCodeGrant throws (openid-client's classes and `code`s) to a reason. */
function toFinishError(cause: unknown): OidcLoginError {
  if (cause instanceof client.AuthorizationResponseError) {
    return idpRefused(cause.error, cause.error_description);
  }
  if (cause instanceof client.ResponseBodyError) {
    const hint =
      cause.error === 'invalid_grant'
        ? ': the code expired, was already used, or does not match this sign-in (PKCE verifier)'
        : cause.error === 'invalid_client' || cause.error === 'unauthorized_client'
          ? ': check the client ID and secret'
          : '';
    return new OidcLoginError(
      'token_exchange_failed',
      `The IdP refused to exchange the authorization code (${describe(cause)})${hint}.`,
      { cause, idpError: cause.error, idpErrorDescription: cause.error_description },
    );
  }
  if (cause instanceof client.WWWAuthenticateChallengeError) {
    return new OidcLoginError(
      'token_exchange_failed',
      `The IdP's token endpoint refused Muster's client authentication (${describe(cause)}): ` +
        'check the client ID and secret.',
      { cause },
    );
  }
  if (cause instanceof client.ClientError) {
    const inner = innerFailure(cause);
    if (cause.code === CODES.jwtClaimComparison && inner.claim === 'nonce') {
      return new OidcLoginError(
        'nonce_mismatch',
        "The ID token's nonce does not match this sign-in attempt: the token was issued for another " +
          'sign-in, or replayed. Start the sign-in again.',
        { cause },
      );
    }
    const isIdToken =
      cause.code === CODES.jwtClaimComparison ||
      cause.code === CODES.jwtTimestampCheck ||
      cause.code === CODES.keySelection ||
      (cause.code === CODES.invalidResponse && /JWT|ID Token|id_token/.test(inner.message));
    if (isIdToken) {
      return new OidcLoginError('invalid_id_token', `The IdP's ID token is not valid: ${inner.message}.`, {
        cause,
      });
    }
    // RFC 9207: the response names another issuer (or none, where this one promises it).
    if (cause.code === CODES.invalidResponse && inner.message.includes('"iss"')) {
      return new OidcLoginError(
        'idp_error',
        `The sign-in response is not acceptable: ${inner.message} (expected ${String(inner.expected)}).`,
        { cause },
      );
    }
  }
  return new OidcLoginError(
    'token_exchange_failed',
    `Could not exchange the authorization code at the IdP's token endpoint: ${describe(cause)}.`,
    { cause },
  );
}

/** The oauth4webapi error openid-client wraps, with the details it carries (`claim` for a JWT claim mismatch). */
function innerFailure(error: client.ClientError): { message: string; claim: unknown; expected: unknown } {
  const inner = error.cause;
  if (!(inner instanceof Error)) return { message: error.message, claim: undefined, expected: undefined };
  const details: unknown = inner.cause;
  const field = (name: string): unknown =>
    typeof details === 'object' && details !== null && name in details
      ? (details as Record<string, unknown>)[name]
      : undefined;
  return { message: inner.message, claim: field('claim'), expected: field('expected') };
}

/** One line for the admin: the OAuth error and status, or the network failure with its code. */
function describe(cause: unknown): string {
  if (cause instanceof client.ResponseBodyError) {
    const description = cause.error_description === undefined ? '' : `: ${cause.error_description}`;
    return `${cause.error}${description}, HTTP ${cause.status}`;
  }
  if (cause instanceof client.WWWAuthenticateChallengeError) {
    const parameters = cause.cause[0]?.parameters;
    const detail = [parameters?.error, parameters?.error_description].filter((part) => part !== undefined);
    return [`HTTP ${cause.status}`, ...detail].join(', ');
  }
  if (cause instanceof client.ClientError) {
    if (cause.cause instanceof Response) return `${cause.message}: HTTP ${cause.cause.status}`;
    const inner = innerFailure(cause);
    return inner.message === cause.message ? cause.message : `${cause.message}: ${inner.message}`;
  }
  if (cause instanceof Error) {
    const code: unknown =
      typeof cause.cause === 'object' && cause.cause !== null && 'code' in cause.cause
        ? cause.cause.code
        : undefined;
    return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}
