// `muster serve` and src/main.ts as processes: listen, the start-up line and hint, SCIM over real HTTP next to the
// CLI on the same SQLite file, graceful shutdown on SIGTERM.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { musterEnv, runMuster, spawnMuster } from './run-muster.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'muster-serve-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
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

describe('muster serve', () => {
  it('listens, prints the URLs and the token hint, serves SCIM, and drains on SIGTERM', async () => {
    const port = await freePort();
    const env = musterEnv({ DATABASE_URL: `sqlite:${dir}/m.db`, PORT: String(port), LOG_LEVEL: 'silent' });
    const child = spawnMuster(['serve'], env);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = once(child, 'exit');
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: string) => {
          stdout += chunk;
          if (stdout.includes('muster scim-token create')) resolve();
        });
        child.on('exit', () => {
          reject(new Error(`exited early: ${stderr}`));
        });
      });
      expect(stdout).toContain(`Muster listening on http://127.0.0.1:${port}`);
      expect(stdout).toContain(`SCIM base URL (tenant URL): http://127.0.0.1:${port}/scim/v2`);
      expect(stdout).toContain(`Admin console: http://127.0.0.1:${port}/`);
      expect(stdout).toContain('npx muster scim-token create --name <idp>');

      // The CLI writes to the database the running server reads.
      const created = await runMuster(['scim-token', 'create', '--name', 'okta', '--json'], env);
      expect(created.status).toBe(0);
      const { token } = JSON.parse(created.stdout) as { token: string };
      const base = `http://127.0.0.1:${port}/scim/v2`;
      const ok = await fetch(`${base}/Users?filter=${encodeURIComponent('userName eq "nobody"')}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ totalResults: 0, Resources: [] });
      const denied = await fetch(`${base}/Users`, { headers: { authorization: 'Bearer msk_wrong' } });
      expect(denied.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stderr).toContain('SIGTERM received');
  });

  it('reports a port in use and exits 1', async () => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const address = blocker.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const run = await runMuster(
        ['serve'],
        musterEnv({ DATABASE_URL: `sqlite:${dir}/m.db`, PORT: String(address.port), LOG_LEVEL: 'silent' }),
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`127.0.0.1:${address.port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});

describe('src/main.ts', () => {
  it('prints the configuration problems and exits 1 without a stack trace', async () => {
    const run = await runMuster(
      [],
      musterEnv({ PORT: '99999', DATABASE_URL: 'postgres://db?sslmode=prefer' }),
      'src/main.ts',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^Invalid configuration:\n {2}- PORT must be .*\n {2}- DATABASE_URL: sslmode must be/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
