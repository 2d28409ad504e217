// The loop of the retention jobs: one bounded DELETE after another, so that no single statement holds the write lock
// for long however much has expired, with requests let through between two chunks.

/** Lets requests waiting for the database run between two chunks (SQLite serializes statements). */
const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Calls `deleteChunk(chunkSize)` (which deletes at most that many rows and resolves with how many) until a chunk comes
 * back short or `isStopped` says so; resolves with the total. Rejects when a chunk does.
 */
export async function deleteInChunks(
  deleteChunk: (limit: number) => Promise<number>,
  chunkSize: number,
  isStopped: () => boolean,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteChunk(chunkSize);
    total += deleted;
    if (deleted < chunkSize || isStopped()) return total;
    await yieldToRequests();
  }
}
