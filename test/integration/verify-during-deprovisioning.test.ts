// Gateways verify keys while the IdP deprovisions: once the SCIM response has been sent, no verification that starts
// afterwards may succeed. Real sockets on 127.0.0.1, several verifiers in flight at every moment.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock, uuidV7Ids } from '../../src/compose.js';
import { createUserApiKey } from '../../src/domain/api-keys.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PATCH_OP, USER_SCHEMA } from './scim-request.js';

let t: TestApp;
let base: string;

beforeEach(async () => {
  t = await createTestApp();
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterEach(() => t.close());

interface Verification {
  readonly startedAt: number;
  readonly status: number;
}

it('answers no 200 to a verification that starts after the deactivating SCIM response returned', async () => {
  const scimHeaders = { authorization: `Bearer ${t.token}`, 'content-type': 'application/scim+json' };
  const created = await fetch(`${base}/scim/v2/Users`, {
    method: 'POST',
    headers: scimHeaders,
    body: JSON.stringify({ schemas: [USER_SCHEMA], userName: 'racer@example.com' }),
  });
  const userId = ((await created.json()) as { id: string }).id;
  const deps = { store: t.muster.store, clock: systemClock, ids: uuidV7Ids };
  const { key } = await createUserApiKey(deps, t.muster.defaultOrganization.id, userId, { name: 'k' });

  const results: Verification[] = [];
  let running = true;
  const verifier = async (): Promise<void> => {
    while (running) {
      const startedAt = performance.now();
      const res = await fetch(`${base}/api/v1/keys/verify`, { headers: { authorization: `Bearer ${key}` } });
      await res.arrayBuffer();
      results.push({ startedAt, status: res.status });
    }
  };
  const verifiers = Array.from({ length: 4 }, verifier);

  // Let verifications run before the deactivation, so the test sees both outcomes.
  while (results.filter((r) => r.status === 200).length < 20) await new Promise((r) => setTimeout(r, 5));
  const patched = await fetch(`${base}/scim/v2/Users/${userId}`, {
    method: 'PATCH',
    headers: scimHeaders,
    body: JSON.stringify({
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    }),
  });
  await patched.arrayBuffer();
  const returnedAt = performance.now();
  expect(patched.status).toBe(200);
  while (results.filter((r) => r.startedAt > returnedAt).length < 40)
    await new Promise((r) => setTimeout(r, 5));
  running = false;
  await Promise.all(verifiers);

  const after = results.filter((r) => r.startedAt > returnedAt);
  expect(after.length).toBeGreaterThanOrEqual(40);
  expect(after.filter((r) => r.status !== 401)).toEqual([]);
  expect(results.some((r) => r.startedAt < returnedAt && r.status === 200)).toBe(true);
});
