// GET /api/v1/openapi.json: an OpenAPI 3.1 document generated from the route schemas, listing every admin API route
// the app serves, each with its request and response schemas, bearer security and problem responses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Operation {
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly parameters?: readonly { readonly in: string; readonly name: string; readonly schema?: unknown }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema?: unknown }> };
  readonly responses: Record<string, { readonly content?: Record<string, { readonly schema?: unknown }> }>;
}

interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly servers: readonly { readonly url: string }[];
  readonly security: readonly Record<string, readonly string[]>[];
  readonly components: {
    readonly securitySchemes: Record<string, { readonly type: string; readonly scheme?: string }>;
    readonly schemas: Record<string, unknown>;
  };
  readonly paths: Record<string, Record<string, Operation>>;
}

/**
 * The routes Fastify serves under /api/v1, from its route tree (`printRoutes`), as `METHOD /path` with OpenAPI path
 * templates. HEAD (added for every GET) is not an operation of its own.
 */
function servedRoutes(t: TestApp): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│├└─\s]*?)([├└]── )(.+) \(([A-Z, ]+)\)$/.exec(line);
    if (match === null) continue;
    const depth = ((match[1] ?? '').length + 4) / 4;
    stack.length = depth - 1;
    const path = `${stack.join('')}${match[3] ?? ''}`;
    stack.push(match[3] ?? '');
    for (const method of (match[4] ?? '').split(', ')) {
      if (method !== 'HEAD') routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.filter((r) => r.includes(' /api/v1/'));
}

let t: TestApp;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  doc = res.json<OpenApiDocument>();
});
afterAll(() => t.close());

function operations(): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]),
  );
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with bearer security and the API as its server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Muster admin API');
    expect(doc.servers).toEqual([{ url: 'http://muster.test/api/v1' }]);
    expect(doc.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(doc.components.securitySchemes['session']).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'muster_session',
    });
    expect(doc.components.schemas['Problem']).toBeDefined();
  });

  it('lists every route the admin API serves, and nothing else', () => {
    const served = servedRoutes(t)
      // Proxies may send any method and append the original path to verify (Envoy ext_authz): those variants are
      // served for them and documented once, as GET /keys/verify.
      .filter((r) => r === 'GET /api/v1/keys/verify' || !r.includes('/api/v1/keys/verify'))
      .map((r) => r.replace(' /api/v1/', ' /'));
    expect(served.length).toBeGreaterThanOrEqual(16);
    expect(
      operations()
        .map(([name]) => name)
        .sort(),
    ).toEqual([...new Set(served)].sort());
  });

  it('gives every operation a success response schema (or an explicit empty 204) and problem responses', () => {
    for (const [name, op] of operations()) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(success, name).toHaveLength(1);
      const [status, response] = success[0] ?? ['', { content: undefined }];
      if (status === '204') expect(response.content, name).toBeUndefined();
      else expect(response.content?.['application/json']?.schema, name).toBeDefined();
      for (const errors of ['4XX', '5XX']) {
        expect(
          op.responses[errors]?.content?.['application/problem+json']?.schema,
          `${name} ${errors}`,
        ).toEqual({
          $ref: '#/components/schemas/Problem',
        });
      }
    }
  });

  it('gives every operation its request schemas: path parameters, bodies, the organization header', () => {
    for (const [name, op] of operations()) {
      const path = name.split(' ')[1] ?? '';
      const params = op.parameters ?? [];
      for (const [, param] of path.matchAll(/\{(\w+)\}/g)) {
        expect(
          params.find((p) => p.in === 'path' && p.name === param)?.schema,
          `${name} ${param}`,
        ).toBeDefined();
      }
      // Creating in a collection and changing take a body; an action on one resource (rotate, test) may not.
      if (name.startsWith('PATCH') || (name.startsWith('POST') && !path.includes('{'))) {
        expect(op.requestBody?.content['application/json']?.schema, name).toBeDefined();
      }
      if (name === 'GET /openapi.json') {
        expect(op.security, name).toEqual([]);
      } else if (/ \/(setup|session)$/.test(name)) {
        // Console sign-in: the setup token, the password or the session cookie itself is the credential.
        expect(op.security, name).toEqual(
          name.startsWith('POST') || name === 'GET /setup' ? [] : [{ session: [] }],
        );
      } else if (/ \/me(\/|$)/.test(name)) {
        // A person signed in through SSO and their own account: the session cookie only, no organization header.
        expect(op.security, name).toEqual([{ session: [] }]);
        expect(
          params.some((p) => p.name === 'x-muster-org'),
          name,
        ).toBe(false);
      } else if (name === 'GET /keys/verify') {
        // The API key names its organization; no admin key, no organization header.
        expect(
          params.some((p) => p.name === 'x-muster-org'),
          name,
        ).toBe(false);
        expect(op.security, name).toEqual([{ apiKey: [] }, { apiKeyHeader: [] }]);
        expect(doc.components.securitySchemes['apiKeyHeader']).toMatchObject({ type: 'apiKey' });
      } else {
        expect(
          params.some((p) => p.in === 'header' && p.name === 'x-muster-org'),
          name,
        ).toBe(true);
      }
    }
  });

  it('documents list filters and paging as query parameters', () => {
    const list = doc.paths['/users']?.['get'];
    const names = (list?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(names.sort()).toEqual(['active', 'cursor', 'limit', 'managedBy', 'q']);
  });
});
