// buildApp over the fake services: two organizations with one token each, silent logs, small limits where a test
// needs them. `call` sends what an IdP sends and returns status, headers, raw text and parsed JSON.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../src/http/app-deps.js';
import { buildApp } from '../../src/http/build-app.js';
import { createFakeScimServices, type FakeScimServices } from './fake-scim-services.js';

export const TOKEN_A = 'msk_token-of-org-a';
export const TOKEN_B = 'msk_token-of-org-b';
export const PUBLIC_URL = 'https://muster.test';
export const BASE_URL = `${PUBLIC_URL}/scim/v2`;
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface CallOptions {
  readonly body?: unknown;
  /** null → no Authorization header. */
  readonly token?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
  readonly contentType?: string;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  readonly body: any;
}

export interface HttpFixture {
  readonly app: FastifyInstance;
  readonly services: FakeScimServices;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: CallOptions,
  ): Promise<CallResult>;
}

export async function createHttpFixture(overrides: Partial<AppDeps> = {}): Promise<HttpFixture> {
  const services = createFakeScimServices();
  const app = buildApp({
    scim: services,
    authenticateScimToken: (token) =>
      Promise.resolve(
        token === TOKEN_A
          ? { orgId: 'org-a', orgSlug: 'a', tokenId: 't-a' }
          : token === TOKEN_B
            ? { orgId: 'org-b', orgSlug: 'b', tokenId: 't-b' }
            : undefined,
      ),
    verifyApiKey: () => Promise.resolve(undefined),
    publicUrl: PUBLIC_URL,
    checkReady: () => Promise.resolve(),
    logLevel: 'silent',
    ...overrides,
  });
  await app.ready();
  return {
    app,
    services,
    async call(method, url, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token === undefined ? TOKEN_A : options.token;
      if (token !== null) headers['authorization'] = `Bearer ${token}`;
      const { body } = options;
      if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/scim+json';
      const res = await app.inject({
        method,
        url,
        headers,
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      let parsed: unknown;
      try {
        parsed = res.body === '' ? undefined : JSON.parse(res.body);
      } catch {
        parsed = { unparsable: res.body };
      }
      return { status: res.statusCode, headers: res.headers, text: res.body, body: parsed };
    },
  };
}

export function patchOps(...operations: Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: [PATCH_OP], Operations: operations };
}
