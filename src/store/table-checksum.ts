// A checksum of a table's rows that does not depend on their order: the sum of every row's SHA-256 (its first 128 bits)
// modulo 2^128. A copy is read back in its own database's order, and text keys sort differently under a PostgreSQL
// collation than in SQLite, so an order-dependent hash would differ for identical tables.
import { createHash } from 'node:crypto';

const MODULUS = 1n << 128n;

export class TableChecksum {
  #sum = 0n;
  #rows = 0;

  /** One row: its column values in a fixed order (strings, numbers, null). */
  add(values: readonly unknown[]): void {
    const digest = createHash('sha256').update(JSON.stringify(values)).digest('hex');
    this.#sum = (this.#sum + BigInt(`0x${digest.slice(0, 32)}`)) % MODULUS;
    this.#rows += 1;
  }

  get rows(): number {
    return this.#rows;
  }

  /** 32 hex digits. */
  get hex(): string {
    return this.#sum.toString(16).padStart(32, '0');
  }
}

/**
 * A JSON value with object keys sorted at every depth: jsonb keeps neither the key order nor the spacing of the text it
 * was given, so documents are compared by value.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const entries = Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}
