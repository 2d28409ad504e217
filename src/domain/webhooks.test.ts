import { describe, expect, it } from 'vitest';
import { ScimError } from '../scim/errors.js';
import { buildWebhookPayload, isWebhookWanted } from './build-webhook-payload.js';
import type { EventRecord, Organization, WebhookEndpointRecord, WebhookRepo } from './ports.js';
import {
  createWebhookEndpoint,
  type CreateWebhookEndpointInput,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  PREVIOUS_SECRET_GRACE_MS,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type WebhookDeps,
  type WebhookStore,
} from './webhooks.js';

const NOW = '2026-03-01T09:00:00.000Z';
const ORG: Organization = { id: 'org-1', slug: 'acme', name: 'Acme', createdAt: NOW };
const unused = (): Promise<never> => Promise.reject(new Error('not used by the endpoint use cases'));

/** Organizations, the outbox's last seq and webhook endpoints in memory; the rest of the repositories unused. */
function createFakeDeps(lastSeq: { value: number }): WebhookDeps & { endpoints: WebhookEndpointRecord[] } {
  const endpoints: WebhookEndpointRecord[] = [];
  const find = (orgId: string, id: string) => endpoints.findIndex((e) => e.orgId === orgId && e.id === id);
  const webhooks: WebhookRepo = {
    insertEndpoint: (e) => Promise.resolve(void endpoints.push(e)),
    getEndpoint: (orgId, id) => Promise.resolve(endpoints[find(orgId, id)]),
    listEndpoints: (orgId) => Promise.resolve(endpoints.filter((e) => e.orgId === orgId)),
    updateEndpoint: (e) => Promise.resolve(void endpoints.splice(find(e.orgId, e.id), 1, e)),
    deleteEndpoint: (orgId, id) => {
      const i = find(orgId, id);
      if (i >= 0) endpoints.splice(i, 1);
      return Promise.resolve(i >= 0);
    },
    endpointsBehind: unused,
    advanceFanout: unused,
    insertDeliveries: unused,
    getDelivery: unused,
    listDeliveries: unused,
    dueDeliveries: unused,
    lease: unused,
    completeAttempt: unused,
    recordEndpointSuccess: unused,
    recordEndpointFailure: unused,
    requeueDelivery: unused,
    listAttempts: unused,
  };
  const store: WebhookStore = {
    organizations: {
      findById: (id) => Promise.resolve(id === ORG.id ? ORG : undefined),
      findBySlug: unused,
      insert: unused,
      list: unused,
    },
    events: {
      append: unused,
      list: unused,
      listBefore: unused,
      lastSeq: () => Promise.resolve(lastSeq.value),
    },
    webhooks,
    transaction: (fn) => fn(store),
  };
  let n = 0;
  let ms = Date.parse(NOW);
  return {
    store,
    clock: { now: () => new Date((ms += 1000)) },
    ids: { newId: () => `id-${String(++n)}` },
    endpoints,
  };
}

describe('createWebhookEndpoint', () => {
  it('returns a whsec_ secret of 32 random bytes once, and an endpoint view without it', async () => {
    const deps = createFakeDeps({ value: 7 });
    const { endpoint, secret } = await createWebhookEndpoint(deps, ORG.id, {
      url: 'https://hooks.example/muster',
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(JSON.stringify(endpoint)).not.toContain(secret.slice('whsec_'.length));
    expect(endpoint).toEqual({
      id: 'id-1',
      orgId: ORG.id,
      url: 'https://hooks.example/muster',
      description: '',
      eventTypes: [],
      status: 'active',
      consecutiveFailures: 0,
      failingSince: null,
      previousSecretExpiresAt: null,
      createdAt: '2026-03-01T09:00:01.000Z',
      updatedAt: '2026-03-01T09:00:01.000Z',
    });
    // Events up to the org's last seq at creation are not for this endpoint.
    expect(deps.endpoints[0]).toMatchObject({ secret, fanoutSeq: 7 });
  });

  it('gives every endpoint its own secret', async () => {
    const deps = createFakeDeps({ value: 0 });
    const a = await createWebhookEndpoint(deps, ORG.id, { url: 'https://a.example/' });
    const b = await createWebhookEndpoint(deps, ORG.id, { url: 'https://a.example/' });
    expect(a.secret).not.toBe(b.secret);
  });

  it('accepts http (for development), a description, event types (deduplicated) and a disabled start', async () => {
    const deps = createFakeDeps({ value: 0 });
    const { endpoint } = await createWebhookEndpoint(deps, ORG.id, {
      url: 'http://localhost:3000/hooks',
      description: '  CRM sync  ',
      eventTypes: ['user.created', 'user.deleted', 'user.created'],
      enabled: false,
    });
    expect(endpoint).toMatchObject({
      url: 'http://localhost:3000/hooks',
      description: 'CRM sync',
      eventTypes: ['user.created', 'user.deleted'],
      status: 'disabled',
    });
  });

  it.each([
    ['a relative URL', { url: '/hooks' }, /url must be/],
    ['another scheme', { url: 'ftp://hooks.example/' }, /url must be/],
    ['credentials in the URL', { url: 'https://user:pw@hooks.example/' }, /url must be/],
    ['a fragment', { url: 'https://hooks.example/#x' }, /url must be/],
    ['an overlong URL', { url: `https://hooks.example/${'a'.repeat(2048)}` }, /url must be/],
    [
      'an unknown event type',
      { url: 'https://h.example/', eventTypes: ['user.exploded'] },
      /unknown event type "user.exploded"/,
    ],
    [
      'event types that are no array',
      { url: 'https://h.example/', eventTypes: 'user.created' },
      /eventTypes must be an array/,
    ],
    [
      'an overlong description',
      { url: 'https://h.example/', description: 'x'.repeat(501) },
      /description must be/,
    ],
    [
      'enabled that is no boolean',
      { url: 'https://h.example/', enabled: 'yes' },
      /enabled must be true or false/,
    ],
  ])('refuses %s with 400 invalidValue', async (_name, input, message) => {
    const deps = createFakeDeps({ value: 0 });
    const attempt = createWebhookEndpoint(deps, ORG.id, input as unknown as CreateWebhookEndpointInput);
    await expect(attempt).rejects.toBeInstanceOf(ScimError);
    await expect(attempt).rejects.toMatchObject({ status: 400, scimType: 'invalidValue', message });
    expect(deps.endpoints).toEqual([]);
  });

  it('answers 404 for an unknown organization', async () => {
    const deps = createFakeDeps({ value: 0 });
    await expect(createWebhookEndpoint(deps, 'nope', { url: 'https://h.example/' })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('updating, rotating and deleting an endpoint', () => {
  it('changes only what is given', async () => {
    const deps = createFakeDeps({ value: 0 });
    const { endpoint } = await createWebhookEndpoint(deps, ORG.id, {
      url: 'https://h.example/',
      description: 'one',
      eventTypes: ['team.created'],
    });
    const updated = await updateWebhookEndpoint(deps, ORG.id, endpoint.id, { description: 'two' });
    expect(updated).toMatchObject({
      url: 'https://h.example/',
      description: 'two',
      eventTypes: ['team.created'],
    });
    expect(updated.updatedAt > endpoint.updatedAt).toBe(true);
  });

  it('re-enabling makes the endpoint active with no failures, from the org’s current last event on', async () => {
    const lastSeq = { value: 3 };
    const deps = createFakeDeps(lastSeq);
    const { endpoint } = await createWebhookEndpoint(deps, ORG.id, { url: 'https://h.example/' });
    await updateWebhookEndpoint(deps, ORG.id, endpoint.id, { enabled: false });
    deps.endpoints[0] = { ...(deps.endpoints[0] as WebhookEndpointRecord), consecutiveFailures: 9 };
    lastSeq.value = 12;
    const enabled = await updateWebhookEndpoint(deps, ORG.id, endpoint.id, { enabled: true });
    expect(enabled).toMatchObject({ status: 'active', consecutiveFailures: 0, failingSince: null });
    expect(deps.endpoints.at(0)?.fanoutSeq).toBe(12);
  });

  it('enabling an endpoint that is not disabled changes nothing about its delivery state', async () => {
    const deps = createFakeDeps({ value: 0 });
    const { endpoint } = await createWebhookEndpoint(deps, ORG.id, { url: 'https://h.example/' });
    deps.endpoints[0] = {
      ...(deps.endpoints[0] as WebhookEndpointRecord),
      status: 'failing',
      consecutiveFailures: 6,
    };
    const same = await updateWebhookEndpoint(deps, ORG.id, endpoint.id, { enabled: true });
    expect(same).toMatchObject({ status: 'failing', consecutiveFailures: 6 });
  });

  it('rotation returns a new secret once and keeps the old one signing for the grace period', async () => {
    const deps = createFakeDeps({ value: 0 });
    const created = await createWebhookEndpoint(deps, ORG.id, { url: 'https://h.example/' });
    const rotated = await rotateWebhookSecret(deps, ORG.id, created.endpoint.id);
    expect(rotated.secret).not.toBe(created.secret);
    const stored = deps.endpoints[0];
    expect(stored).toMatchObject({ secret: rotated.secret, previousSecret: created.secret });
    expect(Date.parse(stored?.previousSecretExpiresAt ?? '') - Date.parse(rotated.endpoint.updatedAt)).toBe(
      PREVIOUS_SECRET_GRACE_MS,
    );
    expect(JSON.stringify(rotated.endpoint)).not.toContain(created.secret.slice('whsec_'.length));
  });

  it('answers 404 for an unknown endpoint or one of another organization', async () => {
    const deps = createFakeDeps({ value: 0 });
    const { endpoint } = await createWebhookEndpoint(deps, ORG.id, { url: 'https://h.example/' });
    await expect(getWebhookEndpoint(deps, 'org-2', endpoint.id)).rejects.toMatchObject({ status: 404 });
    await expect(updateWebhookEndpoint(deps, ORG.id, 'nope', {})).rejects.toMatchObject({ status: 404 });
    await expect(rotateWebhookSecret(deps, ORG.id, 'nope')).rejects.toMatchObject({ status: 404 });
    await deleteWebhookEndpoint(deps, ORG.id, endpoint.id);
    await expect(deleteWebhookEndpoint(deps, ORG.id, endpoint.id)).rejects.toMatchObject({ status: 404 });
  });

  it.each([0, 201, 1.5])('refuses a page size of %s', async (limit) => {
    const deps = createFakeDeps({ value: 0 });
    await expect(listWebhookDeliveries(deps, ORG.id, 'e', { limit })).rejects.toMatchObject({
      status: 400,
      scimType: 'invalidValue',
    });
  });
});

describe('webhook payloads', () => {
  const event: EventRecord = {
    orgId: ORG.id,
    seq: 42,
    id: 'evt-1',
    type: 'team.member_added',
    resourceType: 'team',
    resourceId: 'team-1',
    occurredAt: NOW,
    data: { teamId: 'team-1', userId: 'user-1' },
  };

  it('is the Standard Webhooks shape plus id, sequence and organizationId; data.id defaults to the resource', () => {
    expect(JSON.parse(buildWebhookPayload(event))).toEqual({
      type: 'team.member_added',
      timestamp: NOW,
      data: { id: 'team-1', teamId: 'team-1', userId: 'user-1' },
      id: 'evt-1',
      sequence: 42,
      organizationId: ORG.id,
    });
  });

  it('keeps an id the event data carries', () => {
    const payload = JSON.parse(buildWebhookPayload({ ...event, data: { id: 'other' } })) as { data: unknown };
    expect(payload.data).toEqual({ id: 'other' });
  });

  it('lets every type through an empty filter and only the listed ones otherwise', () => {
    expect(isWebhookWanted({ eventTypes: [] }, 'user.deleted')).toBe(true);
    expect(isWebhookWanted({ eventTypes: ['user.created'] }, 'user.created')).toBe(true);
    expect(isWebhookWanted({ eventTypes: ['user.created'] }, 'user.deleted')).toBe(false);
  });
});
