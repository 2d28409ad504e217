import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUuidV7Generator, uuidV7 } from './uuid-v7.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timestampOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuidV7', () => {
  it('has the RFC 9562 layout: version 7, variant 10, lowercase 8-4-4-4-12', () => {
    for (let i = 0; i < 100; i += 1) expect(uuidV7()).toMatch(UUID_V7);
  });

  it('encodes the Unix millisecond timestamp in the first 48 bits', () => {
    const before = Date.now();
    const id = uuidV7();
    expect(timestampOf(id)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(id)).toBeLessThanOrEqual(Date.now());
  });

  it('encodes the RFC 9562 Appendix A.6 example timestamp the same way', () => {
    // RFC 9562 A.6: 2022-02-22T19:22:22Z = 0x017F22E279B0 → "017f22e2-79b0-7…"
    const id = createUuidV7Generator(() => 0x017f22e279b0)();
    expect(id.slice(0, 13)).toBe('017f22e2-79b0');
    expect(id).toMatch(UUID_V7);
  });

  it('is strictly increasing within one millisecond and when the clock goes back', () => {
    const times = [1000, 1000, 1000, 999, 998, 1000, 1001, 1001];
    let i = 0;
    const next = createUuidV7Generator(() => times[Math.min(i++, times.length - 1)]!);
    const ids = Array.from({ length: 5000 }, () => next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.match(UUID_V7))).toBe(true);
  });

  it('draws fresh random bits for every id, across refills of its entropy pool', () => {
    const next = createUuidV7Generator(() => 1000);
    const tails = Array.from({ length: 5000 }, () => next().slice(-8));
    // 32 random bits each: a chance collision among 5,000 is rare; reused entropy would repeat thousands.
    expect(tails.length - new Set(tails).size).toBeLessThan(3);
  });

  it('stays unique and ordered under a burst from the real clock', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidV7());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts in generation order for any clock readings (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 200 }),
        (times) => {
          let i = 0;
          const next = createUuidV7Generator(() => times[i++] ?? 0);
          const ids = times.map(() => next());
          expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
          expect([...ids].sort()).toEqual(ids);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
    );
  });
});
