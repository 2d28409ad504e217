// A Muster database with some of everything, written through the real app (SCIM, admin API, webhook worker), and what
// the SCIM and admin APIs show of a database, so two databases can be compared as a client sees them.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createMuster, uuidV7Ids, type Muster } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Clock } from '../../src/domain/ports.js';
import { createWebhookWorker } from '../../src/events/webhook-worker.js';
import { createTestApp } from '../support/test-app.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface Seeded {
  /** SCIM tokens of organizations `default` and `acme`. */
  readonly scimToken: string;
  readonly acmeToken: string;
  /** An instance-wide admin key. */
  readonly adminKey: string;
  /** An API key that verifies, and one blocked by its user's deactivation. */
  readonly activeKey: string;
  readonly blockedKey: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Client {
  scim(method: Method, path: string, body?: unknown, token?: string): Promise<LightMyRequestResponse>;
  admin(method: Method, path: string, body?: unknown, org?: string): Promise<LightMyRequestResponse>;
  verify(key: string): Promise<LightMyRequestResponse>;
}

export function client(app: FastifyInstance, seeded: Pick<Seeded, 'scimToken' | 'adminKey'>): Client {
  const send = (method: Method, url: string, token: string, body: unknown, headers = {}) =>
    app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  return {
    scim: (method, path, body, token = seeded.scimToken) => send(method, `/scim/v2${path}`, token, body),
    admin: (method, path, body, org) =>
      send(method, `/api/v1${path}`, seeded.adminKey, body, org === undefined ? {} : { 'x-muster-org': org }),
    verify: (key) => send('GET', '/api/v1/keys/verify', key, undefined),
  };
}

/** The response's JSON after checking its status. */
async function ok(response: Promise<LightMyRequestResponse>, status = 200): Promise<Record<string, unknown>> {
  const res = await response;
  expect(res.statusCode, res.body).toBe(status);
  return res.body === '' ? {} : res.json<Record<string, unknown>>();
}

const idOf = async (response: Promise<LightMyRequestResponse>): Promise<string> =>
  (await ok(response, 201))['id'] as string;

/** Seeds the database at `databaseUrl` through a real app, then closes it (which writes the provisioning log). */
export async function seedThroughApp(databaseUrl: string): Promise<Seeded> {
  const t = await createTestApp({ DATABASE_URL: databaseUrl, WEBHOOK_WORKER: 'off' });
  try {
    const acmeToken = await t.createOrgToken('acme');
    const c = client(t.app, { scimToken: t.token, adminKey: t.adminKey });
    // Created first: the endpoint receives the events that follow.
    const hook = await idOf(c.admin('POST', '/webhooks', { url: 'https://hooks.example.com/muster' }));
    await ok(c.admin('POST', `/webhooks/${hook}/rotate-secret`, {}));

    const grace = await idOf(
      c.scim('POST', '/Users', {
        schemas: [USER, ENTERPRISE],
        userName: 'grace@example.com',
        name: { givenName: 'Grace', familyName: 'Hopper' },
        emails: [{ value: 'grace@example.com', type: 'work', primary: true }],
        [ENTERPRISE]: { employeeNumber: '1001', department: 'Research' },
      }),
    );
    const zoe = await idOf(
      c.scim('POST', '/Users', {
        schemas: [USER, ENTERPRISE],
        userName: 'Zoë.Ångström@example.com',
        displayName: 'Zoë Ångström',
        externalId: 'entra-7f3a',
        title: 'Pilot',
        [ENTERPRISE]: { costCenter: 'CC-9', manager: { value: grace } },
      }),
    );
    const leaver = await idOf(c.scim('POST', '/Users', { schemas: [USER], userName: 'leaver@example.com' }));
    const eng = await idOf(
      c.scim('POST', '/Groups', {
        schemas: [GROUP],
        displayName: 'Engineering',
        members: [{ value: grace }, { value: zoe }],
      }),
    );
    const everyone = await idOf(
      c.scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Everyone', members: [{ value: eng }] }),
    );
    await ok(
      c.scim('PATCH', `/Groups/${everyone}`, {
        schemas: [PATCH],
        Operations: [{ op: 'add', path: 'members', value: [{ value: leaver }] }],
      }),
      204,
    );
    // A failed request is logged too, with its scimType.
    await ok(c.scim('POST', '/Users', { schemas: [USER], userName: 'GRACE@example.com' }), 409);
    await idOf(c.admin('POST', '/users', { userName: 'ops@example.com', displayName: 'Ops Robot' }));
    await idOf(c.scim('POST', '/Users', { schemas: [USER], userName: 'ada@acme.test' }, acmeToken));

    const activeKey = (await ok(c.admin('POST', `/users/${zoe}/api-keys`, { name: 'laptop' }), 201))['key'];
    const blockedKey = (await ok(c.admin('POST', `/users/${leaver}/api-keys`, { name: 'ci' }), 201))['key'];
    await ok(c.admin('POST', `/teams/${eng}/api-keys`, { name: 'deploy' }), 201);
    const revoked = await idOf(c.admin('POST', `/users/${grace}/api-keys`, { name: 'old' }));
    await ok(c.admin('DELETE', `/api-keys/${revoked}`));
    await ok(
      c.scim('PATCH', `/Users/${leaver}`, {
        schemas: [PATCH],
        Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      }),
    );
    if (typeof activeKey !== 'string' || typeof blockedKey !== 'string')
      throw new Error('no API key created');
    await ok(c.verify(activeKey));
    await ok(c.verify(blockedKey), 401);

    // Deliveries and attempts: the worker against a receiver that refuses deactivations.
    const answered: number[] = [];
    const worker = createWebhookWorker({
      store: t.muster.store,
      clock: t.muster.tokenDeps.clock,
      ids: uuidV7Ids,
      fetch: (_url, init) => {
        const refused = typeof init.body === 'string' && init.body.includes('"user.deactivated"');
        answered.push(refused ? 503 : 200);
        return Promise.resolve(new Response(refused ? 'try later' : 'ok', { status: refused ? 503 : 200 }));
      },
    });
    // One resource's events go out one at a time, in order: a pass per step until the queue is idle.
    for (let pass = 0; pass < 10 && (await worker.runOnce()).attempted > 0; pass += 1);
    expect(answered.filter((status) => status === 503)).toHaveLength(1);
    expect(answered.filter((status) => status === 200).length).toBeGreaterThan(5);
    return { scimToken: t.token, acmeToken, adminKey: t.adminKey, activeKey, blockedKey };
  } finally {
    await t.close();
  }
}

/** The app on `databaseUrl` as the server would run it, with a clock that stands still (no last-used updates). */
export function startMuster(databaseUrl: string, clock: Clock): Promise<Muster> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: 'http://muster.test',
    LOG_LEVEL: 'silent',
    WEBHOOK_WORKER: 'off',
  });
  return createMuster(config, { clock });
}

type Json = Record<string, unknown>;
const itemsOf = (page: Json): Json[] => page['items'] as Json[];

/**
 * Everything the APIs show, read with the seeded credentials (so they are proven to work). Provisioning log entries of
 * GET requests are left out: the reads made here are logged themselves.
 */
export async function viewThroughApis(app: FastifyInstance, seeded: Seeded): Promise<Json> {
  const c = client(app, seeded);
  const view: Json = {};
  for (const org of ['default', 'acme']) {
    const get = (path: string) => ok(c.admin('GET', path, undefined, org));
    const log = itemsOf(await get('/provisioning-log?limit=200')).filter(
      (entry) => entry['method'] !== 'GET',
    );
    const teams = itemsOf(await get('/teams?limit=200'));
    const webhooks = itemsOf(await get('/webhooks'));
    const deliveries: Json = {};
    for (const hook of webhooks) {
      for (const delivery of itemsOf(await get(`/webhooks/${String(hook['id'])}/deliveries?limit=200`))) {
        const id = String(delivery['id']);
        deliveries[id] = { delivery, attempts: await get(`/webhook-deliveries/${id}/attempts`) };
      }
    }
    view[org] = {
      scimTokens: await get('/scim-tokens'),
      users: await get('/users?limit=200'),
      teams,
      members: await Promise.all(teams.map((team) => get(`/teams/${String(team['id'])}/members`))),
      apiKeys: await get('/api-keys?limit=200'),
      events: await get('/events?after=0&limit=1000'),
      webhooks,
      deliveries,
      log,
      logEntries: await Promise.all(log.map((entry) => get(`/provisioning-log/${String(entry['id'])}`))),
    };
  }
  view['organizations'] = await ok(c.admin('GET', '/organizations'));
  view['scim'] = {
    users: await ok(c.scim('GET', '/Users?count=1000')),
    groups: await ok(c.scim('GET', '/Groups?count=1000')),
    acmeUsers: await ok(c.scim('GET', '/Users?count=1000', undefined, seeded.acmeToken)),
  };
  return view;
}

/** The last sequence number of organization `default`'s event feed. */
export async function lastSequence(app: FastifyInstance, seeded: Seeded): Promise<number> {
  const page = await ok(client(app, seeded).admin('GET', '/events?after=0&limit=1000'));
  const last = itemsOf(page).at(-1)?.['sequence'];
  if (typeof last !== 'number') throw new Error('the event feed is empty');
  return last;
}
