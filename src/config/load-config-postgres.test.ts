// loadConfig with a PostgreSQL DATABASE_URL: pool and timeout settings, TLS from sslmode and DATABASE_SSL_CA.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'muster-config-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const caFile = join(dir, 'ca.pem');
writeFileSync(caFile, PEM);
const notPem = join(dir, 'not.pem');
writeFileSync(notPem, 'hello');

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: PostgreSQL', () => {
  it.each(['postgres', 'postgresql', 'POSTGRES'])('reads a %s:// URL with the defaults', (scheme) => {
    const url = `${scheme}://muster:pw@db.internal:5433/muster`;
    const config = loadConfig({ DATABASE_URL: url });
    expect(config.databaseUrl).toBe(url);
    expect(config.database).toEqual({
      kind: 'postgres',
      url: `${scheme.toLowerCase()}://muster:pw@db.internal:5433/muster`,
      poolSize: 10,
      statementTimeoutMs: 30_000,
      ssl: { mode: 'disable' },
    });
    expect(Object.isFrozen(config.database)).toBe(true);
  });

  it('reads the pool size and the statement timeout (0 = no limit)', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://db/muster',
      DATABASE_POOL_SIZE: '25',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
    });
    expect(config.database).toMatchObject({ poolSize: 25, statementTimeoutMs: 0 });
  });

  it('ignores the PostgreSQL settings with SQLite', () => {
    const config = loadConfig({
      DATABASE_URL: 'sqlite::memory:',
      DATABASE_POOL_SIZE: 'many',
      DATABASE_SSL_CA: '/no/such/file',
    });
    expect(config.database).toEqual({ kind: 'sqlite', filename: ':memory:' });
  });

  it.each([
    ['disable', 'disable'],
    ['require', 'require'],
    ['verify-ca', 'verify-ca'],
    ['VERIFY-FULL', 'verify-full'],
  ])('takes sslmode=%s out of the URL as ssl.mode %s', (sslmode, mode) => {
    const { database } = loadConfig({
      DATABASE_URL: `postgres://u:p@db/muster?application_name=x&sslmode=${sslmode}`,
    });
    expect(database).toMatchObject({
      url: 'postgres://u:p@db/muster?application_name=x',
      ssl: { mode },
    });
  });

  it.each([
    [undefined, 'verify-full'],
    ['require', 'verify-ca'],
    ['verify-ca', 'verify-ca'],
    ['verify-full', 'verify-full'],
  ])('with DATABASE_SSL_CA and sslmode=%s verifies as %s, trusting that CA', (sslmode, mode) => {
    const query = sslmode === undefined ? '' : `?sslmode=${sslmode}`;
    const { database } = loadConfig({ DATABASE_URL: `postgres://db/m${query}`, DATABASE_SSL_CA: caFile });
    expect(database).toMatchObject({ ssl: { mode, ca: PEM } });
  });

  it.each([
    [{ DATABASE_POOL_SIZE: '0' }, /^DATABASE_POOL_SIZE must be an integer from 1 to 1000 \(got "0"\)$/],
    [{ DATABASE_POOL_SIZE: 'ten' }, /^DATABASE_POOL_SIZE must be an integer/],
    [
      { DATABASE_STATEMENT_TIMEOUT_MS: '-1' },
      /^DATABASE_STATEMENT_TIMEOUT_MS must be an integer from 0 to 86400000/,
    ],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: '30s' }, /^DATABASE_STATEMENT_TIMEOUT_MS must be an integer/],
    [{ DATABASE_URL: 'postgres://db/m?sslmode=prefer' }, /never falls back to an unencrypted connection/],
    [{ DATABASE_URL: 'postgres://db/m?sslmode=allow' }, /never falls back/],
    [
      { DATABASE_URL: 'postgres://db/m?sslmode=on' },
      /^DATABASE_URL: sslmode must be one of disable, require/,
    ],
    [{ DATABASE_URL: 'postgres://db/m?ssl=true' }, /^DATABASE_URL: the ssl parameter is not supported/],
    [
      { DATABASE_URL: 'postgres://db/m?sslrootcert=/ca.pem' },
      /sslrootcert parameter is not supported.*DATABASE_SSL_CA/,
    ],
    [{ DATABASE_URL: 'postgres://db/m?sslcert=/c.pem' }, /sslcert parameter is not supported/],
    [{ DATABASE_URL: 'postgres://db:99999/m' }, /^DATABASE_URL is not a valid postgres:\/\//],
    [
      { DATABASE_SSL_CA: '/no/such/ca.pem' },
      /^DATABASE_SSL_CA: cannot read "\/no\/such\/ca.pem" \(ENOENT\)$/,
    ],
    [{ DATABASE_SSL_CA: notPem }, /^DATABASE_SSL_CA: .* holds no PEM certificate/],
    [
      { DATABASE_URL: 'postgres://db/m?sslmode=disable', DATABASE_SSL_CA: caFile },
      /^DATABASE_SSL_CA is set, but DATABASE_URL says sslmode=disable$/,
    ],
  ])('rejects %j', (env, message) => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://db/m', ...env });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('lists every invalid PostgreSQL setting in one error', () => {
    const problems = problemsOf({
      DATABASE_URL: 'postgres://db/m?sslmode=prefer',
      DATABASE_POOL_SIZE: '0',
      DATABASE_STATEMENT_TIMEOUT_MS: 'x',
    });
    expect(problems.map((p) => p.split(/[ :]/)[0])).toEqual([
      'DATABASE_URL',
      'DATABASE_POOL_SIZE',
      'DATABASE_STATEMENT_TIMEOUT_MS',
    ]);
  });
});
