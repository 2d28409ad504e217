// `muster migrate-store` on real data, both ways: a SQLite database written through the real app is copied to
// PostgreSQL, and that to a new SQLite file. On each copy the app shows through its SCIM and admin APIs exactly what it
// showed before, the credentials still work, a blocked key stays blocked and the event feed carries on. Passwords in the
// URLs never reach the output.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { Muster } from '../../src/compose.js';
import type { Clock } from '../../src/domain/ports.js';
import { createPostgresTestSchema } from '../support/postgres-test-database.js';
import { createTestApp } from '../support/test-app.js';
import {
  client,
  lastSequence,
  seedThroughApp,
  startMuster,
  viewThroughApis,
  type Seeded,
} from './migrate-store-fixture.js';
import { musterEnv, runMuster } from './run-muster.js';

const PASSWORD = 'Pa55-w0rd-never-shown';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'muster-migrate-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly status: number;
  readonly out: readonly string[];
  readonly err: readonly string[];
  /** stdout and stderr together. */
  readonly all: string;
}

async function migrateStore(...args: readonly string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(
    ['migrate-store', ...args],
    {},
    {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    },
  );
  return { status, out, err, all: [...out, ...err].join('\n') };
}

/** PostgreSQL accepts any password here (trust authentication), so the URL can carry one to hide. */
function withPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = PASSWORD;
  return parsed.toString();
}

async function withMuster<T>(url: string, clock: Clock, fn: (muster: Muster) => Promise<T>): Promise<T> {
  const muster = await startMuster(url, clock);
  try {
    return await fn(muster);
  } finally {
    await muster.close();
  }
}

/** On a copy: the keys verify as before, and a change gets the sequence number after the original's last. */
async function checkCarriesOn(muster: Muster, seeded: Seeded, userName: string): Promise<void> {
  const c = client(muster.app, seeded);
  expect((await c.verify(seeded.activeKey)).statusCode).toBe(200);
  expect((await c.verify(seeded.blockedKey)).statusCode).toBe(401);
  const last = await lastSequence(muster.app, seeded);
  const created = await c.scim('POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
  });
  expect(created.statusCode, created.body).toBe(201);
  const next = await c.admin('GET', `/events?after=${last}`);
  expect(next.json()).toMatchObject({
    items: [{ sequence: last + 1, type: 'user.created', resourceId: created.json().id }],
  });
}

function summaryRows(out: readonly string[]): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const line of out) {
    const match = /^([a-z_]+)\s+(\d+)\s+[0-9a-f]{32}$/.exec(line);
    if (match?.[1] !== undefined) rows[match[1]] = Number(match[2]);
  }
  return rows;
}

describe('muster migrate-store', () => {
  it('copies SQLite → PostgreSQL → SQLite and the app on each copy is the same to its clients', async () => {
    const original = `sqlite:${join(dir, 'muster.db')}`;
    const seeded = await seedThroughApp(original);
    // Standing still, the clock writes no last-used times: each view reads the same rows.
    const now = new Date();
    const clock: Clock = { now: () => now };
    const before = await withMuster(original, clock, (m) => viewThroughApis(m.app, seeded));

    const schema = await createPostgresTestSchema();
    try {
      const postgres = withPassword(schema.databaseUrl);
      const toPostgres = await migrateStore('--from', original, '--to', postgres, '--batch-size', '3');
      expect(toPostgres.status, toPostgres.all).toBe(0);
      expect(toPostgres.all).not.toContain(PASSWORD);
      expect(toPostgres.out[0]).toMatch(/^Copied sqlite:.*muster\.db to postgres:\/\/postgres:\*\*\*@/);
      expect(summaryRows(toPostgres.out)).toMatchObject({
        organizations: 2,
        users: 5,
        groups: 2,
        api_keys: 4,
      });
      expect(summaryRows(toPostgres.out)['webhook_attempts']).toBeGreaterThan(5);
      expect(toPostgres.err).toContain('muster: users: 5/5 rows copied');

      const onPostgres = await withMuster(postgres, clock, async (m) => {
        expect(m.config.database.kind).toBe('postgres');
        const view = await viewThroughApis(m.app, seeded);
        await checkCarriesOn(m, seeded, 'after-postgres@example.com');
        return view;
      });
      expect(onPostgres).toEqual(before);

      // Back again, from PostgreSQL as it is now (one user more) to a new file, with the real command.
      const postgresNow = await withMuster(postgres, clock, (m) => viewThroughApis(m.app, seeded));
      const copy = `sqlite:${join(dir, 'copy', 'muster.db')}`;
      const toSqlite = await runMuster(['migrate-store', '--from', postgres, '--to', copy], musterEnv({}));
      expect(toSqlite.status, toSqlite.stderr).toBe(0);
      expect(toSqlite.stdout + toSqlite.stderr).not.toContain(PASSWORD);
      expect(summaryRows(toSqlite.lines)).toMatchObject({ users: 6 });

      const onSqlite = await withMuster(copy, clock, async (m) => {
        expect(m.config.database.kind).toBe('sqlite');
        const view = await viewThroughApis(m.app, seeded);
        await checkCarriesOn(m, seeded, 'after-sqlite@example.com');
        return view;
      });
      expect(onSqlite).toEqual(postgresNow);
    } finally {
      await schema.drop();
    }
  });

  it('refuses a target that holds rows and leaves it as it was; --replace replaces them', async () => {
    const source = `sqlite:${join(dir, 'a.db')}`;
    const target = `sqlite:${join(dir, 'b.db')}`;
    for (const url of [source, target]) await (await createTestApp({ DATABASE_URL: url })).close();

    const refused = await migrateStore('--from', source, '--to', target);
    expect(refused.status).toBe(1);
    expect(refused.err.at(-1)).toMatch(
      /^muster: the target database is not empty \(organizations: 1, scim_tokens: 1, admin_keys: 1, .*\); .*--replace/,
    );
    expect(refused.out).toEqual([]);

    const replaced = await migrateStore('--from', source, '--to', target, '--replace');
    expect(replaced.status, replaced.all).toBe(0);
    expect(replaced.out).toContain('Deleted first: 5 rows the target held (--replace).');
    expect(summaryRows(replaced.out)).toMatchObject({ organizations: 1, scim_tokens: 1, admin_keys: 1 });
  });

  it('explains a URL it cannot use without showing the password', async () => {
    const source = `sqlite:${join(dir, 'a.db')}`;
    await (await createTestApp({ DATABASE_URL: source })).close();

    const mysql = await migrateStore('--from', source, '--to', `mysql://muster:${PASSWORD}@db/muster`);
    expect(mysql.status).toBe(2);
    expect(mysql.err[0]).toBe(
      'muster: --to must be sqlite:<path>, sqlite::memory: or postgres://… (got "mysql://muster:***@db/muster")',
    );
    const malformed = await migrateStore('--from', source, '--to', `postgres://u:${PASSWORD}@[db/x`);
    expect(malformed.status).toBe(2);
    expect(malformed.err[0]).toBe(
      'muster: --to is not a valid postgres://user:password@host:port/database URL',
    );
    const memory = await migrateStore('--from', source, '--to', 'sqlite::memory:');
    expect(memory.err[0]).toBe('muster: --to cannot be an in-memory database');
    const same = await migrateStore(
      '--from',
      source,
      '--to',
      `sqlite:${dir}/../${dir.split('/').at(-1)}/a.db`,
    );
    expect(same.err[0]).toBe('muster: --from and --to name the same database');
    for (const run of [mysql, malformed, memory, same]) {
      expect(run.status).toBe(2);
      expect(run.all).not.toContain(PASSWORD);
    }

    const unreachable = await migrateStore(
      '--from',
      source,
      '--to',
      `postgres://m:${PASSWORD}@127.0.0.1:1/m`,
    );
    expect(unreachable.status).toBe(1);
    expect(unreachable.err).toEqual([
      'muster: copying sqlite:' + join(dir, 'a.db') + ' to postgres://m:***@127.0.0.1:1/m',
      'muster: connect ECONNREFUSED 127.0.0.1:1 (ECONNREFUSED)',
    ]);
  });

  it('refuses a SQLite source that does not exist instead of copying an empty database', async () => {
    const missing = join(dir, 'typo.db');
    const run = await migrateStore('--from', `sqlite:${missing}`, '--to', `sqlite:${join(dir, 'b.db')}`);
    expect(run.status).toBe(1);
    expect(run.err).toEqual([`muster: --from: there is no SQLite database at ${JSON.stringify(missing)}`]);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'b.db'))).toBe(false);
  });

  it('checks its options', async () => {
    const missing = await migrateStore('--from', 'sqlite:a.db');
    expect([missing.status, missing.err[0]]).toEqual([2, 'muster: --to <database-url> is required']);
    const batch = await migrateStore('--from', 'sqlite:a.db', '--to', 'sqlite:b.db', '--batch-size', '5000');
    expect([batch.status, batch.err[0]]).toEqual([
      2,
      'muster: --batch-size must be an integer from 1 to 1000 (got "5000")',
    ]);
    const help = await migrateStore('--help');
    expect(help.status).toBe(0);
    expect(help.out[0]).toMatch(
      /^Usage:\n {2}muster migrate-store --from <database-url> --to <database-url>/,
    );
  });
});
