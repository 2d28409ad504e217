// A query whose SQL text never changes, compiled once and then run with new values: for the hottest point lookups,
// building and compiling the query with Kysely costs more than SQLite takes to answer it.
import type { CompiledQuery } from 'kysely';

/**
 * `compiled` was built with the strings of `slots` as stand-ins for the values that change (unlikely strings, such as
 * '\u0000orgId'). Returns a function that gives the same query with `values` in their places, in `slots` order;
 * every other parameter keeps its compiled value.
 */
export function reusableQuery<R>(
  compiled: CompiledQuery<R>,
  slots: readonly string[],
): (...values: readonly unknown[]) => CompiledQuery<R> {
  const positions = compiled.parameters.map((parameter) =>
    typeof parameter === 'string' ? slots.indexOf(parameter) : -1,
  );
  for (const [index] of slots.entries()) {
    if (positions.filter((p) => p === index).length !== 1) {
      throw new Error(`stand-in ${JSON.stringify(slots[index])} must appear exactly once in the query`);
    }
  }
  return (...values) => ({
    ...compiled,
    parameters: positions.map((slot, i) => (slot < 0 ? compiled.parameters[i] : values[slot])),
  });
}
