// Composition root shared by main.ts, the CLI and the tests: config → store → services → app.
// The only place that picks implementations (SQLite store, system clock, UUIDv7 ids) for the ports.
import type { FastifyInstance } from 'fastify';
import type { Config, DatabaseConfig } from './config/load-config.js';
import { createGroupsService } from './domain/groups.js';
import { DEFAULT_ORG_SLUG, ensureOrganization } from './domain/organizations.js';
import type { Clock, Ids, Organization, Store } from './domain/ports.js';
import { authenticateScimToken, ScimTokenAuthCache, type ScimTokenDeps } from './domain/scim-tokens.js';
import { createUsersService } from './domain/users.js';
import type { AppDeps } from './http/app-deps.js';
import { uuidV7 } from './shared/uuid-v7.js';
import { createSqliteStore } from './store/sqlite/create-sqlite-store.js';

export const systemClock: Clock = { now: () => new Date() };
export const uuidV7Ids: Ids = { newId: uuidV7 };

export interface Muster {
  readonly config: Config;
  readonly app: FastifyInstance;
  readonly store: Store;
  /** What the SCIM token use cases need (CLI-style token management against this instance). */
  readonly tokenDeps: ScimTokenDeps;
  readonly defaultOrganization: Organization;
  /** Drains the app (in-flight requests finish), then closes the store. Safe to call twice. */
  close(): Promise<void>;
}

/** Opens (and migrates) the configured database. */
export function openStore(database: DatabaseConfig): Promise<Store> {
  // DatabaseConfig has one kind today; PostgreSQL will be a second one, chosen here.
  return createSqliteStore({ filename: database.filename });
}

export async function createMuster(config: Config): Promise<Muster> {
  const store = await openStore(config.database);
  const clock = systemClock;
  const ids = uuidV7Ids;
  const tokenDeps: ScimTokenDeps = { store, clock, ids, authCache: new ScimTokenAuthCache() };
  let app: FastifyInstance | undefined;
  try {
    const defaultOrganization = await ensureOrganization(store, clock, ids, DEFAULT_ORG_SLUG);
    const serviceDeps = { store, clock, ids };
    const deps: AppDeps = {
      scim: { users: createUsersService(serviceDeps), groups: createGroupsService(serviceDeps) },
      authenticateScimToken: (token) => authenticateScimToken(tokenDeps, token),
      publicUrl: config.publicUrl,
      checkReady: () => store.ping(),
      logLevel: config.logLevel,
      limits: config.scim,
    };
    // Loaded here, not at the top: the CLI's token commands import this module and need no HTTP stack.
    const { buildApp } = await import('./http/build-app.js');
    const built = buildApp(deps);
    app = built;
    await built.ready();
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        try {
          await built.close();
        } finally {
          await store.close();
        }
      })();
      return closing;
    };
    return { config, app: built, store, tokenDeps, defaultOrganization, close };
  } catch (error) {
    await app?.close();
    await store.close();
    throw error;
  }
}
