// Retention of console sign-in records: the hourly job deletes sessions and setup tokens a day after they ended (past
// their lifetime, signed out, idle past the idle timeout; used or expired), keeps everything else, and runs even when
// the provisioning log's retention is `off`.
import { afterEach, describe, expect, it } from 'vitest';
import { pruneAdminAccounts } from '../../src/domain/admin-account-pruner.js';
import type {
  AdminSessionRecord,
  AdminSetupTokenRecord,
  Clock,
  ProvisioningLogEntry,
} from '../../src/domain/ports.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { setUpFirstAdmin, signIn, withCookie } from './console-session.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let t: TestApp | undefined;
let nowMs: number;
const clock: Clock = { now: () => new Date(nowMs) };
const at = (offsetMs: number): string => new Date(nowMs + offsetMs).toISOString();
/** A distinct, well-formed token hash per name (64 hex digits). */
const hashOf = (name: string): string => Buffer.from(name.padEnd(32, '.')).toString('hex').slice(0, 64);

afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function insertSession(
  app: TestApp,
  adminUserId: string,
  name: string,
  times: Pick<AdminSessionRecord, 'createdAt' | 'expiresAt' | 'lastSeenAt' | 'revokedAt'>,
): Promise<void> {
  await app.muster.store.adminAccounts.insertSession({
    id: `session-${name}`,
    adminUserId,
    tokenHash: hashOf(name),
    ...times,
  });
}

async function insertSetupToken(
  app: TestApp,
  name: string,
  times: Pick<AdminSetupTokenRecord, 'createdAt' | 'expiresAt' | 'usedAt'>,
): Promise<void> {
  await app.muster.store.adminAccounts.insertSetupToken({
    id: `setup-${name}`,
    tokenHash: hashOf(name),
    email: null,
    ...times,
  });
}

/** Which of `names` still have a session (or, with `kind` setup, a setup token) row. */
async function remaining(app: TestApp, kind: 'session' | 'setup', names: readonly string[]) {
  const repo = app.muster.store.adminAccounts;
  const found: string[] = [];
  for (const name of names) {
    const row =
      kind === 'session'
        ? await repo.findSessionByHash(hashOf(name))
        : await repo.findSetupTokenByHash(hashOf(name));
    if (row !== undefined) found.push(name);
  }
  return found;
}

describe('console account retention', () => {
  it('deletes exactly the sessions and setup tokens that ended over a day ago; a live session still works', async () => {
    nowMs = Date.parse('2026-03-01T09:00:00.000Z');
    // A 7-day idle timeout and 30-day sessions, so that each row below has ended in one way only.
    t = await createTestApp({ ADMIN_SESSION_IDLE_MINUTES: '10080', ADMIN_SESSION_HOURS: '720' }, { clock });
    const admin = await setUpFirstAdmin(t);
    const adminId = admin.admin.id;
    const signedIn = await signIn(t, 'root@example.com');
    nowMs += 3 * DAY;
    const stillOpen = { expiresAt: at(20 * DAY), revokedAt: null };

    await insertSession(t, adminId, 'expired-2d', {
      createdAt: at(-3 * DAY),
      expiresAt: at(-2 * DAY),
      lastSeenAt: at(-2 * DAY - HOUR),
      revokedAt: null,
    });
    await insertSession(t, adminId, 'expired-1h', {
      createdAt: at(-2 * DAY),
      expiresAt: at(-HOUR),
      lastSeenAt: at(-2 * HOUR),
      revokedAt: null,
    });
    await insertSession(t, adminId, 'revoked-2d', {
      createdAt: at(-2 * DAY - HOUR),
      lastSeenAt: at(-2 * DAY),
      ...stillOpen,
      revokedAt: at(-2 * DAY),
    });
    await insertSession(t, adminId, 'revoked-1h', {
      createdAt: at(-2 * DAY),
      lastSeenAt: at(-HOUR),
      ...stillOpen,
      revokedAt: at(-HOUR),
    });
    // Idle ended (7 days after last seen) a minute over a day ago, and an hour under a day ago.
    await insertSession(t, adminId, 'idle-ended-1d', {
      createdAt: at(-9 * DAY),
      lastSeenAt: at(-8 * DAY - MINUTE),
      ...stillOpen,
    });
    await insertSession(t, adminId, 'idle-ended-23h', {
      createdAt: at(-9 * DAY),
      lastSeenAt: at(-8 * DAY + HOUR),
      ...stillOpen,
    });
    await insertSession(t, adminId, 'live', { createdAt: at(-HOUR), lastSeenAt: at(-MINUTE), ...stillOpen });

    await insertSetupToken(t, 'used-2d', {
      createdAt: at(-3 * DAY),
      expiresAt: at(DAY),
      usedAt: at(-2 * DAY),
    });
    await insertSetupToken(t, 'used-1h', { createdAt: at(-2 * HOUR), expiresAt: at(DAY), usedAt: at(-HOUR) });
    await insertSetupToken(t, 'expired-2d', {
      createdAt: at(-3 * DAY),
      expiresAt: at(-2 * DAY),
      usedAt: null,
    });
    await insertSetupToken(t, 'expired-1h', { createdAt: at(-DAY), expiresAt: at(-HOUR), usedAt: null });
    await insertSetupToken(t, 'live', { createdAt: at(-HOUR), expiresAt: at(23 * HOUR), usedAt: null });

    const deleted = await pruneAdminAccounts(
      { store: t.muster.store, clock, idleMs: 10_080 * MINUTE, chunkSize: 2 },
      () => false,
    );

    // Besides the rows above, the first admin's setup token (used 3 days ago) goes; its two sessions (idle 3 days of
    // the 7 allowed) stay.
    expect(deleted).toEqual({ sessions: 3, setupTokens: 3, ssoRecords: 0 });
    const sessionNames = [
      'expired-2d',
      'expired-1h',
      'revoked-2d',
      'revoked-1h',
      'idle-ended-1d',
      'idle-ended-23h',
    ];
    expect(await remaining(t, 'session', [...sessionNames, 'live'])).toEqual([
      'expired-1h',
      'revoked-1h',
      'idle-ended-23h',
      'live',
    ]);
    const tokenNames = ['used-2d', 'used-1h', 'expired-2d', 'expired-1h', 'live'];
    expect(await remaining(t, 'setup', tokenNames)).toEqual(['used-1h', 'expired-1h', 'live']);

    const res = await withCookie(t, signedIn.token, 'GET', '/session');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ admin: { id: string } }>().admin.id).toBe(adminId);
  });

  it('deletes ended SSO sessions, expired pending sign-ins and used SAML assertions past expiry', async () => {
    nowMs = Date.parse('2026-03-01T09:00:00.000Z');
    // The app's own retention pass, which starts with it, runs a year earlier: it must leave the rows below to the
    // pass under test, whenever it gets to them.
    const startClock: Clock = { now: () => new Date(nowMs - 365 * DAY) };
    t = await createTestApp({}, { clock: startClock });
    const orgId = t.muster.defaultOrganization.id;
    const store = t.muster.store;
    const connection = await store.sso.saveConnection({
      id: 'connection-1',
      orgId,
      kind: 'saml',
      enabled: true,
      settings: {},
      clientSecret: null,
      createdAt: at(0),
      updatedAt: at(0),
    });
    await store.users.insert({
      id: 'user-1',
      orgId,
      userName: 'kim@example.com',
      externalId: null,
      displayName: null,
      active: true,
      data: { userName: 'kim@example.com' },
      version: 1,
      createdAt: at(0),
      updatedAt: at(0),
    });
    const session = (name: string, expiresAt: string) =>
      store.sso.insertSession({
        id: `user-session-${name}`,
        orgId,
        userId: 'user-1',
        connectionId: connection.id,
        role: 'member',
        tokenHash: hashOf(`sso-${name}`),
        createdAt: at(-3 * DAY),
        expiresAt,
        lastSeenAt: at(-MINUTE),
        revokedAt: null,
      });
    await session('expired-2d', at(-2 * DAY));
    await session('live', at(DAY));
    const request = (name: string, expiresAt: string) =>
      store.sso.insertLoginRequest({
        id: `request-${name}`,
        connectionId: connection.id,
        browserHash: null,
        nonce: null,
        codeVerifier: null,
        next: '/',
        createdAt: at(-3 * DAY),
        expiresAt,
      });
    await request('expired-2d', at(-2 * DAY));
    await request('live', at(10 * MINUTE));
    expect(await store.sso.useSamlAssertion(connection.id, 'assertion-expired-2d', at(-2 * DAY))).toBe(true);
    expect(await store.sso.useSamlAssertion(connection.id, 'assertion-live', at(HOUR))).toBe(true);

    const deleted = await pruneAdminAccounts(
      { store, clock, idleMs: 120 * MINUTE, chunkSize: 2 },
      () => false,
    );

    expect(deleted).toEqual({ sessions: 0, setupTokens: 0, ssoRecords: 3 });
    expect(await store.sso.findSessionByHash(hashOf('sso-expired-2d'))).toBeUndefined();
    expect((await store.sso.findSessionByHash(hashOf('sso-live')))?.session.id).toBe('user-session-live');
    expect(await store.sso.takeLoginRequest('request-expired-2d', null)).toBeUndefined();
    expect((await store.sso.takeLoginRequest('request-live', null))?.id).toBe('request-live');
    // A used assertion still inside its validity stays refused; the expired one's row is gone.
    expect(await store.sso.useSamlAssertion(connection.id, 'assertion-live', at(HOUR))).toBe(false);
    expect(await store.sso.useSamlAssertion(connection.id, 'assertion-expired-2d', at(-2 * DAY))).toBe(true);
  });

  it('runs in the app hourly job with the configured idle timeout, also with the log retention off', async () => {
    nowMs = Date.now();
    t = await createTestApp(
      { PROVISIONING_LOG_RETENTION_DAYS: 'off', ADMIN_SESSION_IDLE_MINUTES: '30' },
      { clock, provisioningLog: { pruner: { intervalMs: 50 } } },
    );
    const admin = await setUpFirstAdmin(t);
    const orgId = t.muster.defaultOrganization.id;
    const oldEntry: ProvisioningLogEntry = {
      id: 'entry-400-days-old',
      orgId,
      tokenId: null,
      requestId: 'req-old',
      at: at(-400 * DAY),
      method: 'GET',
      path: '/scim/v2/Users',
      status: 200,
      durationMs: 1,
      scimType: null,
      resourceType: null,
      resourceId: null,
      requestBody: null,
      responseBody: null,
    };
    await t.muster.store.transaction((tx) => tx.provisioningLog.insertMany([oldEntry]));
    // Idle (30 minutes) ended a day and a minute ago; and a day less a minute ago.
    const open = { expiresAt: at(11 * HOUR), revokedAt: null };
    await insertSession(t, admin.admin.id, 'idle-over', {
      createdAt: at(-DAY - 31 * MINUTE),
      lastSeenAt: at(-DAY - 31 * MINUTE),
      ...open,
    });
    await insertSession(t, admin.admin.id, 'idle-under', {
      createdAt: at(-DAY - 29 * MINUTE),
      lastSeenAt: at(-DAY - 29 * MINUTE),
      ...open,
    });

    const started = Date.now();
    while ((await remaining(t, 'session', ['idle-over'])).length > 0 && Date.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await remaining(t, 'session', ['idle-over', 'idle-under'])).toEqual(['idle-under']);
    expect((await t.muster.store.provisioningLog.list(orgId, { limit: 10 })).map((e) => e.id)).toEqual([
      'entry-400-days-old',
    ]);
  });
});
