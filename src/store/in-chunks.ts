// Splits work on many ids or rows into statements that stay under the database's bound-parameter limit
// (SQLite: 32766 since 3.32; PostgreSQL: 65535).
export const CHUNK_SIZE = 500;

export async function inChunks<T, R>(
  items: readonly T[],
  run: (chunk: readonly T[]) => Promise<R>,
  size: number = CHUNK_SIZE,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(await run(items.slice(i, i + size)));
  return results;
}
