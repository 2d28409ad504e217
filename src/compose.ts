// Composition root shared by main.ts, the CLI and the tests: config → store → services → app.
// The only place that picks implementations (SQLite or PostgreSQL store, system clock, UUIDv7 ids) for the ports.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config, DatabaseConfig } from './config/load-config.js';
import { createOidcLogin } from './auth/oidc/oidc-login.js';
import { createSsoFlow } from './auth/sso-flow.js';
import { createAdminServices } from './domain/admin-services.js';
import { invalidatingCache, ApiKeyVerifyCache } from './domain/api-key-verify-cache.js';
import { verifyApiKey, type CachedVerification } from './domain/api-keys.js';
import { createGroupsService } from './domain/groups.js';
import { DEFAULT_ORG_SLUG, ensureOrganization } from './domain/organizations.js';
import type { Clock, Ids, Organization, Store } from './domain/ports.js';
import {
  startProvisioningLogPruner,
  type ProvisioningLogPrunerOptions,
} from './domain/provisioning-log-pruner.js';
import {
  createProvisioningLogWriter,
  type ProvisioningLogWriterOptions,
} from './domain/provisioning-log-writer.js';
import { authenticateScimToken, ScimTokenAuthCache, type ScimTokenDeps } from './domain/scim-tokens.js';
import { isStoreUnavailableError } from './domain/store-unavailable-error.js';
import { createUsersService } from './domain/users.js';
import { createWebhookWorker, type WebhookWorker, type WebhookWorkerDeps } from './events/webhook-worker.js';
import type { AppDeps } from './http/app-deps.js';
import { uuidV7 } from './shared/uuid-v7.js';
import { createSqliteStore } from './store/sqlite/create-sqlite-store.js';

/** web/dist beside src/ (run with tsx) and beside dist/ (compiled) alike. */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../web/dist', import.meta.url));

export const systemClock: Clock = { now: () => new Date() };
export const uuidV7Ids: Ids = { newId: uuidV7 };

export interface Muster {
  readonly config: Config;
  readonly app: FastifyInstance;
  readonly store: Store;
  /** What the SCIM token use cases need (CLI-style token management against this instance). */
  readonly tokenDeps: ScimTokenDeps;
  readonly defaultOrganization: Organization;
  /** The webhook delivery worker, running when WEBHOOK_WORKER is on. */
  readonly webhookWorker: WebhookWorker | undefined;
  /** Drains the app (in-flight requests finish), then closes the store. Safe to call twice. */
  close(): Promise<void>;
}

/** What tests (and benchmarks) may set beyond Config. */
export interface MusterOptions {
  readonly clock?: Clock;
  /** Webhook worker settings beyond Config (poll interval, retry schedule, fetch). */
  readonly webhookWorker?: Partial<Omit<WebhookWorkerDeps, 'store' | 'clock' | 'ids'>>;
  readonly provisioningLog?: {
    readonly writer?: ProvisioningLogWriterOptions;
    readonly pruner?: ProvisioningLogPrunerOptions;
  };
  /** The built admin console to serve at `/`; default web/dist of this package. */
  readonly consoleDir?: string;
  /** How long verified API keys and SCIM tokens are trusted without a database read; default 1 s. */
  readonly credentialCacheMs?: number;
}

/** Opens (and migrates) the configured database. */
export async function openStore(database: DatabaseConfig): Promise<Store> {
  switch (database.kind) {
    case 'sqlite':
      return createSqliteStore({ filename: database.filename });
    case 'postgres': {
      // Loaded on demand, like the SQLite drivers: a process never loads the driver it does not use.
      const { createPostgresStore } = await import('./store/postgres/create-postgres-store.js');
      return createPostgresStore({
        connectionString: database.url,
        poolSize: database.poolSize,
        statementTimeoutMs: database.statementTimeoutMs,
        ssl: database.ssl,
      });
    }
  }
}

export async function createMuster(config: Config, options: MusterOptions = {}): Promise<Muster> {
  const database = await openStore(config.database);
  // Every use case that changes users, teams, memberships or keys gets this store: its transactions invalidate the
  // verified-key cache before their callers answer. The webhook worker and the log writer change none of that.
  const verifyCache = new ApiKeyVerifyCache<CachedVerification>(undefined, options.credentialCacheMs);
  const store = invalidatingCache(database, verifyCache);
  const clock = options.clock ?? systemClock;
  const ids = uuidV7Ids;
  const authCache = new ScimTokenAuthCache(undefined, options.credentialCacheMs);
  const tokenDeps: ScimTokenDeps = { store, clock, ids, authCache };
  let app: FastifyInstance | undefined;
  try {
    // Changes made by the other processes on the database (PostgreSQL: LISTEN/NOTIFY) drop what both caches hold.
    await database.cacheInvalidation.subscribe(() => {
      verifyCache.invalidate();
      authCache.clear();
    });
    const defaultOrganization = await ensureOrganization(store, clock, ids, DEFAULT_ORG_SLUG);
    const serviceDeps = { store, clock, ids };
    const sessionPolicy = {
      absoluteMs: config.adminSessions.absoluteHours * 3_600_000,
      idleMs: config.adminSessions.idleMinutes * 60_000,
    };
    const ssoUrls = { allowLocal: config.ssoAllowLocalIdp };
    const verifyDeps = { ...serviceDeps, verifyCache };
    const deps: AppDeps = {
      scim: { users: createUsersService(serviceDeps), groups: createGroupsService(serviceDeps) },
      authenticateScimToken: (token) => authenticateScimToken(tokenDeps, token),
      verifyApiKey: (key) => verifyApiKey(verifyDeps, key),
      publicUrl: config.publicUrl,
      checkReady: () => store.ping(),
      logLevel: config.logLevel,
      limits: config.scim,
      createProvisioningLogWriter: (log) =>
        createProvisioningLogWriter({
          store: database,
          clock,
          ids,
          log,
          readBodies: config.provisioningLog.readBodies,
          ...options.provisioningLog?.writer,
        }),
      consoleDir: options.consoleDir ?? DEFAULT_CONSOLE_DIR,
      admin: createAdminServices({
        store,
        clock,
        ids,
        scimTokens: tokenDeps,
        adminSessions: sessionPolicy,
        ssoUrls,
      }),
      sso: createSsoFlow({
        store,
        clock,
        ids,
        policy: sessionPolicy,
        publicUrl: config.publicUrl,
        urls: ssoUrls,
        oidc: createOidcLogin(),
      }),
    };
    // Loaded here, not at the top: the CLI's token commands import this module and need no HTTP stack.
    const { buildApp } = await import('./http/build-app.js');
    const built = buildApp(deps);
    app = built;
    await built.ready();
    // Always started: with the log's retention `off` it still deletes ended console sessions and setup tokens.
    const pruner = startProvisioningLogPruner({
      store: database,
      clock,
      retentionDays: config.provisioningLog.retentionDays,
      adminSessionIdleMs: config.adminSessions.idleMinutes * 60_000,
      log: built.log,
      ...options.provisioningLog?.pruner,
    });
    // Webhooks are sent only by this background worker, never while a request is being answered.
    const webhookWorker = config.webhooks.worker
      ? createWebhookWorker({
          store: database,
          clock,
          ids,
          timeoutMs: config.webhooks.timeoutMs,
          onError: (error) => {
            // Through an outage every pass fails alike (the worker backs off): its cause in one line, no stack.
            if (isStoreUnavailableError(error)) {
              built.log.warn({ reason: error.message }, 'webhook worker: database unavailable; backing off');
            } else {
              built.log.error({ err: error }, 'webhook worker pass failed');
            }
          },
          ...options.webhookWorker,
        })
      : undefined;
    webhookWorker?.start();
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        try {
          // Side by side: a worker waiting on a slow receiver must not hold up draining the HTTP requests.
          // Closing the app also writes the provisioning log entries still buffered.
          await Promise.all([webhookWorker?.stop(), pruner.stop(), built.close()]);
        } finally {
          await store.close();
        }
      })();
      return closing;
    };
    return { config, app: built, store, tokenDeps, defaultOrganization, webhookWorker, close };
  } catch (error) {
    await app?.close();
    await store.close();
    throw error;
  }
}
