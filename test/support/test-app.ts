// STUB — to be implemented by the composition owner. A real Muster app (SQLite in memory) for inject() tests.
import type { FastifyInstance } from 'fastify';

export interface TestApp {
  readonly app: FastifyInstance;
  /** A valid SCIM bearer token of organization `default`. */
  readonly token: string;
  /** SCIM base URL as the app advertises it (`http://muster.test/scim/v2`). */
  readonly scimBase: string;
  /** Creates another organization and returns a token for it. */
  createOrgToken(slug: string): Promise<string>;
  close(): Promise<void>;
}

export function createTestApp(): Promise<TestApp> {
  return Promise.reject(new Error('not implemented'));
}
