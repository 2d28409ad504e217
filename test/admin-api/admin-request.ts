// inject() for the admin API: the admin key as bearer, an optional X-Muster-Org, JSON bodies; plus the shape checks
// every problem response must pass (RFC 9457, application/problem+json).
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/test-app.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AdminRequestOptions {
  /** The bearer key; default the test app's instance-wide key; null sends no Authorization header. */
  readonly key?: string | null;
  /** X-Muster-Org. */
  readonly org?: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type AdminRequest = (
  method: Method,
  path: string,
  options?: AdminRequestOptions,
) => Promise<LightMyRequestResponse>;

export function adminRequest(t: TestApp): AdminRequest {
  return (method, path, options = {}) => {
    const key = options.key === undefined ? t.adminKey : options.key;
    return t.app.inject({
      method,
      url: `/api/v1${path}`,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(options.org === undefined ? {} : { 'x-muster-org': options.org }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
    });
  };
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors?: readonly { readonly in: string; readonly pointer: string; readonly detail: string }[];
  readonly fields?: readonly string[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Asserts an RFC 9457 problem with this status and type (`not-found` → urn:muster:problem:not-found). */
export function expectProblem(res: LightMyRequestResponse, status: number, type: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const problem = res.json<Problem>();
  expect(problem).toMatchObject({ type: `urn:muster:problem:${type}`, status });
  expect(problem.title).not.toBe('');
  expect(problem.detail).not.toBe('');
  expect(problem.instance).toBe(res.raw.req.url?.split('?')[0]);
  return problem;
}
