import { describe, expect, it } from 'vitest';
import { ScimError } from '../scim/errors.js';
import type { ProvisioningLogEntry, ProvisioningLogQuery, ProvisioningLogSummary } from './ports.js';
import {
  getProvisioningLogEntry,
  listProvisioningLog,
  toProvisioningLogQuery,
  type ProvisioningLogListInput,
} from './provisioning-log.js';

function summary(id: string, at: string): ProvisioningLogSummary {
  return {
    id,
    orgId: 'org-1',
    tokenId: null,
    requestId: `req-${id}`,
    at,
    method: 'GET',
    path: '/scim/v2/Users',
    status: 200,
    durationMs: 1,
    scimType: null,
    resourceType: 'User',
    resourceId: null,
  };
}

/** Answers with `rows` (cut to the query's limit) and records the queries it was asked. */
function createFakeStore(rows: readonly ProvisioningLogSummary[], entry?: ProvisioningLogEntry) {
  const queries: { orgId: string; query: ProvisioningLogQuery }[] = [];
  return {
    queries,
    store: {
      provisioningLog: {
        list: (orgId: string, query: ProvisioningLogQuery) => {
          queries.push({ orgId, query });
          return Promise.resolve(rows.slice(0, query.limit));
        },
        get: (orgId: string, id: string) =>
          Promise.resolve(
            entry !== undefined && entry.orgId === orgId && entry.id === id ? entry : undefined,
          ),
      },
    },
  };
}

function refusal(input: ProvisioningLogListInput): ScimError {
  try {
    toProvisioningLogQuery(input, 10);
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('toProvisioningLogQuery', () => {
  it.each([
    ['404', { min: 404, max: 404 }],
    ['4xx', { min: 400, max: 499 }],
    ['5XX', { min: 500, max: 599 }],
    [' 201 ', { min: 201, max: 201 }],
  ])('reads status %j', (status, range) => {
    expect(toProvisioningLogQuery({ status }, 10).status).toEqual(range);
  });

  it('normalizes method, resource type and times', () => {
    expect(
      toProvisioningLogQuery(
        {
          method: 'patch',
          resourceType: 'group',
          since: '2026-01-01T01:00:00+01:00',
          until: '2026-01-02T00:00Z',
        },
        10,
      ),
    ).toEqual({
      limit: 10,
      method: 'PATCH',
      resourceType: 'Group',
      since: '2026-01-01T00:00:00.000Z',
      until: '2026-01-02T00:00:00.000Z',
    });
  });

  it.each<[ProvisioningLogListInput, RegExp, string]>([
    [{ status: '4x' }, /^status must be/, 'invalidValue'],
    [{ status: '600' }, /^status must be/, 'invalidValue'],
    [{ method: 'HEAD' }, /^method must be one of GET, POST, PUT, PATCH, DELETE/, 'invalidValue'],
    [{ resourceType: 'Schema' }, /^resourceType must be one of User, Group/, 'invalidValue'],
    [{ since: 'yesterday' }, /^since must be an ISO-8601 time/, 'invalidValue'],
    [{ until: '2026-01-01' }, /^until must be an ISO-8601 time/, 'invalidValue'],
    [
      { since: '2026-01-02T00:00:00Z', until: '2026-01-01T00:00:00Z' },
      /^since must be earlier/,
      'invalidValue',
    ],
    [{ pathPrefix: '' }, /^pathPrefix must be 1-1024 characters/, 'invalidValue'],
    [{ cursor: 'not a cursor' }, /not one this server issued/, 'invalidCursor'],
    [{ cursor: Buffer.from('{"a":1}').toString('base64url') }, /not one this server issued/, 'invalidCursor'],
  ])('refuses %j with a 400', (input, message, scimType) => {
    const error = refusal(input);
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
    expect(error.message).toMatch(message);
  });
});

describe('listProvisioningLog', () => {
  const rows = [
    summary('e3', '2026-01-01T00:03:00.000Z'),
    summary('e2', '2026-01-01T00:02:00.000Z'),
    summary('e1', '2026-01-01T00:01:00.000Z'),
  ];

  it('asks for one row more than the page and hands out a cursor to continue after the last one', async () => {
    const fake = createFakeStore(rows);
    const first = await listProvisioningLog({ store: fake.store }, 'org-1', { limit: 2 });
    expect(first.items.map((e) => e.id)).toEqual(['e3', 'e2']);
    expect(fake.queries[0]).toEqual({ orgId: 'org-1', query: { limit: 3 } });

    const cursor = first.nextCursor ?? '';
    await listProvisioningLog({ store: fake.store }, 'org-1', { limit: 2, cursor });
    expect(fake.queries[1]?.query.before).toEqual({ at: '2026-01-01T00:02:00.000Z', id: 'e2' });
  });

  it('has no cursor on the last page', async () => {
    const page = await listProvisioningLog({ store: createFakeStore(rows).store }, 'org-1', { limit: 3 });
    expect(page).toEqual({ items: rows });
  });

  it.each([0, 201, 1.5])('refuses limit %s', async (limit) => {
    await expect(
      listProvisioningLog({ store: createFakeStore(rows).store }, 'org-1', { limit }),
    ).rejects.toMatchObject({
      status: 400,
      scimType: 'invalidValue',
    });
  });
});

describe('getProvisioningLogEntry', () => {
  const entry: ProvisioningLogEntry = {
    ...summary('e1', '2026-01-01T00:01:00.000Z'),
    requestBody: null,
    responseBody: '{}',
  };

  it('returns the organization’s entry and 404 for any other organization', async () => {
    const { store } = createFakeStore([], entry);
    expect(await getProvisioningLogEntry({ store }, 'org-1', 'e1')).toBe(entry);
    await expect(getProvisioningLogEntry({ store }, 'org-2', 'e1')).rejects.toMatchObject({ status: 404 });
  });
});
