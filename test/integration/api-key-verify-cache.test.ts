import { describe, expect, it } from 'vitest';
import {
  ApiKeyVerifyCache,
  invalidatingCache,
  VERIFY_CACHE_MS,
} from '../../src/domain/api-key-verify-cache.js';
import { openTestStore } from '../support/test-store.js';

describe('ApiKeyVerifyCache', () => {
  it('answers from an entry until VERIFY_CACHE_MS have passed', () => {
    const cache = new ApiKeyVerifyCache<string>();
    cache.set('h', 'ada', cache.generation, 1000);
    expect(cache.get('h', 1000 + VERIFY_CACHE_MS - 1)).toBe('ada');
    expect(cache.get('h', 1000 + VERIFY_CACHE_MS)).toBeUndefined();
    expect(cache.get('h', 1000)).toBeUndefined();
  });

  it('drops every entry on invalidate', () => {
    const cache = new ApiKeyVerifyCache<string>();
    cache.set('a', 'ada', cache.generation, 0);
    cache.set('b', 'bob', cache.generation, 0);
    cache.invalidate();
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('b', 0)).toBeUndefined();
  });

  it('refuses a value read before an invalidation: it may predate the change', () => {
    const cache = new ApiKeyVerifyCache<string>();
    const before = cache.generation;
    cache.invalidate();
    cache.set('h', 'stale', before, 0);
    expect(cache.get('h', 0)).toBeUndefined();
    cache.set('h', 'fresh', cache.generation, 0);
    expect(cache.get('h', 0)).toBe('fresh');
  });

  it('stays bounded under a flood of distinct keys', () => {
    const cache = new ApiKeyVerifyCache<number>(3);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i, cache.generation, 0);
    const kept = Array.from({ length: 10 }, (_, i) => cache.get(`k${i}`, 0)).filter((v) => v !== undefined);
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(cache.get('k9', 0)).toBe(9);
  });
});

describe('invalidatingCache', () => {
  const openStore = () => openTestStore();

  it('invalidates once the transaction has committed, before its caller goes on', async () => {
    const store = await openStore();
    try {
      const steps: string[] = [];
      const wrapped = invalidatingCache(store, { invalidate: () => steps.push('invalidate') });
      const result = await wrapped.transaction(async (tx) => {
        await tx.organizations.insert({
          id: 'o1',
          slug: 'o1',
          name: 'O1',
          createdAt: '2026-01-01T00:00:00.000Z',
        });
        steps.push('write');
        return 42;
      });
      steps.push('answer');
      expect(result).toBe(42);
      expect(steps).toEqual(['write', 'invalidate', 'answer']);
      expect(await store.organizations.findById('o1')).toBeDefined();
    } finally {
      await store.close();
    }
  });

  it('invalidates after a rolled-back transaction too, and rethrows its error', async () => {
    const store = await openStore();
    try {
      let invalidations = 0;
      const wrapped = invalidatingCache(store, { invalidate: () => (invalidations += 1) });
      await expect(wrapped.transaction(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(invalidations).toBe(1);
    } finally {
      await store.close();
    }
  });
});
