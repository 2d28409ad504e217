// `muster scim-token …` end to end: a child process on a SQLite file (and once on PostgreSQL), checked through the CLI
// and the store.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateScimToken } from '../../src/domain/scim-tokens.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { createPostgresTestSchema } from '../support/postgres-test-database.js';
import { musterEnv, runMuster } from './run-muster.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'muster-cli-'));
  env = musterEnv({ DATABASE_URL: `sqlite:${dir}/m.db`, PUBLIC_URL: 'https://muster.example.com/' });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const TOKEN = /^msk_[A-Za-z0-9_-]{43}$/;

async function authenticate(token: string) {
  const store = await createSqliteStore({ filename: join(dir, 'm.db') });
  try {
    return await authenticateScimToken({ store, clock: { now: () => new Date() } }, token);
  } finally {
    await store.close();
  }
}

async function createJson(...extra: string[]) {
  const run = await runMuster(['scim-token', 'create', '--name', 'okta', '--json', ...extra], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { id: string; token: string; scimUrl: string; org: string };
}

interface ListedToken {
  id: string;
  name: string;
  org: string;
  prefix: string;
  revokedAt: string | null;
  expiresAt: string | null;
}

async function listJson(...extra: string[]): Promise<ListedToken[]> {
  const run = await runMuster(['scim-token', 'list', '--json', ...extra], env);
  expect(run.status).toBe(0);
  expect(run.lines).toHaveLength(1);
  return JSON.parse(run.stdout) as ListedToken[];
}

describe('muster scim-token create', () => {
  it('explains, then prints the token alone on the last line; the token works and is not in the database', async () => {
    const run = await runMuster(['scim-token', 'create', '--name', 'Okta production'], env);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const token = run.lines.at(-1)!;
    expect(token).toMatch(TOKEN);
    expect(run.lines.length).toBeGreaterThan(1);
    const explanation = run.lines.slice(0, -1).join('\n');
    expect(explanation).toContain('https://muster.example.com/scim/v2');
    expect(explanation).toContain('"default"');
    expect(explanation).not.toContain(token);

    expect(await authenticate(token)).toMatchObject({ orgSlug: 'default' });
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file)).includes(token), file).toBe(false);
    }
  });

  it('--json prints exactly one JSON line with id, token, scimUrl and org', async () => {
    const run = await runMuster(['scim-token', 'create', '--name', 'entra', '--org', 'acme', '--json'], env);
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(1);
    const body = JSON.parse(run.lines[0]!) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['id', 'org', 'scimUrl', 'token']);
    expect(body).toMatchObject({ org: 'acme', scimUrl: 'https://muster.example.com/scim/v2' });
    expect(body['token']).toMatch(TOKEN);
    expect(await authenticate(body['token'] as string)).toMatchObject({
      orgSlug: 'acme',
      tokenId: body['id'],
    });
  });

  it('--expires-in sets the expiry that list shows', async () => {
    const before = Date.now();
    const { id } = await createJson('--expires-in', '7');
    const [listed] = await listJson();
    expect(listed?.id).toBe(id);
    const expires = Date.parse(listed!.expiresAt!);
    expect(expires - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it('an invalid organization slug is explained without a stack trace (exit 1)', async () => {
    const run = await runMuster(['scim-token', 'create', '--name', 'x', '--org', 'Not A Slug'], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/organization slug "Not A Slug" is invalid/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('muster scim-token list', () => {
  it('shows id, name, org and prefix in a table, never the token', async () => {
    const { id, token } = await createJson();
    const run = await runMuster(['scim-token', 'list'], env);
    expect(run.status).toBe(0);
    expect(run.lines[0]).toMatch(/^ID\s+NAME\s+ORG\s+PREFIX\s+CREATED\s+LAST USED\s+EXPIRES\s+REVOKED$/);
    const row = run.lines.find((line) => line.startsWith(id));
    expect(row).toBeDefined();
    expect(row).toContain('okta');
    expect(row).toContain('default');
    expect(row).toContain(token.slice(0, 12));
    expect(run.stdout).not.toContain(token);
  });

  it('--org limits the list to one organization', async () => {
    await createJson();
    const acme = await createJson('--org', 'acme');
    const listed = await listJson('--org', 'acme');
    expect(listed.map((t) => t.id)).toEqual([acme.id]);
    expect((await listJson()).map((t) => t.org).sort()).toEqual(['acme', 'default']);
  });

  it('says so when there is no token yet', async () => {
    const run = await runMuster(['scim-token', 'list'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/No SCIM tokens yet/);
  });
});

describe('muster scim-token revoke', () => {
  it('revokes at once; a second revoke is harmless; an unknown id fails', async () => {
    const { id, token } = await createJson();
    const first = await runMuster(['scim-token', 'revoke', id], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Revoked SCIM token "okta"/);
    expect(await authenticate(token)).toBeUndefined();
    expect((await listJson())[0]?.revokedAt).toEqual(expect.any(String));

    const again = await runMuster(['scim-token', 'revoke', id], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already revoked/);

    const unknown = await runMuster(['scim-token', 'revoke', 'no-such-id'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/"no-such-id" does not exist/);
  });
});

// These never open the database, so they run side by side.
describe.concurrent('muster usage errors', () => {
  const USAGE_ENV = musterEnv({ DATABASE_URL: `sqlite:${join(tmpdir(), 'muster-cli-unused', 'm.db')}` });

  it.concurrent.each([
    [['scim-token', 'create'], /--name <name> is required/],
    [['scim-token', 'create', '--name', 'x', '--expires-in', 'soon'], /--expires-in must be a whole number/],
    [['scim-token', 'create', '--name', 'x', '--bogus'], /bogus/],
    [['scim-token', 'list', '--name', 'x'], /--name does not apply/],
    [['scim-token', 'rotate'], /unknown subcommand "rotate"/],
    [['scim-token'], /missing subcommand/],
    [[], /missing command/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j is a usage error: message and usage on stderr, exit 2', async (args, message) => {
    const run = await runMuster(args, USAGE_ENV);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage:');
  });
});

describe('muster configuration and help', () => {
  it('reports every invalid setting and exits 1 without a stack trace', async () => {
    const run = await runMuster(['scim-token', 'list'], { ...env, PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Invalid configuration:/);
    expect(run.stderr).toMatch(/PORT must be/);
    expect(run.stderr).toMatch(/LOG_LEVEL must be/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('creates and lists tokens in a PostgreSQL database', async () => {
    const schema = await createPostgresTestSchema();
    try {
      const pgEnv = { ...env, DATABASE_URL: schema.databaseUrl };
      const created = await runMuster(['scim-token', 'create', '--name', 'okta', '--json'], pgEnv);
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      const { id } = JSON.parse(created.stdout) as { id: string };
      const listed = await runMuster(['scim-token', 'list', '--json'], pgEnv);
      expect(listed.status).toBe(0);
      expect((JSON.parse(listed.stdout) as { id: string }[]).map((t) => t.id)).toEqual([id]);
    } finally {
      await schema.drop();
    }
  });

  it('says why a PostgreSQL database cannot be reached and exits 1 without a stack trace', async () => {
    const run = await runMuster(['scim-token', 'list'], {
      ...env,
      DATABASE_URL: 'postgres://muster:s3cret@127.0.0.1:1/muster',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ECONNREFUSED/);
    expect(run.stderr).not.toContain('s3cret');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const run = await runMuster(['--help'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: muster <command>');
    expect(run.stdout).toContain('scim-token create --name <name>');
  });
});
