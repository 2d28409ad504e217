// SIGTERM to a real `muster serve` with requests in flight: they finish with 200, new connections are refused at once,
// the webhook worker finishes (and records) the delivery it is sending, the provisioning log writer writes the entries
// it still holds, and the process exits 0 well within the shutdown grace period.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { startWebhookReceiver, type WebhookReceiver } from '../events/webhook-receiver.js';
import { createCredential, serveEnv, startMuster, type SpawnedMuster } from './spawned-muster.js';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const BULKS = 4;
const OPERATIONS = 150;

let dir: string;
let receiver: WebhookReceiver;
let server: SpawnedMuster | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'muster-sigterm-'));
  receiver = await startWebhookReceiver();
});

afterEach(async () => {
  if (server !== undefined && server.child.exitCode === null) server.child.kill('SIGKILL');
  server = undefined;
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly requestId: string;
  readonly body: string;
}

/**
 * A POST whose headers the server has accepted (it answered `100 Continue`, so the request is in progress) and whose
 * body is sent only when `send()` is called.
 */
async function startPost(
  origin: string,
  path: string,
  headers: Readonly<Record<string, string>>,
): Promise<{ send(body: string): Promise<Answer> }> {
  const request: ClientRequest = httpRequest(`${origin}${path}`, {
    method: 'POST',
    headers: { ...headers, expect: '100-continue', connection: 'close' },
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request.on('response', resolve).on('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    request.on('continue', resolve).on('error', reject);
    request.flushHeaders();
  });
  return {
    async send(body) {
      request.end(body);
      const res = await response;
      let text = '';
      for await (const chunk of res) text += String(chunk);
      return { status: res.statusCode ?? 0, requestId: String(res.headers['x-request-id']), body: text };
    },
  };
}

function bulkOf(batch: number): string {
  return JSON.stringify({
    schemas: [BULK_REQUEST],
    Operations: Array.from({ length: OPERATIONS }, (_, i) => ({
      method: 'POST',
      path: '/Users',
      bulkId: `u${i}`,
      data: { schemas: [USER_SCHEMA], userName: `bulk-${batch}-${i}@example.com` },
    })),
  });
}

/** Resolves with the error code of a new TCP connection to `port`, or undefined when it was accepted. */
function tryConnect(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code ?? error.message);
    });
  });
}

describe('SIGTERM', () => {
  it('drains in-flight requests, stops the workers cleanly and exits 0', async () => {
    const env = serveEnv({ DATABASE_URL: `sqlite:${join(dir, 'muster.db')}`, WEBHOOK_TIMEOUT_MS: '8000' });
    const token = await createCredential('scim-token', env);
    const adminKey = await createCredential('admin-key', env);
    server = await startMuster(env);
    const { origin, port } = server;
    const scimHeaders = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };

    // A webhook delivery the worker is still sending when the signal comes.
    const hook = await fetch(`${origin}/api/v1/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, eventTypes: ['user.created'] }),
    });
    expect(hook.status).toBe(201);
    const held = receiver.holdNext();
    const first = await fetch(`${origin}/scim/v2/Users`, {
      method: 'POST',
      headers: scimHeaders,
      body: JSON.stringify({ schemas: [USER_SCHEMA], userName: 'first@example.com' }),
    });
    expect(first.status).toBe(201);
    await held.arrived;

    // Requests in progress: their headers are in, their bodies (big Bulk requests) follow the signal.
    const inFlight = await Promise.all(
      Array.from({ length: BULKS }, () => startPost(origin, '/scim/v2/Bulk', scimHeaders)),
    );
    const signalledAt = performance.now();
    server.child.kill('SIGTERM');

    // New connections are refused while the in-flight requests have not even sent their bodies yet.
    let refusal: string | undefined;
    const deadline = Date.now() + 2_000;
    while (refusal === undefined && Date.now() < deadline) {
      refusal = await tryConnect(port);
      if (refusal === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(refusal).toBe('ECONNREFUSED');

    const answers = await Promise.all(inFlight.map((post, batch) => post.send(bulkOf(batch))));
    // The delivery has been in flight all along (the receiver answers within WEBHOOK_TIMEOUT_MS): the worker's stop
    // waits for it, so it is the last thing the process finishes.
    expect(performance.now() - signalledAt).toBeLessThan(7_000);
    held.release();
    for (const answer of answers) {
      expect(answer.status, answer.body).toBe(200);
      const { Operations } = JSON.parse(answer.body) as { Operations: { status: string }[] };
      expect(Operations).toHaveLength(OPERATIONS);
      expect(Operations.every((op) => op.status === '201')).toBe(true);
    }

    const [code, signal] = await server.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(performance.now() - signalledAt).toBeLessThan(10_000);
    expect(server.stderr()).toContain('SIGTERM received');
    expect(server.stderr()).not.toContain('forced exit');

    const db = openSqliteDatabase(join(dir, 'muster.db'));
    try {
      const count = (sql: string, ...parameters: unknown[]): number =>
        (db.prepare(sql).all(parameters)[0] as { n: number }).n;
      expect(count('select count(*) as n from users')).toBe(1 + BULKS * OPERATIONS);
      // Each drained request's provisioning log entry was still buffered at shutdown, and was written.
      for (const { requestId } of answers) {
        expect(count('select count(*) as n from provisioning_log where request_id = ?', requestId)).toBe(1);
      }
      // The worker waited for the delivery it was sending and recorded it; it left no delivery leased.
      expect(receiver.requests).toHaveLength(1);
      expect(count("select count(*) as n from webhook_deliveries where status = 'delivered'")).toBe(1);
      expect(count('select count(*) as n from webhook_attempts where status_code = 200')).toBe(1);
      expect(count('select count(*) as n from webhook_deliveries where locked_until is not null')).toBe(0);
    } finally {
      db.close();
    }
  }, 60_000);
});
