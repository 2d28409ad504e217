// `muster admin …` and the first-admin hint of `muster serve`, end to end: child processes on a SQLite file, checked
// through the CLI, the store and the admin API of a running server.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSetup } from '../../src/domain/admin-accounts.js';
import { DEFAULT_SESSION_POLICY } from '../../src/domain/admin-sessions.js';
import { verifyPassword } from '../../src/domain/password-hash.js';
import { uuidV7 } from '../../src/shared/uuid-v7.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { expectProblem } from '../admin-api/admin-request.js';
import { json, signIn, withCookie } from '../admin-api/console-session.js';
import { createTestApp } from '../support/test-app.js';
import { musterEnv, runMuster, spawnMuster } from './run-muster.js';

const PASSWORD = 'correct horse battery staple';
const SETUP_URL = /^https:\/\/muster\.example\.com\/setup#token=(msu_[A-Za-z0-9_-]{43})$/;

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'muster-admin-'));
  env = musterEnv({ DATABASE_URL: `sqlite:${dir}/m.db`, PUBLIC_URL: 'https://muster.example.com/' });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function withDatabase<T>(fn: (store: Awaited<ReturnType<typeof createSqliteStore>>) => Promise<T>) {
  const store = await createSqliteStore({ filename: join(dir, 'm.db') });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

interface ListedAdmin {
  readonly id: string;
  readonly email: string;
  readonly org: string | null;
  readonly lastLoginAt: string | null;
  readonly passwordSet: boolean;
}

async function listJson(): Promise<ListedAdmin[]> {
  const run = await runMuster(['admin', 'list', '--json'], env);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ListedAdmin[];
}

describe('muster admin create --password-stdin', () => {
  it('reads the first line of stdin as the password and creates an instance-wide admin', async () => {
    const run = await runMuster(
      ['admin', 'create', '--email', 'Root@Example.com', '--password-stdin', '--json'],
      env,
      undefined,
      `${PASSWORD}\r\nignored second line\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const created = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(created).toEqual({ id: expect.any(String) as unknown, email: 'Root@Example.com', org: null });
    const stored = await withDatabase((store) => store.adminAccounts.findUserByEmailKey('root@example.com'));
    expect(stored?.id).toBe(created['id']);
    expect(await verifyPassword(PASSWORD, stored?.passwordHash ?? '')).toBe(true);
  });

  it('refuses a password shorter than 12 characters and a taken email, with exit status 1', async () => {
    const short = await runMuster(
      ['admin', 'create', '--email', 'a@example.com', '--password-stdin'],
      env,
      undefined,
      'short\n',
    );
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('12 to 1024 characters');

    const args = ['admin', 'create', '--email', 'a@example.com', '--password-stdin'];
    expect((await runMuster(args, env, undefined, `${PASSWORD}\n`)).status).toBe(0);
    const again = await runMuster(['admin', 'create', '--email', 'A@EXAMPLE.COM'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^muster: an admin with the email "a@example.com" exists already/);
    expect(await listJson()).toHaveLength(1);
  });
});

describe('an organization admin made by muster admin create --org', () => {
  it('signs in to its own organization only: X-Muster-Org naming another one → 403, instance actions → 403', async () => {
    const create = ['admin', 'create', '--email', 'ann@acme.example', '--org', 'acme', '--password-stdin'];
    expect((await runMuster(create, env, undefined, `${PASSWORD}\n`)).status).toBe(0);
    const t = await createTestApp({ DATABASE_URL: `sqlite:${dir}/m.db` });
    try {
      const ann = await signIn(t, 'ann@acme.example');
      const asAnn = (method: 'GET' | 'POST', path: string, org?: string, body?: unknown) =>
        withCookie(t, ann.token, method, path, {
          ...(body === undefined ? {} : { body }),
          headers: { 'x-csrf-token': ann.csrfToken, ...(org === undefined ? {} : { 'x-muster-org': org }) },
        });
      expect((await asAnn('GET', '/users')).statusCode).toBe(200);
      expect((await asAnn('POST', '/users', 'acme', { userName: 'bob@acme.example' })).statusCode).toBe(201);
      for (const org of ['default', t.muster.defaultOrganization.id]) {
        expectProblem(await asAnn('GET', '/users', org), 403, 'forbidden');
        expectProblem(await asAnn('POST', '/users', org, { userName: 'eve@example.com' }), 403, 'forbidden');
      }
      expectProblem(await asAnn('GET', '/organizations/default'), 404, 'not-found');
      expectProblem(await asAnn('POST', '/organizations', undefined, { slug: 'other' }), 403, 'forbidden');
      const inDefault = await json(t, 'GET', '/users', undefined, { authorization: `Bearer ${t.adminKey}` });
      expect(inDefault.json<{ items: unknown[] }>().items).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('muster admin create (invitation)', () => {
  it('prints the one-time setup URL alone on the last line; the link sets the password of that admin', async () => {
    const run = await runMuster(['admin', 'create', '--email', 'ann@acme.example', '--org', 'acme'], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const token = SETUP_URL.exec(run.lines.at(-1) ?? '')?.[1] ?? '';
    expect(token).not.toBe('');
    expect(run.lines.slice(0, -1).join('\n')).toContain('organization "acme"');
    expect(await listJson()).toMatchObject([{ email: 'ann@acme.example', org: 'acme', passwordSet: false }]);

    const result = await withDatabase((store) =>
      completeSetup(
        { store, clock: { now: () => new Date() }, ids: { newId: uuidV7 }, policy: DEFAULT_SESSION_POLICY },
        { token, email: 'ann@acme.example', password: PASSWORD },
      ),
    );
    expect(result.kind).toBe('created');
    expect(await listJson()).toMatchObject([{ email: 'ann@acme.example', passwordSet: true }]);
  });

  it('--json gives id, email, org and setupUrl', async () => {
    const run = await runMuster(['admin', 'create', '--email', 'ann@example.com', '--json'], env);
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(1);
    const created = JSON.parse(run.stdout) as { id: string; email: string; org: null; setupUrl: string };
    expect(created).toMatchObject({ email: 'ann@example.com', org: null });
    expect(created.setupUrl).toMatch(SETUP_URL);
    expect((await listJson())[0]?.id).toBe(created.id);
  });

  it('needs --email', async () => {
    const run = await runMuster(['admin', 'create'], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--email <email> is required');
  });
});

describe('muster admin list', () => {
  it('shows email, organization, creation and last sign-in', async () => {
    expect((await runMuster(['admin', 'list'], env)).lines).toEqual([
      'No admins yet. Create one with: muster admin create --email <email>',
    ]);
    await runMuster(
      ['admin', 'create', '--email', 'root@example.com', '--password-stdin'],
      env,
      undefined,
      PASSWORD,
    );
    await runMuster(['admin', 'create', '--email', 'ann@acme.example', '--org', 'acme'], env);
    const run = await runMuster(['admin', 'list'], env);
    expect(run.status).toBe(0);
    expect(run.lines[0]).toMatch(/^EMAIL\s+ORG\s+CREATED\s+LAST LOGIN$/);
    expect(run.lines[1]).toMatch(/^root@example\.com\s+\(all\)\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+-$/);
    expect(run.lines[2]).toMatch(/^ann@acme\.example\s+acme\s+\S+ \S+\s+\(setup pending\)$/);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts `muster serve`, returns what it printed up to its SCIM token hint (the last start-up line), stops it. */
async function startUpOutput(port: number): Promise<string> {
  const child = spawnMuster(['serve'], { ...env, PORT: String(port), LOG_LEVEL: 'silent', PUBLIC_URL: '' });
  let stdout = '';
  const exited = once(child, 'exit');
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('muster scim-token create')) resolve();
      });
      child.on('exit', () => {
        reject(new Error('exited early'));
      });
    });
    return stdout;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('muster serve without an admin', () => {
  it('prints a first-admin setup URL that works, and no such line once an admin exists', async () => {
    const port = await freePort();
    const child = spawnMuster(['serve'], { ...env, PORT: String(port), LOG_LEVEL: 'silent', PUBLIC_URL: '' });
    let stdout = '';
    const exited = once(child, 'exit');
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          const found = stdout.split('\n').find((l) => l.startsWith('No admin yet.'));
          if (found !== undefined) resolve(found);
        });
        child.on('exit', () => {
          reject(new Error('exited early'));
        });
      });
      const base = `http://127.0.0.1:${port}`;
      const token = new RegExp(
        `^No admin yet\\. Open ${base}/setup#token=(msu_[A-Za-z0-9_-]{43}) to create the first one \\(valid 24 h, once\\), or run: npx muster admin create --email <you@example\\.com>$`,
      ).exec(line)?.[1];
      expect(token, line).toBeDefined();
      const res = await fetch(`${base}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ token, email: 'root@example.com', password: PASSWORD }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('set-cookie')).toMatch(/^muster_session=mss_/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(await startUpOutput(port)).not.toContain('No admin yet');
  });
});
