// A real Muster app (the production wiring of src/compose.ts) for inject() tests, on an empty database of the vitest
// project's store (test-store.ts: SQLite in memory, or a PostgreSQL schema of its own) unless DATABASE_URL is given.
import type { FastifyInstance } from 'fastify';
import { createMuster, type Muster, type MusterOptions } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createAdminKey, type CreateAdminKeyInput } from '../../src/domain/admin-keys.js';
import { DEFAULT_ORG_SLUG } from '../../src/domain/organizations.js';
import { createScimToken } from '../../src/domain/scim-tokens.js';
import { openTestDatabase } from './test-store.js';

export interface TestApp {
  readonly app: FastifyInstance;
  /** The whole instance: its store and token deps, for setting up state the HTTP surface under test does not own. */
  readonly muster: Muster;
  /** A valid SCIM bearer token of organization `default`. */
  readonly token: string;
  /** SCIM base URL as the app advertises it (`http://muster.test/scim/v2`). */
  readonly scimBase: string;
  /** Creates another organization and returns a token for it. */
  createOrgToken(slug: string): Promise<string>;
  /** A valid instance-wide admin key (`mak_…`): it manages every organization. */
  readonly adminKey: string;
  /** Creates another admin key (with `orgSlug`: scoped to that organization, created when missing). */
  createAdminKey(
    input?: Partial<CreateAdminKeyInput>,
  ): Promise<{ readonly id: string; readonly key: string }>;
  close(): Promise<void>;
}

/**
 * `env` adds to or replaces the test settings (the project's test database by default); `options` are what
 * createMuster takes beyond them (a clock the test controls, for instance).
 */
export async function createTestApp(
  env: Readonly<Record<string, string>> = {},
  options: MusterOptions = {},
): Promise<TestApp> {
  const database = env['DATABASE_URL'] === undefined ? await openTestDatabase() : undefined;
  const config = loadConfig({
    ...(database === undefined ? {} : { DATABASE_URL: database.url }),
    PUBLIC_URL: 'http://muster.test',
    LOG_LEVEL: 'silent',
    ...env,
  });
  let muster: Muster;
  try {
    muster = await createMuster(config, options);
  } catch (error) {
    await database?.release();
    throw error;
  }
  // The database is freed only once the app, its workers and its connections are gone.
  const close = async (): Promise<void> => {
    await muster.close();
    await database?.release();
  };
  try {
    const createOrgToken = async (slug: string): Promise<string> =>
      (await createScimToken(muster.tokenDeps, { orgSlug: slug, name: `test-${slug}` })).token;
    const createTestAdminKey = async (input: Partial<CreateAdminKeyInput> = {}) => {
      const created = await createAdminKey(
        { ...muster.tokenDeps, store: muster.store },
        { name: 'test-admin', ...input },
      );
      return { id: created.record.id, key: created.key };
    };
    return {
      app: muster.app,
      muster,
      token: await createOrgToken(DEFAULT_ORG_SLUG),
      scimBase: `${config.publicUrl}/scim/v2`,
      createOrgToken,
      adminKey: (await createTestAdminKey()).key,
      createAdminKey: createTestAdminKey,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
