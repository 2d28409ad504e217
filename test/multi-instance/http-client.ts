// Real HTTP to a listening Muster instance (fetch): SCIM requests with a bearer token, admin API requests with an admin
// key, key verification. Bodies are parsed as JSON when there is one.
import type { RunningInstance } from '../support/start-two-instances.js';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  readonly body: any;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(
  url: string,
  method: Method,
  headers: Record<string, string>,
  body: unknown,
  contentType: string,
): Promise<HttpResponse> {
  const response = await fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

/** A SCIM request to `instance` (path under /scim/v2) with `token`. */
export function scim(
  instance: RunningInstance,
  token: string,
  method: Method,
  path: string,
  body?: unknown,
): Promise<HttpResponse> {
  return send(
    `${instance.origin}/scim/v2${path}`,
    method,
    { authorization: `Bearer ${token}` },
    body,
    'application/scim+json',
  );
}

/** An admin API request to `instance` (path under /api/v1), acting on organization `org` (default: `default`). */
export function admin(
  instance: RunningInstance,
  adminKey: string,
  method: Method,
  path: string,
  body?: unknown,
  org?: string,
): Promise<HttpResponse> {
  return send(
    `${instance.origin}/api/v1${path}`,
    method,
    { authorization: `Bearer ${adminKey}`, ...(org === undefined ? {} : { 'x-muster-org': org }) },
    body,
    'application/json',
  );
}

/** GET /api/v1/keys/verify with `key`: 200 when usable, 401 when not. */
export async function verifyStatus(instance: RunningInstance, key: string): Promise<number> {
  const response = await fetch(`${instance.origin}/api/v1/keys/verify`, {
    headers: { authorization: `Bearer ${key}` },
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Calls `probe` until it returns `expected` or `deadlineMs` pass; resolves with the milliseconds it took, or rejects
 * with the last value seen. Polls without a pause beyond the request itself, so the time measured is the real delay.
 */
export async function untilEquals<T>(
  probe: () => Promise<T>,
  expected: T,
  deadlineMs: number,
): Promise<number> {
  const start = performance.now();
  let last: T;
  do {
    last = await probe();
    if (last === expected) return performance.now() - start;
  } while (performance.now() - start < deadlineMs);
  throw new Error(
    `still ${JSON.stringify(last)} after ${String(deadlineMs)} ms, expected ${JSON.stringify(expected)}`,
  );
}

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export function newUser(userName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: [USER_SCHEMA], userName, active: true, ...extra };
}

export function newGroup(displayName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: [GROUP_SCHEMA], displayName, ...extra };
}

export function patchBody(...operations: Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: [PATCH_OP], Operations: operations };
}
