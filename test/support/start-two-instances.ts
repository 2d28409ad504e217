// Two real Muster processes' worth of wiring in one test: two createMuster() instances, each listening on its own port
// of 127.0.0.1, sharing ONE fresh PostgreSQL schema, as two replicas behind a load balancer share one database. Tests
// talk real HTTP (fetch) to both. close() stops both and drops the schema.
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createMuster, type Muster, type MusterOptions } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createAdminKey } from '../../src/domain/admin-keys.js';
import { DEFAULT_ORG_SLUG } from '../../src/domain/organizations.js';
import { createScimToken } from '../../src/domain/scim-tokens.js';
import { createPostgresTestSchema, type PostgresTestSchema } from './postgres-test-database.js';

export interface RunningInstance {
  readonly muster: Muster;
  /** `http://127.0.0.1:<port>`: where this instance listens. */
  readonly origin: string;
}

export interface TwoInstances {
  readonly a: RunningInstance;
  readonly b: RunningInstance;
  readonly schema: PostgresTestSchema;
  /** A SCIM token of organization `default`. */
  readonly token: string;
  /** An instance-wide admin key. */
  readonly adminKey: string;
  /** Creates the organization when missing and returns a new SCIM token for it. */
  createOrgToken(slug: string): Promise<string>;
  /** Runs `text` on a connection of its own with the instances' schema as search_path (assertions on rows). */
  query<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** Stops both instances (in-flight requests finish), then drops the schema. */
  close(): Promise<void>;
}

export interface TwoInstancesOptions {
  /** Settings added to (or replacing) the defaults of both instances. */
  readonly env?: Readonly<Record<string, string>>;
  /** What tests set beyond Config, per instance. */
  readonly options?: (name: 'a' | 'b') => MusterOptions;
}

async function listen(muster: Muster): Promise<RunningInstance> {
  await muster.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = muster.app.server.address() as AddressInfo;
  return { muster, origin: `http://127.0.0.1:${String(port)}` };
}

/** Starts both instances at the same moment, as a rolling deployment on an empty database would. */
export async function startTwoInstances(settings: TwoInstancesOptions = {}): Promise<TwoInstances> {
  const schema = await createPostgresTestSchema();
  const config = loadConfig({
    DATABASE_URL: schema.databaseUrl,
    PUBLIC_URL: 'http://muster.test',
    LOG_LEVEL: 'silent',
    WEBHOOK_WORKER: 'off',
    ...settings.env,
  });
  const started = await Promise.allSettled(
    (['a', 'b'] as const).map((name) => createMuster(config, settings.options?.(name) ?? {})),
  );
  const musters = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async (): Promise<void> => {
    try {
      await Promise.all(musters.map((m) => m.close()));
    } finally {
      await schema.drop();
    }
  };
  try {
    const failed = started.find((s) => s.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    const [a, b] = await Promise.all(musters.map(listen));
    if (a === undefined || b === undefined) throw new Error('both instances must have started');
    const { tokenDeps } = a.muster;
    const createOrgToken = async (slug: string): Promise<string> =>
      (await createScimToken(tokenDeps, { orgSlug: slug, name: `test-${slug}` })).token;
    const admin = await createAdminKey({ ...tokenDeps, store: a.muster.store }, { name: 'test-admin' });
    const url = new URL(schema.databaseUrl);
    return {
      a,
      b,
      schema,
      token: await createOrgToken(DEFAULT_ORG_SLUG),
      adminKey: admin.key,
      createOrgToken,
      async query<R extends pg.QueryResultRow>(text: string, values: readonly unknown[] = []) {
        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        try {
          return (await client.query<R>(text, [...values])).rows;
        } finally {
          await client.end();
        }
      },
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
