// What a first start leaves behind, and readiness as load balancers see it, on the real wiring of src/compose.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { createMuster, type Muster } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createTestApp } from '../support/test-app.js';
import { openTestDatabase, testStoreKind, type TestDatabase } from '../support/test-store.js';

let muster: Muster | undefined;
let database: TestDatabase | undefined;

afterEach(async () => {
  await muster?.close();
  muster = undefined;
  await database?.release();
  database = undefined;
});

async function start(): Promise<Muster> {
  database = await openTestDatabase();
  muster = await createMuster(
    loadConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'http://muster.test', LOG_LEVEL: 'silent' }),
  );
  return muster;
}

describe('first start', () => {
  it('creates the organization "default" before any token exists', async () => {
    const m = await start();
    const org = await m.store.organizations.findBySlug('default');
    expect(org).toMatchObject({ slug: 'default' });
    expect(m.defaultOrganization.id).toBe(org?.id);
    expect(await m.store.scimTokens.list(undefined)).toEqual([]);
  });
});

describe('the test app', () => {
  it('runs on the store its vitest project is named after', async ({ task }) => {
    const t = await createTestApp();
    try {
      expect(testStoreKind()).toBe(task.file.projectName ?? 'sqlite');
      expect(t.muster.config.database.kind).toBe(testStoreKind());
    } finally {
      await t.close();
    }
  });
});

describe('GET /readyz', () => {
  it('is 200 while the database answers and 503 once it is gone, while /healthz stays 200', async () => {
    const m = await start();
    expect((await m.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await m.store.close();
    const res = await m.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable' });
    expect((await m.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
