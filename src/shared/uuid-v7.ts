// RFC 9562 §5.7 UUID version 7: 48-bit Unix milliseconds, version 7, 12-bit rand_a, variant 10, 62-bit rand_b.
// Monotonic within a millisecond by RFC 9562 §6.2 method 1: rand_a plus the top 30 bits of rand_b form a 42-bit
// counter, seeded randomly (top bit clear, leaving room to count) on each new millisecond and incremented otherwise.
import { randomFillSync } from 'node:crypto';

const COUNTER_MAX = 2 ** 42 - 1;
const SEED_RANGE = 2 ** 41;
/** Random bytes are drawn from the CSPRNG in blocks (one call per 256 ids): a call per id cost more than the rest. */
const POOL_BYTES = 2560;

export type UuidV7Generator = () => string;

/** A generator with its own monotonic state; `now` returns Unix milliseconds (injectable for tests). */
export function createUuidV7Generator(now: () => number = Date.now): UuidV7Generator {
  let lastMs = -1;
  let counter = 0;
  const pool = Buffer.alloc(POOL_BYTES);
  let poolOffset = POOL_BYTES;

  /** Offset of `count` fresh random bytes in `pool`, each handed out once. */
  const take = (count: number): number => {
    if (poolOffset + count > POOL_BYTES) {
      randomFillSync(pool);
      poolOffset = 0;
    }
    const at = poolOffset;
    poolOffset += count;
    return at;
  };

  /** 41 random bits: the counter starts in the lower half of its range, so it can count up. */
  const seedCounter = (): number => pool.readUIntBE(take(6), 6) % SEED_RANGE;

  return () => {
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = seedCounter();
    } else if (counter < COUNTER_MAX) {
      // Same millisecond, or the clock went back: keep the last timestamp and count up (§6.2 "Monotonicity").
      counter += 1;
    } else {
      // §6.2: on counter overflow, advance the timestamp rather than lose ordering.
      lastMs += 1;
      counter = seedCounter();
    }
    const bytes = Buffer.alloc(16);
    bytes.writeUIntBE(lastMs, 0, 6); // unix_ts_ms
    const randA = Math.floor(counter / 2 ** 30); // top 12 counter bits
    const high30 = counter % 2 ** 30; // next 30 counter bits, at the top of rand_b
    bytes.writeUInt16BE(0x7000 | randA, 6); // ver = 0111
    bytes.writeUInt16BE(0x8000 | (high30 >>> 16), 8); // var = 10, then 14 counter bits
    bytes.writeUInt16BE(high30 & 0xffff, 10);
    const random = take(4);
    pool.copy(bytes, 12, random, random + 4); // the last 32 bits of rand_b stay random
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

/** A new time-ordered UUIDv7 string (lowercase, 8-4-4-4-12). Ids made in one process sort in creation order. */
export const uuidV7: UuidV7Generator = createUuidV7Generator();
