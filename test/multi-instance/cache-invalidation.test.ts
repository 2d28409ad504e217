// Credentials cached by one instance are dropped when another instance (or the CLI) changes them: the change's
// transaction announces it (NOTIFY), every instance LISTENs and clears its caches. Most tests raise the caches'
// lifetime to a minute, so a rejection within a second can only come from the announcement; one test shows that
// without an announcement the entry really does stay cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStore } from '../../src/cli/with-store.js';
import { revokeScimToken } from '../../src/domain/scim-tokens.js';
import { cacheInvalidationChannel } from '../../src/store/postgres/postgres-coordination.js';
import {
  startTwoInstances,
  type RunningInstance,
  type TwoInstances,
} from '../support/start-two-instances.js';
import { admin, newGroup, newUser, patchBody, scim, untilEquals, verifyStatus } from './http-client.js';

/** "Well within" the default cache lifetime of 1 s. */
const DEADLINE_MS = 1_000;

interface UserKey {
  readonly userId: string;
  readonly keyId: string;
  readonly key: string;
}

async function userWithKey(
  both: TwoInstances,
  userName: string,
  keyFields: { readonly teamId?: string } = {},
): Promise<UserKey> {
  const user = await scim(both.a, both.token, 'POST', '/Users', newUser(userName));
  expect(user.status).toBe(201);
  const userId = user.body.id as string;
  if (keyFields.teamId !== undefined) {
    const joined = await scim(
      both.a,
      both.token,
      'PATCH',
      `/Groups/${keyFields.teamId}`,
      patchBody({ op: 'add', path: 'members', value: [{ value: userId }] }),
    );
    expect(joined.status).toBe(204);
  }
  const created = await admin(both.a, both.adminKey, 'POST', `/users/${userId}/api-keys`, {
    name: 'gateway',
    ...keyFields,
  });
  expect(created.status).toBe(201);
  return { userId, keyId: created.body.id as string, key: created.body.key as string };
}

/** Verifies on `instance` (so it caches the key there), then waits for it to answer 401 there. */
async function rejectedOn(
  instance: RunningInstance,
  key: string,
  change: () => Promise<void>,
): Promise<number> {
  expect(await verifyStatus(instance, key)).toBe(200);
  expect(await verifyStatus(instance, key)).toBe(200);
  await change();
  return untilEquals(() => verifyStatus(instance, key), 401, DEADLINE_MS);
}

/**
 * The announcements of a test's own set-up (creating the user and key) reach B a moment after A has answered, and
 * clear B's cache when they do: a test that needs an entry to stay cached waits for them first.
 */
const announcementsSettled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

const scimStatus = async (instance: RunningInstance, token: string): Promise<number> =>
  (await scim(instance, token, 'GET', '/Users?count=1')).status;

describe('with the caches trusted for a minute, announcements are what invalidates them', () => {
  let both: TwoInstances;
  beforeAll(async () => {
    both = await startTwoInstances({ options: () => ({ credentialCacheMs: 60_000 }) });
  });
  afterAll(async () => {
    await both.close();
  });

  it('a user deactivated through A: B rejects the user’s key within a second', async () => {
    const { userId, key } = await userWithKey(both, 'deactivated@example.com');
    const took = await rejectedOn(both.b, key, async () => {
      const patched = await scim(
        both.a,
        both.token,
        'PATCH',
        `/Users/${userId}`,
        patchBody({ op: 'replace', path: 'active', value: false }),
      );
      expect(patched.status).toBe(200);
    });
    expect(took).toBeLessThan(DEADLINE_MS);
  });

  it('a user deleted through A: B rejects the user’s key', async () => {
    const { userId, key } = await userWithKey(both, 'deleted@example.com');
    await rejectedOn(both.b, key, async () => {
      expect((await scim(both.a, both.token, 'DELETE', `/Users/${userId}`)).status).toBe(204);
    });
  });

  it('a key revoked through A’s admin API: B rejects it', async () => {
    const { keyId, key } = await userWithKey(both, 'revoked@example.com');
    await rejectedOn(both.b, key, async () => {
      expect((await admin(both.a, both.adminKey, 'DELETE', `/api-keys/${keyId}`)).status).toBe(200);
    });
  });

  it('a team-bound key whose user leaves the team through A: B rejects it', async () => {
    const team = await scim(both.a, both.token, 'POST', '/Groups', newGroup('Payments'));
    const teamId = team.body.id as string;
    const { userId, key } = await userWithKey(both, 'leaver@example.com', { teamId });
    await rejectedOn(both.b, key, async () => {
      const left = await scim(
        both.a,
        both.token,
        'PATCH',
        `/Groups/${teamId}`,
        patchBody({ op: 'remove', path: `members[value eq "${userId}"]` }),
      );
      expect(left.status).toBe(204);
    });
  });

  it('a SCIM token revoked through A’s admin API: B answers its next requests 401', async () => {
    const created = await admin(both.a, both.adminKey, 'POST', '/scim-tokens', { name: 'okta' });
    const token = created.body.token as string;
    expect(await scimStatus(both.b, token)).toBe(200);
    expect(await scimStatus(both.b, token)).toBe(200);
    expect(
      (await admin(both.a, both.adminKey, 'DELETE', `/scim-tokens/${created.body.id as string}`)).status,
    ).toBe(200);
    expect(await untilEquals(() => scimStatus(both.b, token), 401, DEADLINE_MS)).toBeLessThan(DEADLINE_MS);
  });

  it('a SCIM token revoked by the CLI: both instances answer 401', async () => {
    const created = await admin(both.a, both.adminKey, 'POST', '/scim-tokens', { name: 'entra' });
    const token = created.body.token as string;
    for (const instance of [both.a, both.b]) expect(await scimStatus(instance, token)).toBe(200);
    await withStore(both.a.muster.config, (deps) => revokeScimToken(deps, created.body.id as string));
    for (const instance of [both.a, both.b]) {
      expect(await untilEquals(() => scimStatus(instance, token), 401, DEADLINE_MS)).toBeLessThan(
        DEADLINE_MS,
      );
    }
  });

  it('a change written to the database without an announcement stays cached: the announcement is what is fast', async () => {
    const { keyId, key } = await userWithKey(both, 'unannounced@example.com');
    await announcementsSettled();
    expect(await verifyStatus(both.b, key)).toBe(200);
    await both.query('update api_keys set revoked_at = $1 where id = $2', [new Date().toISOString(), keyId]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Past the default lifetime, still answered from B's cache; A, which never cached it, reads the revocation.
    expect(await verifyStatus(both.b, key)).toBe(200);
    expect(await verifyStatus(both.a, key)).toBe(401);
  });

  it('after its LISTEN connection is lost, an instance reconnects, clears its caches and hears announcements again', async () => {
    const first = await userWithKey(both, 'missed@example.com');
    await announcementsSettled();
    expect(await verifyStatus(both.b, first.key)).toBe(200);
    // A change no announcement will tell B about: B can only learn it by clearing its cache when it reconnects.
    await both.query('update api_keys set revoked_at = $1 where id = $2', [
      new Date().toISOString(),
      first.keyId,
    ]);
    expect(await verifyStatus(both.b, first.key)).toBe(200);
    const listeners = await both.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and query = $1',
      [`listen ${cacheInvalidationChannel(both.schema.schema)}`],
    );
    expect(listeners).toHaveLength(2);
    for (const { pid } of listeners) await both.query('select pg_terminate_backend($1)', [pid]);
    expect(await untilEquals(() => verifyStatus(both.b, first.key), 401, DEADLINE_MS)).toBeLessThan(
      DEADLINE_MS,
    );

    // Listening again: the next announced change reaches B as before.
    const second = await userWithKey(both, 'heard@example.com');
    const took = await rejectedOn(both.b, second.key, async () => {
      expect((await admin(both.a, both.adminKey, 'DELETE', `/api-keys/${second.keyId}`)).status).toBe(200);
    });
    expect(took).toBeLessThan(DEADLINE_MS);
  });
});

describe('with the default cache lifetime', () => {
  let both: TwoInstances;
  beforeAll(async () => {
    both = await startTwoInstances();
  });
  afterAll(async () => {
    await both.close();
  });

  it('a key deactivated through A is rejected by B within 1 s', async () => {
    const { userId, key } = await userWithKey(both, 'default-ttl@example.com');
    const took = await rejectedOn(both.b, key, async () => {
      const patched = await scim(
        both.a,
        both.token,
        'PATCH',
        `/Users/${userId}`,
        patchBody({ op: 'replace', path: 'active', value: false }),
      );
      expect(patched.status).toBe(200);
    });
    expect(took).toBeLessThan(DEADLINE_MS);
  });

  it('a SCIM token revoked through B is rejected by A within 1 s', async () => {
    const created = await admin(both.b, both.adminKey, 'POST', '/scim-tokens', { name: 'onelogin' });
    const token = created.body.token as string;
    expect(await scimStatus(both.a, token)).toBe(200);
    expect(
      (await admin(both.b, both.adminKey, 'DELETE', `/scim-tokens/${created.body.id as string}`)).status,
    ).toBe(200);
    expect(await untilEquals(() => scimStatus(both.a, token), 401, DEADLINE_MS)).toBeLessThan(DEADLINE_MS);
  });
});
