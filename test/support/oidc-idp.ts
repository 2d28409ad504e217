// A real OpenID Provider (oidc-provider) on 127.0.0.1 for Muster's OIDC sign-in tests. It puts scope claims in the
// ID token as Entra ID and Okta do, and an account with `overage: true` gets Entra's group-overage shape (a
// distributed groups claim, OIDC Core §5.6.2) instead of its groups. Its development login page stays on, so a
// browser can sign in as any account set with setAccount (the login field is the account id; any password).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import type { Account, AccountClaims, Configuration, JWK } from 'oidc-provider';

export interface OidcIdpClient {
  clientId: string;
  clientSecret?: string;
  redirectUris: string[];
}

export interface OidcIdp {
  readonly issuer: string;
  setAccount(id: string, claims: Record<string, unknown>): void;
  accountOfAccessToken(token: string): Promise<string | undefined>;
  /** Walks login and consent as `accountId`; resolves with the redirect back to the client (code and state). */
  driveLogin(authorizationUrl: string, accountId: string): Promise<URL>;
  close(): Promise<void>;
}

const MAX_STEPS = 12;

export async function startOidcIdp(options: { clients: OidcIdpClient[] }): Promise<OidcIdp> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();

  const claimsOf = (id: string): AccountClaims => {
    const { overage, ...claims } = accounts.get(id) ?? {};
    if (overage !== true) return { ...claims, sub: id };
    const { groups: _omitted, ...rest } = claims;
    return {
      ...rest,
      sub: id,
      _claim_names: { groups: 'src1' },
      _claim_sources: { src1: { endpoint: `${issuer}/graph-placeholder` } },
    };
  };

  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      ...(client.clientSecret === undefined ? {} : { client_secret: client.clientSecret }),
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: client.clientSecret === undefined ? 'none' : 'client_secret_basic',
    })),
    findAccount: (_ctx, id): Account | undefined =>
      accounts.has(id) ? { accountId: id, claims: () => claimsOf(id) } : undefined,
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'oid'],
      groups: ['groups'],
    },
    // Scope claims in the ID token too, not only at userinfo (OIDC Core §5.4 allows either).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    renderError: (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  };
  const provider = await withoutDevelopmentWarnings(async () => {
    const { default: ProviderClass, interactionPolicy } = await import('oidc-provider');
    // The development login page takes any login: an id without an account (findAccount) gets the login page
    // again instead of a session.
    const policy = interactionPolicy.base();
    policy
      .get('login')
      ?.checks.add(
        new interactionPolicy.Check('unknown_account', 'No account has this id', (ctx) =>
          ctx.oidc.session?.accountId !== undefined && ctx.oidc.account === undefined
            ? interactionPolicy.Check.REQUEST_PROMPT
            : interactionPolicy.Check.NO_NEED_TO_PROMPT,
        ),
      );
    return new ProviderClass(issuer, { ...configuration, interactions: { policy } });
  });
  const handle = provider.callback();
  server.on('request', (request, response) => {
    void handle(request, response);
  });

  const redirectUris = options.clients.flatMap((client) => client.redirectUris);

  return {
    issuer,
    setAccount(id, claims) {
      accounts.set(id, claims);
    },
    async accountOfAccessToken(token) {
      const found = await provider.AccessToken.find(token);
      return found?.accountId;
    },
    driveLogin: (authorizationUrl, accountId) =>
      driveLogin(provider, new URL(authorizationUrl), accountId, redirectUris),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * Follows the provider's redirects with its own cookie jar and submits the development login form (as `accountId`)
 * and the consent form, until a redirect leaves for one of the clients' redirect URIs.
 */
async function driveLogin(
  provider: Provider,
  authorizationUrl: URL,
  accountId: string,
  redirectUris: readonly string[],
): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let request: { method: 'GET' } | { method: 'POST'; body: URLSearchParams } = { method: 'GET' };
  let loginSubmitted = false;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const response = await fetch(url, {
      method: request.method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(url),
        ...(request.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(request.method === 'POST' ? { body: request.body } : {}),
    });
    jar.store(response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const target = new URL(location, url);
      const withoutQuery = `${target.origin}${target.pathname}`;
      if (redirectUris.includes(withoutQuery)) return target;
      url = target;
      request = { method: 'GET' };
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) {
      throw new Error(`${provider.issuer} answered ${url.pathname} with HTTP ${response.status}: ${page}`);
    }
    const prompt = /name="prompt" value="([a-z]+)"/.exec(page)?.[1];
    if (prompt === 'login') {
      if (loginSubmitted)
        throw new Error(`${provider.issuer} refused the login of unknown account "${accountId}"`);
      loginSubmitted = true;
      request = { method: 'POST', body: new URLSearchParams({ prompt, login: accountId, password: 'any' }) };
    } else if (prompt === 'consent') {
      request = { method: 'POST', body: new URLSearchParams({ prompt }) };
    } else {
      throw new Error(`${provider.issuer} showed a page with no login or consent form at ${url.pathname}`);
    }
  }
  throw new Error(`${provider.issuer} did not redirect back to the client within ${MAX_STEPS} requests`);
}

/** Enough of RFC 6265 for one host: cookies by name and path, removed when expired. */
class CookieJar {
  readonly #cookies = new Map<string, { name: string; value: string; path: string }>();

  store(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      let path = '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', attributeValue = ''] = attribute.split('=');
        const lowerKey = key.toLowerCase();
        if (lowerKey === 'path') path = attributeValue;
        if (lowerKey === 'expires' && Date.parse(attributeValue) <= Date.now()) expired = true;
        if (lowerKey === 'max-age' && Number(attributeValue) <= 0) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.#cookies.delete(key);
      else this.#cookies.set(key, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.#cookies.values()]
      .filter(({ path }) => pathMatches(url.pathname, path))
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
  }
}

/** RFC 6265 §5.1.4. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function signingKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'muster-test', alg: 'RS256', use: 'sig' };
}

/**
 * oidc-provider announces on the console that it runs with development defaults (in-memory storage, the
 * development login page, a Node.js release it does not list): all intended here, so kept out of the test output.
 */
async function withoutDevelopmentWarnings<T>(run: () => Promise<T>): Promise<T> {
  const { warn, info } = console;
  const filtered =
    (write: (...data: unknown[]) => void) =>
    (...data: unknown[]): void => {
      if (typeof data[0] === 'string' && data[0].includes('oidc-provider ')) return;
      write.apply(console, data);
    };
  console.warn = filtered(warn);
  console.info = filtered(info);
  try {
    return await run();
  } finally {
    console.warn = warn;
    console.info = info;
  }
}
