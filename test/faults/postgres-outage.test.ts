// PostgreSQL going away under traffic, through a TCP proxy between Muster and the server: every request answers (503
// with a SCIM or problem body, never a 500, never a hang), /readyz fails, and once the path is back the same process
// serves again by itself: requests, readiness, the provisioning log writer and the webhook worker.
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresTestSchema, type PostgresTestSchema } from '../support/postgres-test-database.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startWebhookReceiver, type WebhookReceiver } from '../events/webhook-receiver.js';
import { SCIM_ERROR_URN, startOutageApp, userBody, waitFor, type OutageApp } from './outage-fixture.js';

let schema: PostgresTestSchema;
let proxy: TcpProxy;
let receiver: WebhookReceiver;
let fx: OutageApp | undefined;

/** DATABASE_URL of the test schema, through the proxy. */
function proxiedUrl(): string {
  const url = new URL(schema.databaseUrl);
  url.hostname = proxy.host;
  url.port = String(proxy.port);
  return url.toString();
}

beforeEach(async () => {
  schema = await createPostgresTestSchema();
  const direct = new URL(schema.databaseUrl);
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || '5432') });
  receiver = await startWebhookReceiver();
});

afterEach(async () => {
  await fx?.close();
  fx = undefined;
  await proxy.close();
  await receiver.close();
  await schema.drop();
});

function expectScim503(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(503);
  expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
  expect(res.headers['retry-after']).toBe('5');
  expect(res.json()).toEqual({
    schemas: [SCIM_ERROR_URN],
    status: '503',
    detail: 'The database is unavailable; retry later',
  });
}

function expectProblem503(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['retry-after']).toBe('5');
  expect(res.json()).toMatchObject({
    type: 'urn:muster:problem:service-unavailable',
    title: 'Service unavailable',
    status: 503,
  });
}

/** Runs `request` and returns its answer with how long it took. */
async function timed(
  request: () => Promise<LightMyRequestResponse>,
): Promise<{ res: LightMyRequestResponse; ms: number }> {
  const started = performance.now();
  const res = await request();
  return { res, ms: performance.now() - started };
}

interface Traffic {
  readonly answers: { status: number; body: string; ms: number }[];
  stop(): Promise<void>;
}

/** Four clients creating and looking up users without pause until stop(). */
function runTraffic(app: OutageApp): Traffic {
  const answers: Traffic['answers'] = [];
  let running = true;
  let n = 0;
  const client = async (): Promise<void> => {
    while (running) {
      n += 1;
      const id = `traffic-${n}`;
      const request =
        n % 2 === 0
          ? () => app.scim('POST', '/Users', userBody(id))
          : () => app.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "user-${id}"`)}`);
      const { res, ms } = await timed(request);
      answers.push({ status: res.statusCode, body: res.body, ms });
    }
  };
  const clients = Array.from({ length: 4 }, client);
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

describe('PostgreSQL outage', () => {
  it('answers 503 everywhere while the database is gone and recovers by itself when it returns', async () => {
    fx = await startOutageApp({ DATABASE_URL: proxiedUrl() });
    const app = fx;
    const created = await app.scim('POST', '/Users', userBody('before'));
    expect(created.statusCode).toBe(201);
    const userId = created.json<{ id: string }>().id;
    const key = await app.admin('POST', `/users/${userId}/api-keys`, { name: 'laptop' });
    expect(key.statusCode, key.body).toBe(201);
    const apiKey = key.json<{ key: string }>().key;
    const hook = await app.admin('POST', '/webhooks', { url: receiver.url, eventTypes: ['user.created'] });
    expect(hook.statusCode, hook.body).toBe(201);
    expect((await app.readyz()).statusCode).toBe(200);

    const traffic = runTraffic(app);
    await waitFor('traffic before the outage', () => Promise.resolve(traffic.answers.length >= 20), 10_000);
    await proxy.cut();
    const cutAt = traffic.answers.length;
    await waitFor(
      'a 503 under traffic',
      () => Promise.resolve(traffic.answers.slice(cutAt).some((a) => a.status === 503)),
      10_000,
    );

    // Every surface, while the database is gone: an answer within seconds (well before the 10 s connection wait),
    // never a hang.
    const during = [
      { check: expectScim503, request: () => app.scim('GET', `/Users/${userId}`) },
      { check: expectScim503, request: () => app.scim('POST', '/Users', userBody('during')) },
      {
        check: expectScim503,
        request: () =>
          app.scim('POST', '/Bulk', {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
            Operations: [{ method: 'POST', path: '/Users', bulkId: 'a', data: userBody('bulk') }],
          }),
      },
      { check: expectProblem503, request: () => app.admin('GET', '/users') },
      // A gateway must tell "cannot check" from "denied": 503, not 401.
      { check: expectProblem503, request: () => app.verify(apiKey) },
    ];
    for (const { check, request } of during) {
      const { res, ms } = await timed(request);
      check(res);
      expect(ms).toBeLessThan(5_000);
    }
    const notReady = await timed(() => app.readyz());
    expect(notReady.res.statusCode).toBe(503);
    expect(notReady.res.json()).toEqual({ status: 'unavailable' });
    expect(notReady.ms).toBeLessThan(5_000);

    // The database returns: the same process serves again, without a restart.
    await proxy.restore();
    await waitFor('/readyz 200', async () => (await app.readyz()).statusCode === 200, 15_000);
    await waitFor(
      'traffic answered 2xx again',
      () => Promise.resolve(traffic.answers.slice(-8).every((a) => a.status < 300)),
      15_000,
    );
    await traffic.stop();

    // Under traffic, every answer was a success or a 503 with a SCIM error body: never a 500 or another error.
    for (const answer of traffic.answers) {
      expect([200, 201, 503], answer.body).toContain(answer.status);
      if (answer.status === 503) {
        expect(JSON.parse(answer.body)).toMatchObject({ schemas: [SCIM_ERROR_URN], status: '503' });
      }
      expect(answer.ms).toBeLessThan(5_000);
    }

    expect((await app.scim('GET', `/Users/${userId}`)).statusCode).toBe(200);
    const after = await app.scim('POST', '/Users', userBody('after'));
    expect(after.statusCode).toBe(201);
    expect((await app.admin('GET', '/users')).statusCode).toBe(200);
    expect((await app.verify(apiKey)).statusCode).toBe(200);

    // The webhook worker resumed: the user created after the outage reaches the receiver.
    const afterId = after.json<{ id: string }>().id;
    await waitFor(
      'the webhook of the user created after the outage',
      () => Promise.resolve(receiver.requests.some((r) => r.body.includes(afterId))),
      10_000,
    );
    // The provisioning log writer kept the entries of the requests answered during the outage and wrote them.
    await waitFor(
      'provisioning log entries of the 503s',
      async () => {
        const log = await app.admin('GET', '/provisioning-log?status=503');
        return log.statusCode === 200 && log.json<{ items: unknown[] }>().items.length > 0;
      },
      10_000,
    );
  }, 90_000);

  it('answers 503 within a bound when the network to the database is partitioned, and recovers', async () => {
    // A partition answers nothing: the server's statement timeout cannot fire, so the client's query timeout (statement
    // timeout + 5 s) and the pool's connect timeout (10 s) are what bound a request.
    fx = await startOutageApp({ DATABASE_URL: proxiedUrl(), DATABASE_STATEMENT_TIMEOUT_MS: '500' });
    const app = fx;
    const created = await app.scim('POST', '/Users', userBody('before'));
    expect(created.statusCode).toBe(201);
    const userId = created.json<{ id: string }>().id;

    proxy.blackhole();
    const [read, write, admin, ready] = await Promise.all([
      timed(() => app.scim('GET', `/Users/${userId}`)),
      timed(() => app.scim('POST', '/Users', userBody('during'))),
      timed(() => app.admin('GET', '/users')),
      timed(() => app.readyz()),
    ]);
    expectScim503(read.res);
    expectScim503(write.res);
    expectProblem503(admin.res);
    expect(ready.res.statusCode).toBe(503);
    for (const { ms } of [read, write, admin, ready]) expect(ms).toBeLessThan(12_000);

    await proxy.restore();
    await waitFor('/readyz 200', async () => (await app.readyz()).statusCode === 200, 15_000);
    expect((await app.scim('GET', `/Users/${userId}`)).statusCode).toBe(200);
    expect((await app.scim('POST', '/Users', userBody('after'))).statusCode).toBe(201);
  }, 60_000);
});
