import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ScimError } from '../scim/errors.js';
import type { Clock, EventRecord, Ids, Organization, ScimTokenRecord } from './ports.js';
import {
  AUTH_CACHE_MS,
  authenticateScimToken,
  createScimToken,
  hashScimToken,
  listScimTokens,
  revokeScimToken,
  ScimTokenAuthCache,
  type ScimTokenDeps,
  type ScimTokenStore,
} from './scim-tokens.js';

/** In-memory organizations + scim_tokens with the store's semantics (unique slug and hash, conditional touch). */
type FakeStore = ScimTokenStore & { tokens: ScimTokenRecord[]; touches: number; outbox: EventRecord[] };

function createFakeStore(): FakeStore {
  const orgs: Organization[] = [];
  const fake: FakeStore = {
    tokens: [] as ScimTokenRecord[],
    touches: 0,
    outbox: [],
    events: {
      append: (orgId, events, occurredAt) => {
        const records = events.map((e, i) => ({ ...e, orgId, occurredAt, seq: fake.outbox.length + i + 1 }));
        fake.outbox.push(...records);
        return Promise.resolve(records);
      },
      list: (orgId, after) => Promise.resolve(fake.outbox.filter((e) => e.orgId === orgId && e.seq > after)),
      listBefore: () => Promise.reject(new Error('not used by these tests')),
      lastSeq: () => Promise.resolve(fake.outbox.length),
    },
    organizations: {
      findBySlug: (slug: string) => Promise.resolve(orgs.find((o) => o.slug === slug)),
      findById: (id: string) => Promise.resolve(orgs.find((o) => o.id === id)),
      insert: (org: Organization) => {
        if (orgs.some((o) => o.slug === org.slug)) return Promise.reject(new Error('unique slug'));
        orgs.push(org);
        return Promise.resolve();
      },
      list: () => Promise.resolve([...orgs]),
    },
    scimTokens: {
      insert: (token: ScimTokenRecord) => {
        if (fake.tokens.some((t) => t.tokenHash === token.tokenHash))
          return Promise.reject(new Error('unique'));
        fake.tokens.push(token);
        return Promise.resolve();
      },
      findByHash: (hash: string) => Promise.resolve(fake.tokens.find((t) => t.tokenHash === hash)),
      list: (orgId: string | undefined) =>
        Promise.resolve(fake.tokens.filter((t) => orgId === undefined || t.orgId === orgId)),
      revoke: (id: string, at: string) => {
        const i = fake.tokens.findIndex((t) => t.id === id && t.revokedAt === null);
        if (i < 0) return Promise.resolve(false);
        fake.tokens[i] = { ...fake.tokens[i]!, revokedAt: at };
        return Promise.resolve(true);
      },
      touch: (id: string, at: string, notAfter: string) => {
        fake.touches += 1;
        const i = fake.tokens.findIndex(
          (t) => t.id === id && (t.lastUsedAt === null || t.lastUsedAt < notAfter),
        );
        if (i >= 0) fake.tokens[i] = { ...fake.tokens[i]!, lastUsedAt: at };
        return Promise.resolve();
      },
    },
    transaction: (fn) => fn(fake),
    read: (fn) => fn(fake),
  };
  return fake;
}

function setup() {
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  let seq = 0;
  const clock: Clock = { now: () => new Date(now) };
  const ids: Ids = { newId: () => `id-${String(++seq).padStart(4, '0')}` };
  const store = createFakeStore();
  const deps: ScimTokenDeps = { store, clock, ids };
  return { deps, store, advance: (ms: number) => (now += ms) };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('createScimToken', () => {
  it('returns an msk_ token with 256 bits of base64url entropy and stores only its SHA-256', async () => {
    const { deps, store } = setup();
    const { record, token, organization } = await createScimToken(deps, { orgSlug: 'default', name: 'okta' });
    expect(token).toMatch(/^msk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(record.tokenHash).toBe(sha256(token));
    expect(record.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.displayPrefix).toBe(token.slice(0, 12));
    expect(record).toMatchObject({ name: 'okta', orgId: organization.id, expiresAt: null, revokedAt: null });
    expect(organization.slug).toBe('default');
    expect(JSON.stringify(store.tokens)).not.toContain(token);
    expect(JSON.stringify(store.tokens)).not.toContain(token.slice(12));
  });

  it('makes a different token every time', async () => {
    const { deps } = setup();
    const tokens = new Set<string>();
    for (let i = 0; i < 50; i += 1)
      tokens.add((await createScimToken(deps, { orgSlug: 'a', name: 'x' })).token);
    expect(tokens.size).toBe(50);
  });

  it('creates the organization once and reuses it', async () => {
    const { deps } = setup();
    const a = await createScimToken(deps, { orgSlug: 'acme', name: 'one' });
    const b = await createScimToken(deps, { orgSlug: 'acme', name: 'two' });
    expect(b.organization.id).toBe(a.organization.id);
  });

  it('sets expiresAt whole days ahead', async () => {
    const { deps } = setup();
    const { record } = await createScimToken(deps, { orgSlug: 'default', name: 'n', expiresInDays: 30 });
    expect(record.expiresAt).toBe('2026-01-31T00:00:00.000Z');
  });

  it.each([
    ['empty name', { orgSlug: 'default', name: '  ' }],
    ['long name', { orgSlug: 'default', name: 'x'.repeat(101) }],
    ['bad slug', { orgSlug: 'Acme Corp', name: 'n' }],
    ['zero days', { orgSlug: 'default', name: 'n', expiresInDays: 0 }],
    ['fractional days', { orgSlug: 'default', name: 'n', expiresInDays: 1.5 }],
    ['too many days', { orgSlug: 'default', name: 'n', expiresInDays: 3651 }],
  ])('rejects %s with invalidValue', async (_label, input) => {
    const { deps, store } = setup();
    const error = await createScimToken(deps, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(store.tokens).toHaveLength(0);
  });
});

describe('authenticateScimToken', () => {
  it('maps a valid token to its organization', async () => {
    const { deps } = setup();
    const { token, record, organization } = await createScimToken(deps, { orgSlug: 'acme', name: 'n' });
    expect(await authenticateScimToken(deps, token)).toEqual({
      orgId: organization.id,
      orgSlug: 'acme',
      tokenId: record.id,
    });
  });

  it.each([
    ['empty', ''],
    ['no prefix', 'x'.repeat(47)],
    ['wrong prefix', `mk_${'A'.repeat(43)}`],
    ['unknown well-formed', `msk_${'A'.repeat(43)}`],
    ['too long', `msk_${'A'.repeat(44)}`],
  ])('rejects a %s token', async (_label, token) => {
    const { deps } = setup();
    await createScimToken(deps, { orgSlug: 'default', name: 'n' });
    expect(await authenticateScimToken(deps, token)).toBeUndefined();
  });

  it('rejects a token whose hash is given instead of the token', async () => {
    const { deps } = setup();
    const { token } = await createScimToken(deps, { orgSlug: 'default', name: 'n' });
    expect(await authenticateScimToken(deps, hashScimToken(token))).toBeUndefined();
  });

  it('rejects a revoked token; revoking again reports already-revoked', async () => {
    const { deps } = setup();
    const { token, record } = await createScimToken(deps, { orgSlug: 'default', name: 'n' });
    expect((await revokeScimToken(deps, record.id)).kind).toBe('revoked');
    expect(await authenticateScimToken(deps, token)).toBeUndefined();
    expect((await revokeScimToken(deps, record.id)).kind).toBe('already-revoked');
  });

  it('writes scim_token.created and scim_token.revoked events, once each, without the token', async () => {
    const { deps, store } = setup();
    const { token, record } = await createScimToken(deps, { orgSlug: 'default', name: 'okta' });
    await revokeScimToken(deps, record.id);
    await revokeScimToken(deps, record.id);
    expect(store.outbox.map((e) => [e.type, e.resourceId, e.orgId])).toEqual([
      ['scim_token.created', record.id, record.orgId],
      ['scim_token.revoked', record.id, record.orgId],
    ]);
    expect(JSON.stringify(store.outbox)).not.toContain(token);
  });

  it('revoking an unknown id is a 404', async () => {
    const { deps } = setup();
    await expect(revokeScimToken(deps, 'nope')).rejects.toMatchObject({ status: 404 });
  });

  it('accepts a token until its expiry instant, not after', async () => {
    const { deps, advance } = setup();
    const { token } = await createScimToken(deps, { orgSlug: 'default', name: 'n', expiresInDays: 1 });
    advance(86_400_000 - 1);
    expect(await authenticateScimToken(deps, token)).toBeDefined();
    advance(1);
    expect(await authenticateScimToken(deps, token)).toBeUndefined();
  });

  it('records last use at most once a minute', async () => {
    const { deps, store, advance } = setup();
    const { token, record } = await createScimToken(deps, { orgSlug: 'default', name: 'n' });
    const lastUsed = () => store.tokens.find((t) => t.id === record.id)?.lastUsedAt;

    await authenticateScimToken(deps, token);
    expect(lastUsed()).toBe('2026-01-01T00:00:00.000Z');
    advance(30_000);
    await authenticateScimToken(deps, token);
    advance(29_999);
    await authenticateScimToken(deps, token);
    expect(lastUsed()).toBe('2026-01-01T00:00:00.000Z');
    expect(store.touches).toBe(1);
    advance(2);
    await authenticateScimToken(deps, token);
    expect(lastUsed()).toBe('2026-01-01T00:01:00.001Z');
    expect(store.touches).toBe(2);
  });

  it('keeps organizations apart: each token maps to its own org only', async () => {
    const { deps } = setup();
    const acme = await createScimToken(deps, { orgSlug: 'acme', name: 'okta' });
    const globex = await createScimToken(deps, { orgSlug: 'globex', name: 'okta' });
    expect((await authenticateScimToken(deps, acme.token))?.orgSlug).toBe('acme');
    expect((await authenticateScimToken(deps, globex.token))?.orgSlug).toBe('globex');
    await revokeScimToken(deps, acme.record.id);
    expect(await authenticateScimToken(deps, acme.token)).toBeUndefined();
    expect((await authenticateScimToken(deps, globex.token))?.orgId).toBe(globex.organization.id);
  });
});

describe('authenticateScimToken with the serving process cache', () => {
  function cachedSetup() {
    const base = setup();
    const lookups = { count: 0 };
    const repo = base.store.scimTokens;
    const findByHash = repo.findByHash.bind(repo);
    repo.findByHash = (hash: string) => {
      lookups.count += 1;
      return findByHash(hash);
    };
    const deps: ScimTokenDeps = { ...base.deps, authCache: new ScimTokenAuthCache() };
    return { ...base, deps, lookups };
  }

  it('looks a token up once, then answers from the cache until AUTH_CACHE_MS has passed', async () => {
    const { deps, lookups, advance } = cachedSetup();
    const { token } = await createScimToken(deps, { orgSlug: 'acme', name: 'n' });
    expect((await authenticateScimToken(deps, token))?.orgSlug).toBe('acme');
    advance(AUTH_CACHE_MS - 1);
    expect((await authenticateScimToken(deps, token))?.orgSlug).toBe('acme');
    expect(lookups.count).toBe(1);
    advance(1);
    expect((await authenticateScimToken(deps, token))?.orgSlug).toBe('acme');
    expect(lookups.count).toBe(2);
  });

  it('rejects a cached token at once when it is revoked through the same deps', async () => {
    const { deps } = cachedSetup();
    const { token, record } = await createScimToken(deps, { orgSlug: 'default', name: 'n' });
    expect(await authenticateScimToken(deps, token)).toBeDefined();
    await revokeScimToken(deps, record.id);
    expect(await authenticateScimToken(deps, token)).toBeUndefined();
  });

  it('rejects a token revoked by another process once its cache entry is AUTH_CACHE_MS old', async () => {
    const { deps, store, advance } = cachedSetup();
    const { token, record } = await createScimToken(deps, { orgSlug: 'default', name: 'n' });
    expect(await authenticateScimToken(deps, token)).toBeDefined();
    // The CLI revokes with its own deps: this process's cache is not told.
    await revokeScimToken({ store, clock: deps.clock, ids: deps.ids }, record.id);
    advance(AUTH_CACHE_MS);
    expect(await authenticateScimToken(deps, token)).toBeUndefined();
  });

  it('does not cache a token read while the cache was cleared: that row may predate a revocation', async () => {
    const { deps, store, lookups } = cachedSetup();
    const { token, record } = await createScimToken(deps, { orgSlug: 'default', name: 'n' });
    const findByHash = store.scimTokens.findByHash.bind(store.scimTokens);
    // The lookup reads the live row, then another process revokes it and this process's cache is cleared (its
    // announcement arrives) before the lookup's answer is stored.
    store.scimTokens.findByHash = async (hash: string) => {
      const found = await findByHash(hash);
      await revokeScimToken({ store, clock: deps.clock, ids: deps.ids }, record.id);
      deps.authCache?.clear();
      return found;
    };
    expect(await authenticateScimToken(deps, token)).toBeDefined();
    store.scimTokens.findByHash = findByHash;
    // Looked up again (nothing was cached), and found revoked.
    expect(await authenticateScimToken(deps, token)).toBeUndefined();
    expect(lookups.count).toBe(2);
  });

  it('honours expiry for a cached token', async () => {
    const { deps, advance } = cachedSetup();
    const { token } = await createScimToken(deps, { orgSlug: 'default', name: 'n', expiresInDays: 1 });
    advance(86_400_000 - 10);
    expect(await authenticateScimToken(deps, token)).toBeDefined();
    advance(10);
    expect(await authenticateScimToken(deps, token)).toBeUndefined();
  });

  it('still records last use at most once a minute', async () => {
    const { deps, store, advance } = cachedSetup();
    const { token } = await createScimToken(deps, { orgSlug: 'default', name: 'n' });
    for (let i = 0; i < 130; i++) {
      await authenticateScimToken(deps, token);
      advance(500);
    }
    // 65 s of requests every 500 ms: the first use, then one write once the minute is over.
    expect(store.touches).toBe(2);
  });
});

describe('listScimTokens', () => {
  it('lists all tokens with their org slug, or one organization only', async () => {
    const { deps } = setup();
    await createScimToken(deps, { orgSlug: 'acme', name: 'a' });
    await createScimToken(deps, { orgSlug: 'globex', name: 'g' });
    const all = await listScimTokens(deps);
    expect(all.map((t) => [t.name, t.orgSlug])).toEqual([
      ['a', 'acme'],
      ['g', 'globex'],
    ]);
    const acme = await listScimTokens(deps, { orgSlug: 'acme' });
    expect(acme.map((t) => t.name)).toEqual(['a']);
  });

  it('an unknown organization is a 404', async () => {
    const { deps } = setup();
    await expect(listScimTokens(deps, { orgSlug: 'nope' })).rejects.toMatchObject({ status: 404 });
  });
});
