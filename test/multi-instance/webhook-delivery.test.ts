// Both instances run their webhook workers against one outbox: every event reaches every endpoint exactly once (one
// request, one attempt), one resource's events in sequence order, and the work is shared between the two workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookFetch } from '../../src/events/send-webhook.js';
import { startWebhookReceiver, type WebhookReceiver } from '../events/webhook-receiver.js';
import {
  startTwoInstances,
  type RunningInstance,
  type TwoInstances,
} from '../support/start-two-instances.js';
import { admin, newUser, patchBody, scim } from './http-client.js';

const sentBy = { a: 0, b: 0 };

/** The global fetch, counting the requests each instance's worker sends. */
const countingFetch =
  (name: 'a' | 'b'): WebhookFetch =>
  (url, init) => {
    sentBy[name] += 1;
    return fetch(url, init);
  };

let both: TwoInstances;
const receivers: WebhookReceiver[] = [];
beforeAll(async () => {
  both = await startTwoInstances({
    env: { WEBHOOK_WORKER: 'on' },
    // Small batches and a short poll: both workers keep coming back for work while the outbox fills.
    options: (name) => ({
      webhookWorker: { pollIntervalMs: 10, batchSize: 10, concurrency: 4, fetch: countingFetch(name) },
    }),
  });
  for (let i = 0; i < 3; i++) receivers.push(await startWebhookReceiver());
});
afterAll(async () => {
  await both.close();
  for (const receiver of receivers) await receiver.close();
});

const either = (i: number): RunningInstance => (i % 2 === 0 ? both.a : both.b);

interface OutboxEvent {
  readonly id: string;
  readonly seq: number;
  readonly resource_id: string;
}

async function until(condition: () => Promise<boolean>, deadlineMs: number): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > deadlineMs) throw new Error(`not reached within ${String(deadlineMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('webhook workers of two instances on one outbox', () => {
  it('deliver each event once per endpoint, in order per resource, sharing the work', async () => {
    const endpoints: { id: string; fanoutSeq: number; receiver: WebhookReceiver }[] = [];
    for (const receiver of receivers) {
      const created = await admin(both.a, both.adminKey, 'POST', '/webhooks', { url: receiver.url });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const [row] = await both.query<{ fanout_seq: number }>(
        'select fanout_seq from webhook_endpoints where id = $1',
        [id],
      );
      endpoints.push({ id, fanoutSeq: row?.fanout_seq ?? -1, receiver });
    }

    // 80 users created and then deactivated, every request on either instance, all at once.
    const created = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        scim(either(i), both.token, 'POST', '/Users', newUser(`hooked-${String(i)}@example.com`)),
      ),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    const patched = await Promise.all(
      created.map((r, i) =>
        scim(
          either(i + 1),
          both.token,
          'PATCH',
          `/Users/${r.body.id as string}`,
          patchBody({ op: 'replace', path: 'active', value: false }),
        ),
      ),
    );
    expect(patched.every((r) => r.status === 200)).toBe(true);

    const events = await both.query<OutboxEvent>(
      `select e.id, e.seq, e.resource_id from events e join organizations o on o.id = e.org_id
        where o.slug = 'default' order by e.seq`,
    );
    const expectedFor = (fanoutSeq: number) => events.filter((e) => e.seq > fanoutSeq);
    for (const endpoint of endpoints)
      expect(expectedFor(endpoint.fanoutSeq).length).toBeGreaterThanOrEqual(160);

    await until(
      async () =>
        endpoints.every((e) => e.receiver.requests.length >= expectedFor(e.fanoutSeq).length) &&
        (await both.query("select 1 from webhook_deliveries where status <> 'delivered' limit 1")).length ===
          0,
      30_000,
    );
    // Both workers keep polling: a duplicate would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 500));

    for (const endpoint of endpoints) {
      const expected = expectedFor(endpoint.fanoutSeq);
      const received = endpoint.receiver.requests.map((r) => r.id);
      expect(received).toHaveLength(expected.length);
      expect([...received].sort()).toEqual(expected.map((e) => e.id).sort());
      // One resource's events arrive in the order of the outbox.
      const position = new Map(received.map((id, i) => [id, i]));
      for (const resource of new Set(expected.map((e) => e.resource_id))) {
        const positions = expected
          .filter((e) => e.resource_id === resource)
          .map((e) => position.get(e.id) ?? -1);
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
      }
    }
    const [totals] = await both.query<{ deliveries: number; attempts: number; sent: number }>(
      `select (select count(*)::int from webhook_deliveries) as deliveries,
              (select count(*)::int from webhook_attempts) as attempts,
              (select coalesce(sum(attempts), 0)::int from webhook_deliveries) as sent`,
    );
    const total = endpoints.reduce((sum, e) => sum + expectedFor(e.fanoutSeq).length, 0);
    expect(totals).toEqual({ deliveries: total, attempts: total, sent: total });
    expect(sentBy.a + sentBy.b).toBe(total);
    expect(sentBy.a).toBeGreaterThan(0);
    expect(sentBy.b).toBeGreaterThan(0);
  });
});
