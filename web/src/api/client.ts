// The console's only way to the server: an openapi-fetch client typed by schema.d.ts (generated from the admin API's
// OpenAPI document). Cookie-authenticated writes carry the session's CSRF token; every request names the organization
// the admin is looking at.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Problem = components['schemas']['Problem'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer B } ? B : never;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body of a route's success answer: `ResponseOf<'/users/{id}', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? JsonOf<Success<R>>
  : never;

/** The JSON body a route takes: `RequestOf<'/users', 'post'>`. */
export type RequestOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** One item of a paged list: `ItemOf<'/users'>`. */
export type ItemOf<P extends keyof paths> = 'get' extends keyof paths[P]
  ? ResponseOf<P, 'get'> extends { items: readonly (infer I)[] }
    ? I
    : never
  : never;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Set by the session provider and the organization switcher; read by every request. */
export const requestScope: { csrfToken: string | null; org: string | null } = { csrfToken: null, org: null };

const scopeMiddleware: Middleware = {
  onRequest({ request }) {
    if (requestScope.org !== null && !request.headers.has('x-muster-org')) {
      request.headers.set('x-muster-org', requestScope.org);
    }
    if (requestScope.csrfToken !== null && UNSAFE_METHODS.has(request.method)) {
      request.headers.set('x-csrf-token', requestScope.csrfToken);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
api.use(scopeMiddleware);
