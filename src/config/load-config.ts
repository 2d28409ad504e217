// The only reader of the environment's settings: every setting is parsed and checked here, once, at start-up.
// docs/configuration.md documents each one; keep the two in step.
import { parseDatabaseConfig, type DatabaseConfig } from './parse-database-config.js';
import { fail, ok, parseInteger, read, type Env, type Parsed } from './parse-setting.js';

export type {
  DatabaseConfig,
  PostgresDatabaseConfig,
  PostgresSslConfig,
  SqliteDatabaseConfig,
} from './parse-database-config.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ScimLimits {
  readonly maxResults: number;
  readonly maxBulkOperations: number;
  readonly maxPayloadBytes: number;
}

export interface ProvisioningLogConfig {
  /** Entries older than this many days are deleted; null keeps them forever. */
  readonly retentionDays: number | null;
  /** Keep the response bodies of successful reads (GET, POST …/.search); writes and errors always keep theirs. */
  readonly readBodies: boolean;
}

export interface WebhooksConfig {
  /** Run the webhook delivery worker in this process. */
  readonly worker: boolean;
  /** How long one delivery attempt may take. */
  readonly timeoutMs: number;
}

export interface AdminSessionsConfig {
  /** A console session ends this many hours after sign-in, however it is used. */
  readonly absoluteHours: number;
  /** A console session ends after this many minutes without a request. */
  readonly idleMinutes: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** DATABASE_URL as given; a PostgreSQL URL may hold a password, so never log it. */
  readonly databaseUrl: string;
  readonly database: DatabaseConfig;
  /** Public origin (optionally with a path prefix) without trailing slash; SCIM base = `${publicUrl}/scim/v2`. */
  readonly publicUrl: string;
  readonly logLevel: LogLevel;
  readonly scim: ScimLimits;
  readonly provisioningLog: ProvisioningLogConfig;
  readonly webhooks: WebhooksConfig;
  readonly adminSessions: AdminSessionsConfig;
  /** SSO_ALLOW_LOCAL_IDP: IdP URLs (issuer, metadata, Graph) may be http on loopback and resolve to private addresses. */
  readonly ssoAllowLocalIdp: boolean;
}

/** Every invalid setting at once, so a misconfigured deployment is fixed in one round. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export const DEFAULTS = {
  PORT: 8080,
  HOST: '127.0.0.1',
  DATABASE_URL: 'sqlite:./data/muster.db',
  LOG_LEVEL: 'info',
  SCIM_MAX_RESULTS: 1000,
  SCIM_MAX_BULK_OPERATIONS: 1000,
  SCIM_MAX_PAYLOAD_BYTES: 1_048_576,
  PROVISIONING_LOG_RETENTION_DAYS: 30,
  WEBHOOK_TIMEOUT_MS: 10_000,
  ADMIN_SESSION_HOURS: 12,
  ADMIN_SESSION_IDLE_MINUTES: 120,
} as const;

/** A hundred years: beyond that `off` says what is meant. */
const MAX_RETENTION_DAYS = 36_500;

function parseHost(raw: string | undefined): Parsed<string> {
  if (raw === undefined) return ok(DEFAULTS.HOST);
  if (/[\s/]/.test(raw)) {
    return fail(`HOST must be a host name or IP address to listen on (got ${JSON.stringify(raw)})`);
  }
  return ok(raw);
}

/** A wildcard listen address is no URL a client can use; point the default at the loopback name instead. */
function defaultPublicHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return 'localhost';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function parsePublicUrl(raw: string | undefined, host: string, port: number): Parsed<string> {
  const text = raw ?? `http://${defaultPublicHost(host)}:${port}`;
  const problem = `PUBLIC_URL must be an absolute http(s) URL without query, fragment or credentials (got ${JSON.stringify(text)})`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(problem);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(problem);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    return fail(problem);
  return ok(`${url.origin}${url.pathname}`.replace(/\/+$/, ''));
}

function parseLogLevel(raw: string | undefined): Parsed<LogLevel> {
  const value = (raw ?? DEFAULTS.LOG_LEVEL).toLowerCase();
  const level = LOG_LEVELS.find((l) => l === value);
  if (level === undefined) {
    return fail(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(raw)})`);
  }
  return ok(level);
}

/** `off` keeps entries forever; 0 is refused rather than read as either "keep nothing" or "keep everything". */
function parseRetentionDays(raw: string | undefined): Parsed<number | null> {
  if (raw?.toLowerCase() === 'off') return ok(null);
  const name = 'PROVISIONING_LOG_RETENTION_DAYS';
  const parsed = parseInteger(name, raw, DEFAULTS[name], 1, MAX_RETENTION_DAYS);
  return parsed.ok ? parsed : fail(`${parsed.problem}, or off to keep entries forever`);
}

function parseSwitch(name: string, raw: string | undefined, fallback: boolean): Parsed<boolean> {
  if (raw === undefined) return ok(fallback);
  const value = raw.toLowerCase();
  if (['on', 'true', '1'].includes(value)) return ok(true);
  if (['off', 'false', '0'].includes(value)) return ok(false);
  return fail(`${name} must be on or off (got ${JSON.stringify(raw)})`);
}

/** Parses and validates the settings; throws ConfigError listing every invalid one. The result is frozen. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const take = <T>(parsed: Parsed<T>, fallback: T): T => {
    if (parsed.ok) return parsed.value;
    problems.push(parsed.problem);
    return fallback;
  };

  const port = take(parseInteger('PORT', read(env, 'PORT'), DEFAULTS.PORT, 1, 65_535), DEFAULTS.PORT);
  const host = take(parseHost(read(env, 'HOST')), DEFAULTS.HOST);
  const databaseUrl = read(env, 'DATABASE_URL') ?? DEFAULTS.DATABASE_URL;
  const parsedDatabase = parseDatabaseConfig(env, databaseUrl);
  problems.push(...parsedDatabase.problems);
  const database: DatabaseConfig = parsedDatabase.value ?? { kind: 'sqlite', filename: ':memory:' };
  const publicUrl = take(parsePublicUrl(read(env, 'PUBLIC_URL'), host, port), '');
  const logLevel = take(parseLogLevel(read(env, 'LOG_LEVEL')), DEFAULTS.LOG_LEVEL);
  const limit = (name: keyof typeof DEFAULTS & `SCIM_${string}`, min: number, max: number): number =>
    take(parseInteger(name, read(env, name), DEFAULTS[name], min, max), DEFAULTS[name]);
  const scim: ScimLimits = {
    maxResults: limit('SCIM_MAX_RESULTS', 1, 1_000_000),
    maxBulkOperations: limit('SCIM_MAX_BULK_OPERATIONS', 1, 1_000_000),
    // Below 1 KiB not even a single User fits; above 100 MiB one request could exhaust memory.
    maxPayloadBytes: limit('SCIM_MAX_PAYLOAD_BYTES', 1024, 100 * 1024 * 1024),
  };

  const provisioningLog: ProvisioningLogConfig = {
    retentionDays: take(
      parseRetentionDays(read(env, 'PROVISIONING_LOG_RETENTION_DAYS')),
      DEFAULTS.PROVISIONING_LOG_RETENTION_DAYS,
    ),
    readBodies: take(
      parseSwitch('PROVISIONING_LOG_READ_BODIES', read(env, 'PROVISIONING_LOG_READ_BODIES'), false),
      false,
    ),
  };

  const webhooks: WebhooksConfig = {
    worker: take(parseSwitch('WEBHOOK_WORKER', read(env, 'WEBHOOK_WORKER'), true), true),
    // Below 100 ms hardly any receiver answers; above 5 minutes one stuck receiver holds a delivery slot too long.
    timeoutMs: take(
      parseInteger(
        'WEBHOOK_TIMEOUT_MS',
        read(env, 'WEBHOOK_TIMEOUT_MS'),
        DEFAULTS.WEBHOOK_TIMEOUT_MS,
        100,
        300_000,
      ),
      DEFAULTS.WEBHOOK_TIMEOUT_MS,
    ),
  };

  const setting = (name: 'ADMIN_SESSION_HOURS' | 'ADMIN_SESSION_IDLE_MINUTES', max: number): number =>
    take(parseInteger(name, read(env, name), DEFAULTS[name], 1, max), DEFAULTS[name]);
  const adminSessions: AdminSessionsConfig = {
    // Up to 30 days of sign-in; idle up to 7 days.
    absoluteHours: setting('ADMIN_SESSION_HOURS', 720),
    idleMinutes: setting('ADMIN_SESSION_IDLE_MINUTES', 10_080),
  };

  // Off in production: an organization's admin must not make this server fetch from its own machine or network.
  const ssoAllowLocalIdp = take(
    parseSwitch('SSO_ALLOW_LOCAL_IDP', read(env, 'SSO_ALLOW_LOCAL_IDP'), false),
    false,
  );

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port,
    host,
    databaseUrl,
    database: Object.freeze(
      database.kind === 'postgres' ? { ...database, ssl: Object.freeze(database.ssl) } : database,
    ),
    publicUrl,
    logLevel,
    scim: Object.freeze(scim),
    provisioningLog: Object.freeze(provisioningLog),
    webhooks: Object.freeze(webhooks),
    adminSessions: Object.freeze(adminSessions),
    ssoAllowLocalIdp,
  });
}
