// A real Muster app (the production wiring of compose.ts) on a given DATABASE_URL, with the credentials the outage
// tests use and inject() helpers for the SCIM API, the admin API and key verification. Background tasks retry fast,
// so recovery after an outage shows within seconds.
import type { LightMyRequestResponse } from 'fastify';
import { createMuster, type Muster } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createAdminKey } from '../../src/domain/admin-keys.js';
import { DEFAULT_ORG_SLUG } from '../../src/domain/organizations.js';
import { createScimToken } from '../../src/domain/scim-tokens.js';

export const SCIM_ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

export interface OutageApp {
  readonly muster: Muster;
  scim(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<LightMyRequestResponse>;
  admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<LightMyRequestResponse>;
  verify(apiKey: string): Promise<LightMyRequestResponse>;
  readyz(): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** `writerRetryDelayMs`: how soon the provisioning log writer tries again after the database failed. */
export async function startOutageApp(
  env: Readonly<Record<string, string>>,
  writerRetryDelayMs = 200,
): Promise<OutageApp> {
  const config = loadConfig({ PUBLIC_URL: 'http://muster.test', LOG_LEVEL: 'silent', ...env });
  const muster = await createMuster(config, {
    webhookWorker: { pollIntervalMs: 50, maxErrorDelayMs: 200, retry: { scheduleMs: [100] } },
    provisioningLog: { writer: { retryDelayMs: writerRetryDelayMs } },
  });
  try {
    const token = (await createScimToken(muster.tokenDeps, { orgSlug: DEFAULT_ORG_SLUG, name: 'idp' })).token;
    const adminKey = (await createAdminKey({ ...muster.tokenDeps, store: muster.store }, { name: 'ops' }))
      .key;
    const { app } = muster;
    return {
      muster,
      scim: (method, path, body) =>
        app.inject({
          method,
          url: `/scim/v2${path}`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        }),
      admin: (method, path, body) =>
        app.inject({
          method,
          url: `/api/v1${path}`,
          headers: { authorization: `Bearer ${adminKey}` },
          ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
        }),
      verify: (apiKey) =>
        app.inject({
          method: 'GET',
          url: '/api/v1/keys/verify',
          headers: { authorization: `Bearer ${apiKey}` },
        }),
      readyz: () => app.inject({ method: 'GET', url: '/readyz' }),
      close: () => muster.close(),
    };
  } catch (error) {
    await muster.close();
    throw error;
  }
}

/** A new User body; `n` makes the userName unique. */
export function userBody(n: string): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    userName: `user-${n}@example.com`,
    name: { givenName: 'U', familyName: n },
  };
}

/** Polls `check` until it returns true or `timeoutMs` passes; rejects with `what` then. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
