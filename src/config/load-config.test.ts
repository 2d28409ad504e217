import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:./data/muster.db',
      database: { kind: 'sqlite', filename: './data/muster.db' },
      publicUrl: 'http://127.0.0.1:8080',
      logLevel: 'info',
      scim: { maxResults: 1000, maxBulkOperations: 1000, maxPayloadBytes: 1_048_576 },
      provisioningLog: { retentionDays: 30, readBodies: false },
      webhooks: { worker: true, timeoutMs: 10_000 },
      adminSessions: { absoluteHours: 12, idleMinutes: 120 },
      ssoAllowLocalIdp: false,
    });
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.scim)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
    expect(Object.isFrozen(config.provisioningLog)).toBe(true);
    expect(Object.isFrozen(config.webhooks)).toBe(true);
    expect(Object.isFrozen(config.adminSessions)).toBe(true);
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'sqlite:/var/lib/muster/m.db',
      PUBLIC_URL: 'https://muster.example.com/',
      LOG_LEVEL: 'DEBUG',
      SCIM_MAX_RESULTS: '200',
      SCIM_MAX_BULK_OPERATIONS: '50',
      SCIM_MAX_PAYLOAD_BYTES: '2048',
      PROVISIONING_LOG_RETENTION_DAYS: '7',
      PROVISIONING_LOG_READ_BODIES: 'on',
      WEBHOOK_WORKER: 'off',
      WEBHOOK_TIMEOUT_MS: '2500',
      ADMIN_SESSION_HOURS: '8',
      ADMIN_SESSION_IDLE_MINUTES: '30',
      SSO_ALLOW_LOCAL_IDP: 'on',
    });
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'sqlite:/var/lib/muster/m.db',
      database: { kind: 'sqlite', filename: '/var/lib/muster/m.db' },
      publicUrl: 'https://muster.example.com',
      logLevel: 'debug',
      scim: { maxResults: 200, maxBulkOperations: 50, maxPayloadBytes: 2048 },
      provisioningLog: { retentionDays: 7, readBodies: true },
      webhooks: { worker: false, timeoutMs: 2500 },
      adminSessions: { absoluteHours: 8, idleMinutes: 30 },
      ssoAllowLocalIdp: true,
    });
  });

  it.each([
    [{}, 'http://127.0.0.1:8080'],
    [{ PORT: '3000' }, 'http://127.0.0.1:3000'],
    [{ HOST: 'muster.internal' }, 'http://muster.internal:8080'],
    [{ HOST: '0.0.0.0' }, 'http://localhost:8080'],
    [{ HOST: '::' }, 'http://localhost:8080'],
    [{ HOST: '::1' }, 'http://[::1]:8080'],
    [{ PUBLIC_URL: 'https://id.example.com//' }, 'https://id.example.com'],
    [{ PUBLIC_URL: 'https://example.com/muster/' }, 'https://example.com/muster'],
    [{ PUBLIC_URL: 'HTTPS://Example.COM:443' }, 'https://example.com'],
    [{ PUBLIC_URL: 'http://muster.test' }, 'http://muster.test'],
  ])('derives PUBLIC_URL from %j as %s', (env, expected) => {
    expect(loadConfig(env).publicUrl).toBe(expected);
  });

  it.each([
    ['sqlite::memory:', ':memory:'],
    ['sqlite:m.db', 'm.db'],
    ['sqlite:./data/x.db', './data/x.db'],
    ['sqlite:/abs/path.db', '/abs/path.db'],
  ])('parses DATABASE_URL %s', (url, filename) => {
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'sqlite', filename });
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '  ', LOG_LEVEL: '' })).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'info',
    });
  });

  it.each([
    ['PORT', 'abc', /^PORT must be an integer from 1 to 65535 \(got "abc"\)$/],
    ['PORT', '0', /^PORT must be an integer from 1 to 65535/],
    ['PORT', '65536', /^PORT must be an integer/],
    ['PORT', '80.5', /^PORT must be an integer/],
    ['PORT', '-1', /^PORT must be an integer/],
    ['HOST', 'http://x', /^HOST must be a host name/],
    ['DATABASE_URL', 'postgres://u@db/muster?sslmode=prefer', /^DATABASE_URL: sslmode must be one of/],
    ['DATABASE_URL', 'postgres:u@db/muster', /^DATABASE_URL must be postgres:\/\/… or postgresql:\/\/…$/],
    ['DATABASE_URL', 'mysql://db', /^DATABASE_URL must be sqlite:<path>, sqlite::memory: or postgres:\/\//],
    ['DATABASE_URL', './m.db', /^DATABASE_URL must be sqlite:<path>/],
    ['DATABASE_URL', 'sqlite:', /no file path/],
    ['DATABASE_URL', 'sqlite:///abs.db', /not sqlite:\/\//],
    ['PUBLIC_URL', 'muster.example.com', /^PUBLIC_URL must be an absolute http\(s\) URL/],
    ['PUBLIC_URL', 'ftp://example.com', /^PUBLIC_URL must be/],
    ['PUBLIC_URL', 'https://example.com/?a=1', /^PUBLIC_URL must be/],
    ['PUBLIC_URL', 'https://example.com/#x', /^PUBLIC_URL must be/],
    ['PUBLIC_URL', 'https://user:pw@example.com', /^PUBLIC_URL must be/],
    ['LOG_LEVEL', 'verbose', /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    ['SCIM_MAX_RESULTS', '0', /^SCIM_MAX_RESULTS must be an integer from 1 to/],
    ['SCIM_MAX_RESULTS', 'lots', /^SCIM_MAX_RESULTS must be an integer/],
    ['SCIM_MAX_BULK_OPERATIONS', '0', /^SCIM_MAX_BULK_OPERATIONS must be an integer from 1/],
    ['SCIM_MAX_PAYLOAD_BYTES', '100', /^SCIM_MAX_PAYLOAD_BYTES must be an integer from 1024 to/],
    ['SCIM_MAX_PAYLOAD_BYTES', '1e6', /^SCIM_MAX_PAYLOAD_BYTES must be an integer/],
    ['PROVISIONING_LOG_RETENTION_DAYS', '0', /^PROVISIONING_LOG_RETENTION_DAYS must be .*, or off to keep/],
    ['PROVISIONING_LOG_RETENTION_DAYS', 'never', /^PROVISIONING_LOG_RETENTION_DAYS must be an integer/],
    ['PROVISIONING_LOG_RETENTION_DAYS', '36501', /^PROVISIONING_LOG_RETENTION_DAYS must be an integer/],
    ['WEBHOOK_WORKER', 'maybe', /^WEBHOOK_WORKER must be on or off/],
    ['PROVISIONING_LOG_READ_BODIES', 'sometimes', /^PROVISIONING_LOG_READ_BODIES must be on or off/],
    ['SSO_ALLOW_LOCAL_IDP', 'yes please', /^SSO_ALLOW_LOCAL_IDP must be on or off/],
    ['WEBHOOK_TIMEOUT_MS', '99', /^WEBHOOK_TIMEOUT_MS must be an integer from 100 to 300000/],
    ['WEBHOOK_TIMEOUT_MS', '10s', /^WEBHOOK_TIMEOUT_MS must be an integer/],
    ['ADMIN_SESSION_HOURS', '0', /^ADMIN_SESSION_HOURS must be an integer from 1 to 720/],
    ['ADMIN_SESSION_HOURS', '721', /^ADMIN_SESSION_HOURS must be an integer/],
    ['ADMIN_SESSION_IDLE_MINUTES', '0', /^ADMIN_SESSION_IDLE_MINUTES must be an integer from 1 to 10080/],
  ])('rejects %s=%s', (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    ['off', null],
    ['OFF', null],
    ['1', 1],
    ['365', 365],
  ])('reads PROVISIONING_LOG_RETENTION_DAYS=%s as %j', (value, retentionDays) => {
    expect(loadConfig({ PROVISIONING_LOG_RETENTION_DAYS: value }).provisioningLog.retentionDays).toBe(
      retentionDays,
    );
  });

  it.each([
    ['on', true],
    ['ON', true],
    ['true', true],
    ['1', true],
    ['off', false],
    ['false', false],
    ['0', false],
  ])('reads WEBHOOK_WORKER=%s as %j', (value, worker) => {
    expect(loadConfig({ WEBHOOK_WORKER: value }).webhooks.worker).toBe(worker);
  });

  it.each([
    'postgres://admin:s3cret@db/muster?sslmode=maybe',
    'postgres://admin:s3cret@db:99999/muster',
    'postgresql://admin:s3cret@db/muster?sslrootcert=/ca.pem',
    'postgres:admin:s3cret@db/muster',
  ])('does not echo a postgres URL, which may hold a password: %s', (url) => {
    const problems = problemsOf({ DATABASE_URL: url, DATABASE_POOL_SIZE: 'many' });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('lists every invalid setting in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud', PUBLIC_URL: 'nope', SCIM_MAX_RESULTS: '-5' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { message, problems } = error as ConfigError;
    expect(problems).toHaveLength(4);
    expect(message.split('\n')[0]).toBe('Invalid configuration:');
    for (const name of ['PORT', 'LOG_LEVEL', 'PUBLIC_URL', 'SCIM_MAX_RESULTS']) {
      expect(message).toContain(`  - ${name} `);
    }
  });
});
