import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pruneProvisioningLog, startProvisioningLogPruner } from './provisioning-log-pruner.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-03-01T12:00:00.000Z');

function createFakeLog() {
  const lines: { level: string; details: object }[] = [];
  return {
    lines,
    info: (details: object) => lines.push({ level: 'info', details }),
    warn: (details: object) => lines.push({ level: 'warn', details }),
    error: (details: object) => lines.push({ level: 'error', details }),
  };
}

/** Takes up to `limit` of `state[key]` rows away and resolves with how many. */
function take<K extends string>(state: Record<K, number>, key: K, limit: number): Promise<number> {
  const deleted = Math.min(limit, state[key]);
  state[key] -= deleted;
  return Promise.resolve(deleted);
}

/**
 * A repository with `remaining` expired log rows (and, once set, ended sessions and spent setup tokens); records each
 * call's cut-off. `state.heldElsewhere`: another process is running the job, so runExclusive does not run it here.
 */
function createFakeRepo(remaining: number) {
  const calls: { before: string; limit: number }[] = [];
  const accountCalls: { kind: string; cutoffs: object; limit: number }[] = [];
  const jobs: string[] = [];
  const state = {
    remaining,
    sessions: 0,
    setupTokens: 0,
    ssoRecords: 0,
    fail: false,
    accountsFail: false,
    heldElsewhere: false,
  };
  const repos = {
    provisioningLog: {
      deleteOlderThan: (before: string, limit: number) => {
        calls.push({ before, limit });
        if (state.fail) return Promise.reject(new Error('database is locked'));
        return take(state, 'remaining', limit);
      },
    },
    adminAccounts: {
      deleteEndedSessions: (cutoffs: { endedBefore: string; lastSeenBefore: string }, limit: number) => {
        accountCalls.push({ kind: 'sessions', cutoffs, limit });
        if (state.accountsFail) return Promise.reject(new Error('no such table: admin_sessions'));
        return take(state, 'sessions', limit);
      },
      deleteSpentSetupTokens: (before: string, limit: number) => {
        accountCalls.push({ kind: 'setupTokens', cutoffs: { before }, limit });
        return take(state, 'setupTokens', limit);
      },
    },
    sso: {
      deleteEnded: (cutoffs: { endedBefore: string; lastSeenBefore: string }, limit: number) => {
        accountCalls.push({ kind: 'sso', cutoffs, limit });
        return take(state, 'ssoRecords', limit);
      },
    },
  };
  return {
    ...repos,
    calls,
    accountCalls,
    jobs,
    state,
    runExclusive: async <T>(name: string, fn: (on: typeof repos) => Promise<T>) => {
      jobs.push(name);
      return state.heldElsewhere ? { ran: false as const } : { ran: true as const, value: await fn(repos) };
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pruneProvisioningLog', () => {
  it('deletes in chunks until a chunk comes back short, with the cut-off from the clock', async () => {
    const repo = createFakeRepo(5);
    const pruning = pruneProvisioningLog({
      store: repo,
      clock: { now: () => NOW },
      retentionDays: 30,
      chunkSize: 2,
    });
    await vi.runAllTimersAsync();
    expect(await pruning).toBe(5);
    expect(repo.calls).toEqual([
      { before: '2026-01-30T12:00:00.000Z', limit: 2 },
      { before: '2026-01-30T12:00:00.000Z', limit: 2 },
      { before: '2026-01-30T12:00:00.000Z', limit: 2 },
    ]);
  });

  it('stops after the current chunk when asked to', async () => {
    const repo = createFakeRepo(100);
    const deleted = await pruneProvisioningLog(
      { store: repo, clock: { now: () => NOW }, retentionDays: 1, chunkSize: 10 },
      () => true,
    );
    expect(deleted).toBe(10);
  });
});

describe('startProvisioningLogPruner', () => {
  it('runs at start and then every interval until stopped', async () => {
    const repo = createFakeRepo(3);
    const log = createFakeLog();
    const pruner = startProvisioningLogPruner({
      store: repo,
      clock: { now: () => NOW },
      retentionDays: 30,
      adminSessionIdleMs: 2 * HOUR,
      log,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(repo.calls).toHaveLength(1);
    expect(log.lines).toEqual([{ level: 'info', details: { deleted: 3, retentionDays: 30 } }]);

    await vi.advanceTimersByTimeAsync(HOUR - 1);
    expect(repo.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(repo.calls).toHaveLength(2);

    await pruner.stop();
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(repo.calls).toHaveLength(2);
  });

  it('skips a run while another process is running one, and runs again at the next interval', async () => {
    const repo = createFakeRepo(3);
    repo.state.heldElsewhere = true;
    const log = createFakeLog();
    const pruner = startProvisioningLogPruner({
      store: repo,
      clock: { now: () => NOW },
      retentionDays: 30,
      adminSessionIdleMs: 2 * HOUR,
      log,
      intervalMs: 1_000,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(repo.jobs).toEqual(['provisioning-log-prune']);
    expect(repo.calls).toEqual([]);
    expect(log.lines).toEqual([]);

    repo.state.heldElsewhere = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(repo.calls).toHaveLength(1);
    expect(log.lines).toEqual([{ level: 'info', details: { deleted: 3, retentionDays: 30 } }]);
    await pruner.stop();
  });

  it('logs a failing run and tries again at the next one', async () => {
    const repo = createFakeRepo(1);
    repo.state.fail = true;
    const log = createFakeLog();
    const pruner = startProvisioningLogPruner({
      store: repo,
      clock: { now: () => NOW },
      retentionDays: 30,
      adminSessionIdleMs: 2 * HOUR,
      log,
      intervalMs: 1_000,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(log.lines.map((l) => l.level)).toEqual(['error']);
    repo.state.fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log.lines.map((l) => l.level)).toEqual(['error', 'info']);
    await pruner.stop();
  });

  it('deletes ended sessions, spent setup tokens and SSO sign-in leftovers in the same run, and logs their counts', async () => {
    const repo = createFakeRepo(3);
    repo.state.sessions = 5;
    repo.state.setupTokens = 1;
    repo.state.ssoRecords = 3;
    const log = createFakeLog();
    const pruner = startProvisioningLogPruner({
      store: repo,
      clock: { now: () => NOW },
      retentionDays: 30,
      adminSessionIdleMs: 2 * HOUR,
      chunkSize: 2,
      log,
    });
    // Chunks of 2: the run yields to requests between chunks (setImmediate, a fake timer here).
    await vi.advanceTimersByTimeAsync(10);
    expect(repo.jobs).toEqual(['provisioning-log-prune']);
    const sessionCutoffs = {
      endedBefore: '2026-02-28T12:00:00.000Z',
      lastSeenBefore: '2026-02-28T10:00:00.000Z',
    };
    expect(repo.accountCalls).toEqual([
      { kind: 'sessions', cutoffs: sessionCutoffs, limit: 2 },
      { kind: 'sessions', cutoffs: sessionCutoffs, limit: 2 },
      { kind: 'sessions', cutoffs: sessionCutoffs, limit: 2 },
      { kind: 'setupTokens', cutoffs: { before: '2026-02-28T12:00:00.000Z' }, limit: 2 },
      { kind: 'sso', cutoffs: sessionCutoffs, limit: 2 },
      { kind: 'sso', cutoffs: sessionCutoffs, limit: 2 },
    ]);
    expect(log.lines).toEqual([
      { level: 'info', details: { deleted: 3, retentionDays: 30 } },
      { level: 'info', details: { sessions: 5, setupTokens: 1, ssoRecords: 3 } },
    ]);
    await pruner.stop();
  });

  it('with the log kept (retention off) still deletes ended sessions and setup tokens, every interval', async () => {
    const repo = createFakeRepo(3);
    repo.state.sessions = 1;
    const log = createFakeLog();
    const pruner = startProvisioningLogPruner({
      store: repo,
      clock: { now: () => NOW },
      retentionDays: null,
      adminSessionIdleMs: 2 * HOUR,
      log,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(repo.calls).toEqual([]);
    expect(log.lines).toEqual([{ level: 'info', details: { sessions: 1, setupTokens: 0, ssoRecords: 0 } }]);

    repo.state.setupTokens = 2;
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(repo.calls).toEqual([]);
    expect(repo.state.remaining).toBe(3);
    expect(log.lines).toEqual([
      { level: 'info', details: { sessions: 1, setupTokens: 0, ssoRecords: 0 } },
      { level: 'info', details: { sessions: 0, setupTokens: 2, ssoRecords: 0 } },
    ]);
    await pruner.stop();
  });

  it('a failing part is logged and the other part still runs', async () => {
    const repo = createFakeRepo(2);
    repo.state.sessions = 4;
    repo.state.fail = true;
    const log = createFakeLog();
    const pruner = startProvisioningLogPruner({
      store: repo,
      clock: { now: () => NOW },
      retentionDays: 30,
      adminSessionIdleMs: 2 * HOUR,
      log,
      intervalMs: 1_000,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(log.lines).toEqual([
      { level: 'error', details: { err: new Error('database is locked') } },
      { level: 'info', details: { sessions: 4, setupTokens: 0, ssoRecords: 0 } },
    ]);

    repo.state.fail = false;
    repo.state.accountsFail = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log.lines.slice(2)).toEqual([
      { level: 'info', details: { deleted: 2, retentionDays: 30 } },
      { level: 'error', details: { err: new Error('no such table: admin_sessions') } },
    ]);
    await pruner.stop();
  });
});
