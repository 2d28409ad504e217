// A thin app.inject() wrapper for the IdP conformance suites: each call sends what an IdP sends (bearer token,
// a SCIM or plain JSON body, the raw query string) and hands back status, headers and the parsed JSON body.
import { afterEach, beforeEach } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

export type ScimMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ScimCallOptions {
  /** Bearer token to send; `null` sends no Authorization header. Defaults to the test app's token. */
  readonly token?: string | null;
  /** Extra request headers (If-Match, Accept, …). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Content-Type of a request body; `application/scim+json` unless given. */
  readonly contentType?: string;
}

export interface ScimResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  /** The raw response text, for assertions on what is never sent (passwords). */
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  readonly body: any;
}

export interface ScimClient {
  get(path: string, options?: ScimCallOptions): Promise<ScimResult>;
  post(path: string, body: unknown, options?: ScimCallOptions): Promise<ScimResult>;
  put(path: string, body: unknown, options?: ScimCallOptions): Promise<ScimResult>;
  patch(path: string, body: unknown, options?: ScimCallOptions): Promise<ScimResult>;
  delete(path: string, options?: ScimCallOptions): Promise<ScimResult>;
  /** Any method with an optional body; a string body is sent verbatim (malformed JSON tests). */
  send(method: ScimMethod, path: string, body?: unknown, options?: ScimCallOptions): Promise<ScimResult>;
}

export interface ScimFixture {
  /** The app of the running test (a fresh in-memory database per test). */
  readonly t: TestApp;
  /** A client with the `default` organization's token. */
  readonly client: ScimClient;
}

/** Registers beforeEach/afterEach that start a fresh test app per test; read the fields inside tests only. */
export function useScimApp(): ScimFixture {
  let current: { t: TestApp; client: ScimClient } | undefined;
  beforeEach(async () => {
    const t = await createTestApp();
    current = { t, client: scim(t) };
  });
  afterEach(async () => {
    await current?.t.close();
    current = undefined;
  });
  const get = (): { t: TestApp; client: ScimClient } => {
    if (current === undefined) throw new Error('useScimApp() fields are only available inside a test');
    return current;
  };
  return {
    get t() {
      return get().t;
    },
    get client() {
      return get().client;
    },
  };
}

/** `path` is relative to the SCIM base (`/Users?filter=…`); the query string is sent exactly as given. */
export function scim(t: TestApp, defaults: ScimCallOptions = {}): ScimClient {
  const send = async (
    method: ScimMethod,
    path: string,
    body?: unknown,
    options: ScimCallOptions = {},
  ): Promise<ScimResult> => {
    const token = options.token === undefined ? (defaults.token ?? t.token) : options.token;
    const headers: Record<string, string> = { ...defaults.headers, ...options.headers };
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) {
      headers['content-type'] = options.contentType ?? defaults.contentType ?? 'application/scim+json';
    }
    const res = await t.app.inject({
      method,
      url: `${basePath(t)}${path}`,
      headers,
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return {
      status: res.statusCode,
      headers: res.headers,
      text: res.body,
      body: res.body === '' ? undefined : parseJson(res.body),
    };
  };
  return {
    get: (path, options) => send('GET', path, undefined, options),
    post: (path, body, options) => send('POST', path, body, options),
    put: (path, body, options) => send('PUT', path, body, options),
    patch: (path, body, options) => send('PATCH', path, body, options),
    delete: (path, options) => send('DELETE', path, undefined, options),
    send,
  };
}

/** The path part of the advertised base URL (`/scim/v2`), so requests go where meta.location points. */
export function basePath(t: TestApp): string {
  return new URL(t.scimBase).pathname.replace(/\/$/, '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unparsable: text };
  }
}

/** `filter=…` percent-encoded the way most clients do (`%20` for spaces). */
export function filterQuery(filter: string): string {
  return `filter=${encodeURIComponent(filter)}`;
}

/** `filter=…` form-encoded with `+` for spaces, as the Microsoft validator sends it. */
export function plusFilterQuery(filter: string): string {
  return `filter=${encodeURIComponent(filter).replace(/%20/g, '+')}`;
}

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export function patchOps(...operations: Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: [PATCH_OP], Operations: operations };
}

/** Member ids of a group, sorted, read back through GET. */
export async function memberIds(client: ScimClient, groupId: string): Promise<string[]> {
  const res = await client.get(`/Groups/${groupId}`);
  if (res.status !== 200) throw new Error(`GET /Groups/${groupId} answered ${res.status}: ${res.text}`);
  const members = (res.body.members ?? []) as { value: string }[];
  return members.map((m) => m.value).sort();
}

/** Creates a minimal user and returns its server id. */
export async function createUser(
  client: ScimClient,
  userName: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await client.post('/Users', { schemas: [USER_SCHEMA], userName, active: true, ...extra });
  if (res.status !== 201) throw new Error(`POST /Users ${userName} answered ${res.status}: ${res.text}`);
  return res.body.id as string;
}

/** Asserts nothing itself: returns the SCIM error fields so tests can compare them in one expect. */
export function errorShape(res: ScimResult): { status: unknown; scimType: unknown; schemas: unknown } {
  return { status: res.body?.status, scimType: res.body?.scimType, schemas: res.body?.schemas };
}
