import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ScimError } from '../scim/errors.js';
import {
  authenticateAdminKey,
  createAdminKey,
  listAdminKeys,
  revokeAdminKey,
  type AdminKeyDeps,
  type AdminKeyStore,
} from './admin-keys.js';
import type { AdminKeyRecord, Organization } from './ports.js';

type FakeStore = AdminKeyStore & { keys: AdminKeyRecord[]; orgs: Organization[]; writes: number };

/** In-memory organizations + admin_keys with the store's semantics (conditional revoke and touch). */
function createFakeStore(): FakeStore {
  const orgs: Organization[] = [];
  const keys: AdminKeyRecord[] = [];
  const update = (id: string, when: (k: AdminKeyRecord) => boolean, change: Partial<AdminKeyRecord>) => {
    const i = keys.findIndex((k) => k.id === id && when(k));
    if (i < 0) return false;
    keys[i] = { ...keys[i]!, ...change };
    return true;
  };
  const fake: FakeStore = {
    keys,
    orgs,
    writes: 0,
    organizations: {
      findBySlug: (slug: string) => Promise.resolve(orgs.find((o) => o.slug === slug)),
      findById: (id: string) => Promise.resolve(orgs.find((o) => o.id === id)),
      insert: (org: Organization) => {
        orgs.push(org);
        return Promise.resolve();
      },
      list: () => Promise.resolve([...orgs]),
    },
    adminKeys: {
      insert: (key: AdminKeyRecord) => {
        keys.push(key);
        return Promise.resolve();
      },
      findByHash: (hash: string) => Promise.resolve(keys.find((k) => k.keyHash === hash)),
      get: (id: string) => Promise.resolve(keys.find((k) => k.id === id)),
      list: () => Promise.resolve([...keys]),
      revoke: (id: string, at: string) =>
        Promise.resolve(update(id, (k) => k.revokedAt === null, { revokedAt: at })),
      touch: (id: string, at: string, notAfter: string) => {
        fake.writes += 1;
        update(id, (k) => k.lastUsedAt === null || k.lastUsedAt < notAfter, { lastUsedAt: at });
        return Promise.resolve();
      },
    },
    transaction: (fn) => fn(fake),
  };
  return fake;
}

function setup() {
  const store = createFakeStore();
  let now = Date.parse('2026-03-01T10:00:00.000Z');
  let seq = 0;
  const deps: AdminKeyDeps = {
    store,
    clock: { now: () => new Date(now) },
    ids: { newId: () => `id-${++seq}` },
  };
  const advance = (ms: number) => {
    now += ms;
  };
  return { store, deps, advance };
}

describe('createAdminKey', () => {
  it('returns an mak_ key once and stores only its SHA-256 and a display prefix', async () => {
    const { store, deps } = setup();
    const created = await createAdminKey(deps, { name: '  terraform ' });
    expect(created.key).toMatch(/^mak_[A-Za-z0-9_-]{43}$/);
    expect(created.organization).toBeNull();
    expect(created.record).toEqual({
      id: 'id-1',
      orgId: null,
      name: 'terraform',
      keyHash: createHash('sha256').update(created.key).digest('hex'),
      displayPrefix: created.key.slice(0, 12),
      createdAt: '2026-03-01T10:00:00.000Z',
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(store.keys)).not.toContain(created.key);
  });

  it('with an organization slug: scoped to it, creating it when missing', async () => {
    const { store, deps } = setup();
    const created = await createAdminKey(deps, { name: 'acme ops', orgSlug: 'acme', expiresInDays: 7 });
    expect(created.organization?.slug).toBe('acme');
    expect(created.record.orgId).toBe(store.orgs[0]?.id);
    expect(created.record.expiresAt).toBe('2026-03-08T10:00:00.000Z');
    const again = await createAdminKey(deps, { name: 'second', orgSlug: 'acme' });
    expect(again.record.orgId).toBe(created.record.orgId);
    expect(store.orgs).toHaveLength(1);
  });

  it.each([
    [{ name: '' }, 'admin key name must be 1-100 characters'],
    [{ name: 'x', expiresInDays: 0 }, 'expiry must be a whole number of days from 1 to 3650'],
    [{ name: 'x', orgSlug: 'Not A Slug' }, 'organization slug "Not A Slug" is invalid'],
  ])('rejects %j', async (input, message) => {
    const { deps } = setup();
    await expect(createAdminKey(deps, input)).rejects.toThrow(message);
  });
});

describe('authenticateAdminKey', () => {
  it('a live key → its id and organization (null: instance-wide)', async () => {
    const { deps } = setup();
    const wide = await createAdminKey(deps, { name: 'wide' });
    const scoped = await createAdminKey(deps, { name: 'scoped', orgSlug: 'acme' });
    expect(await authenticateAdminKey(deps, wide.key)).toEqual({
      kind: 'admin_key',
      keyId: wide.record.id,
      orgId: null,
    });
    expect(await authenticateAdminKey(deps, scoped.key)).toEqual({
      kind: 'admin_key',
      keyId: scoped.record.id,
      orgId: scoped.record.orgId,
    });
  });

  it.each(['', 'mak_short', `msk_${'a'.repeat(43)}`, `mak_${'a'.repeat(43)}`])(
    'a malformed or unknown key %j → undefined',
    async (key) => {
      const { deps } = setup();
      await createAdminKey(deps, { name: 'k' });
      expect(await authenticateAdminKey(deps, key)).toBeUndefined();
    },
  );

  it('a revoked key → undefined', async () => {
    const { deps } = setup();
    const { key, record } = await createAdminKey(deps, { name: 'k' });
    await revokeAdminKey(deps, record.id);
    expect(await authenticateAdminKey(deps, key)).toBeUndefined();
  });

  it('an expired key → undefined from its expiry instant on', async () => {
    const { deps, advance } = setup();
    const { key } = await createAdminKey(deps, { name: 'k', expiresInDays: 1 });
    advance(86_400_000 - 1);
    expect(await authenticateAdminKey(deps, key)).toBeDefined();
    advance(1);
    expect(await authenticateAdminKey(deps, key)).toBeUndefined();
  });

  it('writes last_used_at on first use, then at most once a minute', async () => {
    const { store, deps, advance } = setup();
    const { key } = await createAdminKey(deps, { name: 'k' });
    await authenticateAdminKey(deps, key);
    expect(store.keys[0]?.lastUsedAt).toBe('2026-03-01T10:00:00.000Z');
    advance(59_000);
    await authenticateAdminKey(deps, key);
    expect(store.writes).toBe(1);
    advance(2_000);
    await authenticateAdminKey(deps, key);
    expect(store.writes).toBe(2);
    expect(store.keys[0]?.lastUsedAt).toBe('2026-03-01T10:01:01.000Z');
  });
});

describe('revokeAdminKey and listAdminKeys', () => {
  it('revokes once; revoking again reports the first revocation', async () => {
    const { deps, advance } = setup();
    const { record } = await createAdminKey(deps, { name: 'k' });
    const first = await revokeAdminKey(deps, record.id);
    expect(first).toMatchObject({ kind: 'revoked', record: { revokedAt: '2026-03-01T10:00:00.000Z' } });
    advance(1000);
    const second = await revokeAdminKey(deps, record.id);
    expect(second).toMatchObject({
      kind: 'already-revoked',
      record: { revokedAt: '2026-03-01T10:00:00.000Z' },
    });
  });

  it('an unknown id → 404 ScimError', async () => {
    const { deps } = setup();
    const error: unknown = await revokeAdminKey(deps, 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).status).toBe(404);
  });

  it('lists every key with its organization slug (null: instance-wide)', async () => {
    const { deps } = setup();
    await createAdminKey(deps, { name: 'wide' });
    await createAdminKey(deps, { name: 'scoped', orgSlug: 'acme' });
    const listed = await listAdminKeys(deps);
    expect(listed.map((k) => [k.name, k.orgSlug])).toEqual([
      ['wide', null],
      ['scoped', 'acme'],
    ]);
  });
});
