// GET /api/v1/keys/verify answers a key in steady use from the serving process's cache, and every change that can
// alter a verdict invalidates that cache before its own response: the next verification reads the database again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock, uuidV7Ids } from '../../src/compose.js';
import { ApiKeyVerifyCache, VERIFY_CACHE_MS } from '../../src/domain/api-key-verify-cache.js';
import { createUserApiKey, verifyApiKey, type CachedVerification } from '../../src/domain/api-keys.js';
import type { Clock } from '../../src/domain/ports.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { openTestStore } from '../support/test-store.js';
import { PATCH_OP, scimRequest, USER_SCHEMA } from './scim-request.js';

describe('the verification cache of a running app', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  const verify = (key: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/keys/verify', headers: { authorization: `Bearer ${key}` } });

  it('reads the database once for repeated verifications, and again after a deactivation', async () => {
    const scim = scimRequest(t);
    const userId = (await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'cached' })).body
      .id as string;
    const deps = { store: t.muster.store, clock: systemClock, ids: uuidV7Ids };
    const { key } = await createUserApiKey(deps, t.muster.defaultOrganization.id, userId, { name: 'k' });
    const reads = vi.spyOn(t.muster.store.apiKeys, 'findForVerify');

    for (let i = 0; i < 5; i++) expect((await verify(key)).statusCode).toBe(200);
    expect(reads).toHaveBeenCalledTimes(1);

    const deactivate = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: 'False' }],
    };
    expect((await scim('PATCH', `/Users/${userId}`, deactivate)).status).toBe(200);
    expect((await verify(key)).statusCode).toBe(401);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('forgets a key revoked through the admin API at once', async () => {
    const scim = scimRequest(t);
    const userId = (await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'revoked' })).body
      .id as string;
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${userId}/api-keys`,
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json' },
      payload: { name: 'k' },
    });
    const { id, key } = created.json<{ id: string; key: string }>();
    expect((await verify(key)).statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${id}`,
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(revoked.statusCode).toBe(200);
    expect((await verify(key)).statusCode).toBe(401);
  });
});

describe('a change another process makes', () => {
  it('is seen once the cached verdict is VERIFY_CACHE_MS old', async () => {
    const store = await openTestStore();
    try {
      let now = Date.parse('2026-06-01T00:00:00.000Z');
      const clock: Clock = { now: () => new Date(now) };
      const verifyCache = new ApiKeyVerifyCache<CachedVerification>();
      await store.organizations.insert({
        id: 'o1',
        slug: 'o1',
        name: 'O1',
        createdAt: clock.now().toISOString(),
      });
      const at = clock.now().toISOString();
      await store.users.insert({
        id: 'u1',
        orgId: 'o1',
        userName: 'u1',
        externalId: null,
        displayName: null,
        active: true,
        data: { userName: 'u1', active: true },
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      const deps = { store, clock, ids: uuidV7Ids };
      const { key, apiKey } = await createUserApiKey(deps, 'o1', 'u1', { name: 'k' });
      expect(await verifyApiKey({ ...deps, verifyCache }, key)).toBeDefined();
      // Revoked behind this process's back: its store transactions are not the ones that invalidate the cache.
      await store.apiKeys.revoke('o1', apiKey.id, clock.now().toISOString());
      expect(await verifyApiKey({ ...deps, verifyCache }, key)).toBeDefined();
      now += VERIFY_CACHE_MS;
      expect(await verifyApiKey({ ...deps, verifyCache }, key)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('still refuses an expired key the cache holds', async () => {
    const store = await openTestStore();
    try {
      const start = Date.parse('2026-06-01T00:00:00.000Z');
      let now = start;
      const clock: Clock = { now: () => new Date(now) };
      const verifyCache = new ApiKeyVerifyCache<CachedVerification>();
      await store.organizations.insert({
        id: 'o1',
        slug: 'o1',
        name: 'O1',
        createdAt: clock.now().toISOString(),
      });
      await store.groups.insert({
        id: 't1',
        orgId: 'o1',
        displayName: 'T',
        externalId: null,
        data: { displayName: 'T' },
        version: 1,
        createdAt: clock.now().toISOString(),
        updatedAt: clock.now().toISOString(),
      });
      const deps = { store, clock, ids: uuidV7Ids };
      const { createTeamApiKey } = await import('../../src/domain/api-keys.js');
      const { key } = await createTeamApiKey(deps, 'o1', 't1', { name: 'k', expiresInDays: 1 });
      now = start + 86_400_000 - 10;
      expect(await verifyApiKey({ ...deps, verifyCache }, key)).toBeDefined();
      now = start + 86_400_000;
      expect(await verifyApiKey({ ...deps, verifyCache }, key)).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
