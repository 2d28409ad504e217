// bin/muster.js as `npx muster` runs it: plain Node on the compiled CLI in dist/ (built by `npm install` / `npm ci`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { musterEnv } from './run-muster.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'muster-bin-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('bin/muster.js', () => {
  it('creates a SCIM token with plain node and prints it alone on the last line', () => {
    expect(existsSync(join(ROOT, 'dist/cli/main.js')), 'dist/ is missing: run `npm run build`').toBe(true);
    const run = spawnSync(process.execPath, ['bin/muster.js', 'scim-token', 'create', '--name', 'okta'], {
      cwd: ROOT,
      env: musterEnv({ DATABASE_URL: `sqlite:${join(dir, 'm.db')}`, LOG_LEVEL: 'silent' }),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^msk_[A-Za-z0-9_-]{43}$/);
  });
});
