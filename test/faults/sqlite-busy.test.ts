// SQLite held by another process beyond the busy timeout (5 s): the write cannot start, and the request answers 503
// with a SCIM or problem body instead of a 500. Reads go on meanwhile (WAL), so /readyz stays 200. Once the other
// process lets go, writes succeed again without a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, type SqliteConnection } from '../../src/store/sqlite/open-sqlite-database.js';
import { SCIM_ERROR_URN, startOutageApp, userBody, type OutageApp } from './outage-fixture.js';

let dir: string;
let fx: OutageApp | undefined;
let other: SqliteConnection | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'muster-busy-'));
});

afterEach(async () => {
  other?.close();
  other = undefined;
  await fx?.close();
  fx = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite busy beyond the busy timeout', () => {
  it('answers 503 to writes while another connection holds the write lock, and recovers', async () => {
    const filename = join(dir, 'muster.db');
    // Every write attempt waits out the busy timeout with the process blocked (SQLite's calls are synchronous): the
    // background writers are kept from adding their waits to the test's (no pruner, no early log writer retry).
    fx = await startOutageApp(
      { DATABASE_URL: `sqlite:${filename}`, WEBHOOK_WORKER: 'off', PROVISIONING_LOG_RETENTION_DAYS: 'off' },
      60_000,
    );
    const app = fx;
    const created = await app.scim('POST', '/Users', userBody('before'));
    expect(created.statusCode).toBe(201);
    const userId = created.json<{ id: string }>().id;

    // Another process (a CLI, a backup tool) takes the write lock and keeps it.
    const holder = openSqliteDatabase(filename);
    other = holder;
    holder.exec('begin immediate');

    const started = performance.now();
    const scim = await app.scim('POST', '/Users', userBody('during'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(4_500);
    expect(scim.statusCode, scim.body).toBe(503);
    expect(scim.headers['retry-after']).toBe('5');
    expect(scim.json()).toEqual({
      schemas: [SCIM_ERROR_URN],
      status: '503',
      detail: 'The database is unavailable; retry later',
    });
    const admin = await app.admin('POST', '/users', { userName: 'admin-made@example.com' });
    expect(admin.statusCode, admin.body).toBe(503);
    expect(admin.json()).toMatchObject({ type: 'urn:muster:problem:service-unavailable', status: 503 });
    // Reads do not wait for the writer in WAL mode.
    expect((await app.scim('GET', `/Users/${userId}`)).statusCode).toBe(200);
    expect((await app.readyz()).statusCode).toBe(200);

    holder.exec('rollback');
    expect((await app.scim('POST', '/Users', userBody('after'))).statusCode).toBe(201);
  }, 30_000);
});
