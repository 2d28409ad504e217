// A real Muster app (SQLite in memory, the production wiring of src/compose.ts) for inject() tests.
import type { FastifyInstance } from 'fastify';
import { createMuster } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';
import { DEFAULT_ORG_SLUG } from '../../src/domain/organizations.js';
import { createScimToken } from '../../src/domain/scim-tokens.js';

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

export async function createTestApp(): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    PUBLIC_URL: 'http://muster.test',
    LOG_LEVEL: 'silent',
  });
  const muster = await createMuster(config);
  try {
    const createOrgToken = async (slug: string): Promise<string> =>
      (await createScimToken(muster.tokenDeps, { orgSlug: slug, name: `test-${slug}` })).token;
    return {
      app: muster.app,
      token: await createOrgToken(DEFAULT_ORG_SLUG),
      scimBase: `${config.publicUrl}/scim/v2`,
      createOrgToken,
      close: () => muster.close(),
    };
  } catch (error) {
    await muster.close();
    throw error;
  }
}
