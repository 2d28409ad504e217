import { describe, expect, it } from 'vitest';
import { announcingChanges } from './announcing-changes.js';
import type { StoreTx } from './ports.js';

/** A store whose transaction records its steps: the callback's, the announcement, and the end. */
function recordingStore() {
  const steps: string[] = [];
  const tx = { cacheInvalidation: { announce: () => Promise.resolve(void steps.push('announce')) } };
  return {
    steps,
    store: {
      transaction: async <T>(fn: (t: StoreTx) => Promise<T>): Promise<T> => {
        try {
          // The callbacks below touch nothing but cacheInvalidation.
          const result = await fn(tx as unknown as StoreTx);
          steps.push('commit');
          return result;
        } catch (error) {
          steps.push('rollback');
          throw error;
        }
      },
    },
  };
}

describe('announcingChanges', () => {
  it('announces inside the transaction, after the use case, so the announcement goes out with the commit', async () => {
    const { steps, store } = recordingStore();
    const result = await announcingChanges(store).transaction(() => {
      steps.push('change');
      return Promise.resolve(42);
    });
    expect(result).toBe(42);
    expect(steps).toEqual(['change', 'announce', 'commit']);
  });

  it('announces nothing when the use case fails', async () => {
    const { steps, store } = recordingStore();
    await expect(
      announcingChanges(store).transaction(() => Promise.reject(new Error('conflict'))),
    ).rejects.toThrow('conflict');
    expect(steps).toEqual(['rollback']);
  });
});
