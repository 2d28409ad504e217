// `muster admin-key …` end to end: a child process on a SQLite file, checked through the CLI and the store.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateAdminKey } from '../../src/domain/admin-keys.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { musterEnv, runMuster } from './run-muster.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'muster-admin-key-'));
  env = musterEnv({ DATABASE_URL: `sqlite:${dir}/m.db`, PUBLIC_URL: 'https://muster.example.com/' });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const KEY = /^mak_[A-Za-z0-9_-]{43}$/;

/** The key's principal, with the organization's slug, as the admin API would see it. */
async function authenticate(key: string) {
  const store = await createSqliteStore({ filename: join(dir, 'm.db') });
  try {
    const principal = await authenticateAdminKey({ store, clock: { now: () => new Date() } }, key);
    if (principal === undefined) return undefined;
    const org = principal.orgId === null ? null : await store.organizations.findById(principal.orgId);
    return { ...principal, org: org === null ? null : (org?.slug ?? '?') };
  } finally {
    await store.close();
  }
}

interface CreatedJson {
  readonly id: string;
  readonly key: string;
  readonly apiUrl: string;
  readonly org: string | null;
}

async function createJson(...extra: string[]): Promise<CreatedJson> {
  const run = await runMuster(['admin-key', 'create', '--name', 'terraform', '--json', ...extra], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.lines).toHaveLength(1);
  return JSON.parse(run.stdout) as CreatedJson;
}

interface ListedKey {
  readonly id: string;
  readonly name: string;
  readonly org: string | null;
  readonly prefix: string;
  readonly revokedAt: string | null;
  readonly expiresAt: string | null;
}

async function listJson(): Promise<ListedKey[]> {
  const run = await runMuster(['admin-key', 'list', '--json'], env);
  expect(run.status).toBe(0);
  expect(run.lines).toHaveLength(1);
  return JSON.parse(run.stdout) as ListedKey[];
}

describe('muster admin-key create', () => {
  it('explains, then prints an instance-wide key alone on the last line; only its hash is stored', async () => {
    const run = await runMuster(['admin-key', 'create', '--name', 'Terraform'], env);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const key = run.lines.at(-1) ?? '';
    expect(key).toMatch(KEY);
    const explanation = run.lines.slice(0, -1).join('\n');
    expect(explanation).toContain('https://muster.example.com/api/v1');
    expect(explanation).toContain('every organization');
    expect(explanation).not.toContain(key);

    expect(await authenticate(key)).toMatchObject({ orgId: null, org: null });
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file)).includes(key), file).toBe(false);
    }
  });

  it('--org scopes the key to that organization, creating it; --json prints one JSON line', async () => {
    const created = await createJson('--org', 'acme', '--expires-in', '30');
    expect(Object.keys(created).sort()).toEqual(['apiUrl', 'id', 'key', 'org']);
    expect(created).toMatchObject({ org: 'acme', apiUrl: 'https://muster.example.com/api/v1' });
    expect(created.key).toMatch(KEY);
    expect(await authenticate(created.key)).toMatchObject({ keyId: created.id, org: 'acme' });
    const [listed] = await listJson();
    expect(Date.parse(listed?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it('an invalid organization slug is explained without a stack trace (exit 1)', async () => {
    const run = await runMuster(['admin-key', 'create', '--name', 'x', '--org', 'Not A Slug'], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/organization slug "Not A Slug" is invalid/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('muster admin-key list', () => {
  it('shows keys in a table, (all) for instance-wide ones, never the key', async () => {
    const wide = await createJson();
    const scoped = await createJson('--org', 'acme');
    const run = await runMuster(['admin-key', 'list'], env);
    expect(run.status).toBe(0);
    expect(run.lines[0]).toMatch(/^ID\s+NAME\s+ORG\s+PREFIX\s+CREATED\s+LAST USED\s+EXPIRES\s+REVOKED$/);
    expect(run.lines.find((l) => l.startsWith(wide.id))).toMatch(/terraform\s+\(all\)\s+mak_/);
    expect(run.lines.find((l) => l.startsWith(scoped.id))).toMatch(/terraform\s+acme\s+mak_/);
    expect(run.stdout).not.toContain(wide.key);
    expect((await listJson()).map((k) => k.org)).toEqual([null, 'acme']);
  });

  it('says so when there is no key yet', async () => {
    const run = await runMuster(['admin-key', 'list'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/No admin keys yet/);
  });
});

describe('muster admin-key revoke', () => {
  it('revokes at once; a second revoke is harmless; an unknown id fails', async () => {
    const { id, key } = await createJson();
    const first = await runMuster(['admin-key', 'revoke', id], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Revoked admin key "terraform"/);
    expect(await authenticate(key)).toBeUndefined();
    expect((await listJson())[0]?.revokedAt).toEqual(expect.any(String));

    const again = await runMuster(['admin-key', 'revoke', id], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already revoked/);

    const unknown = await runMuster(['admin-key', 'revoke', 'no-such-id'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/"no-such-id" does not exist/);
  });
});

// These never open the database, so they run side by side.
describe.concurrent('muster admin-key usage errors', () => {
  const USAGE_ENV = musterEnv({ DATABASE_URL: `sqlite:${join(tmpdir(), 'muster-cli-unused', 'm.db')}` });

  it.concurrent.each([
    [['admin-key', 'create'], /--name <name> is required/],
    [['admin-key', 'create', '--name', 'x', '--expires-in', '0'], /--expires-in must be a whole number/],
    [['admin-key', 'list', '--org', 'acme'], /--org does not apply to "admin-key list"/],
    [['admin-key', 'revoke'], /revoke takes exactly one admin key id/],
    [['admin-key', 'rotate'], /unknown subcommand "rotate"/],
  ])('%j is a usage error: message and admin-key usage on stderr, exit 2', async (args, message) => {
    const run = await runMuster(args, USAGE_ENV);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('muster admin-key create --name <name>');
  });

  it.concurrent('--help lists the admin-key commands', async () => {
    const run = await runMuster(['--help'], USAGE_ENV);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('admin-key create --name <name>');
    expect((await runMuster(['admin-key', '--help'], USAGE_ENV)).stdout).toContain('instance-wide');
  });
});
