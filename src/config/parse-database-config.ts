// DATABASE_URL and the PostgreSQL settings next to it. A PostgreSQL URL may carry a password, so no problem message
// ever echoes it.
import { readFileSync } from 'node:fs';
import { fail, ok, parseInteger, read, type Env, type Parsed } from './parse-setting.js';

export interface SqliteDatabaseConfig {
  readonly kind: 'sqlite';
  /** File path as given (relative paths are relative to the working directory), or ':memory:'. */
  readonly filename: string;
}

/** libpq's sslmode names; `prefer` and `allow` (fall back to plain TCP) are refused. */
export const POSTGRES_SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;

export interface PostgresSslConfig {
  readonly mode: (typeof POSTGRES_SSL_MODES)[number];
  /** PEM text of DATABASE_SSL_CA; without it verify-ca/verify-full trust Node's built-in CA list. */
  readonly ca?: string;
}

export interface PostgresDatabaseConfig {
  readonly kind: 'postgres';
  /** DATABASE_URL without its TLS parameters (`ssl` carries them). Holds the password: never log it. */
  readonly url: string;
  readonly poolSize: number;
  /** 0: no limit. */
  readonly statementTimeoutMs: number;
  readonly ssl: PostgresSslConfig;
}

export type DatabaseConfig = SqliteDatabaseConfig | PostgresDatabaseConfig;

export interface ParsedDatabase {
  readonly value: DatabaseConfig | undefined;
  readonly problems: readonly string[];
}

export const DATABASE_DEFAULTS = {
  DATABASE_POOL_SIZE: 10,
  DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
} as const;

/** TLS parameters node-postgres would read from the URL with meanings of its own; sslmode is read here instead. */
const TLS_PARAMETERS = [
  'ssl',
  'sslcert',
  'sslkey',
  'sslrootcert',
  'sslpassword',
  'sslcrl',
  'sslnegotiation',
  'uselibpqcompat',
];

function parseSqliteUrl(url: string): Parsed<DatabaseConfig> {
  const shown = JSON.stringify(url);
  if (!url.startsWith('sqlite:')) {
    return fail(`DATABASE_URL must be sqlite:<path>, sqlite::memory: or postgres://… (got ${shown})`);
  }
  const filename = url.slice('sqlite:'.length);
  if (filename === '') return fail(`DATABASE_URL has no file path after "sqlite:" (got ${shown})`);
  // `sqlite://x` reads as a host name in other tools' URL conventions; refuse it rather than guess.
  if (filename.startsWith('//')) {
    return fail(
      `DATABASE_URL must be sqlite:./relative.db or sqlite:/absolute.db, not sqlite://… (got ${shown})`,
    );
  }
  return ok({ kind: 'sqlite', filename });
}

function readCa(path: string): Parsed<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    return fail(`DATABASE_SSL_CA: cannot read ${JSON.stringify(path)} (${reason})`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    return fail(
      `DATABASE_SSL_CA: ${JSON.stringify(path)} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    );
  }
  return ok(text);
}

/**
 * sslmode from the URL, DATABASE_SSL_CA from the environment. A CA file makes verification the default: no sslmode
 * means verify-full, and `require` behaves as verify-ca (as in libpq).
 */
function parseSsl(sslmode: string | null, caPath: string | undefined): Parsed<PostgresSslConfig> {
  const mode = POSTGRES_SSL_MODES.find((m) => m === sslmode?.toLowerCase());
  if (sslmode !== null && mode === undefined) {
    const fallback = ['prefer', 'allow'].includes(sslmode.toLowerCase())
      ? ' (Muster never falls back to an unencrypted connection)'
      : '';
    return fail(
      `DATABASE_URL: sslmode must be one of ${POSTGRES_SSL_MODES.join(', ')}${fallback} (got ${JSON.stringify(sslmode)})`,
    );
  }
  if (caPath === undefined) return ok({ mode: mode ?? 'disable' });
  if (mode === 'disable') return fail('DATABASE_SSL_CA is set, but DATABASE_URL says sslmode=disable');
  const ca = readCa(caPath);
  if (!ca.ok) return ca;
  const verified = mode === undefined ? 'verify-full' : mode === 'require' ? 'verify-ca' : mode;
  return ok({ mode: verified, ca: ca.value });
}

function parsePostgresUrl(raw: string, env: Env): ParsedDatabase {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      value: undefined,
      problems: ['DATABASE_URL is not a valid postgres://user:password@host:port/database URL'],
    };
  }
  const problems: string[] = [];
  const take = <T>(parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    problems.push(parsed.problem);
    return undefined;
  };
  for (const name of TLS_PARAMETERS) {
    if (url.searchParams.has(name)) {
      problems.push(
        `DATABASE_URL: the ${name} parameter is not supported; set TLS with sslmode (${POSTGRES_SSL_MODES.join(', ')}) and DATABASE_SSL_CA`,
      );
    }
  }
  const ssl = take(parseSsl(url.searchParams.get('sslmode'), read(env, 'DATABASE_SSL_CA')));
  url.searchParams.delete('sslmode');
  const size = 'DATABASE_POOL_SIZE';
  const poolSize = take(parseInteger(size, read(env, size), DATABASE_DEFAULTS[size], 1, 1000));
  const timeout = 'DATABASE_STATEMENT_TIMEOUT_MS';
  // Up to a day; 0 turns the limit off.
  const statementTimeoutMs = take(
    parseInteger(timeout, read(env, timeout), DATABASE_DEFAULTS[timeout], 0, 86_400_000),
  );
  if (
    ssl === undefined ||
    poolSize === undefined ||
    statementTimeoutMs === undefined ||
    problems.length > 0
  ) {
    return { value: undefined, problems };
  }
  return { value: { kind: 'postgres', url: url.toString(), poolSize, statementTimeoutMs, ssl }, problems };
}

/** `url` is DATABASE_URL (or its default); the PostgreSQL settings are read only for a postgres URL. */
export function parseDatabaseConfig(env: Env, url: string): ParsedDatabase {
  if (/^postgres(ql)?:/i.test(url)) {
    if (/^postgres(ql)?:\/\//i.test(url)) return parsePostgresUrl(url, env);
    return { value: undefined, problems: ['DATABASE_URL must be postgres://… or postgresql://…'] };
  }
  const sqlite = parseSqliteUrl(url);
  return sqlite.ok ? { value: sqlite.value, problems: [] } : { value: undefined, problems: [sqlite.problem] };
}
