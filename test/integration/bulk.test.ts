// RFC 7644 §3.7 POST /Bulk against the real store: bulkId references resolve to the ids the store assigned,
// failOnErrors keeps what already ran and runs nothing after the limit, `version` is applied as If-Match, and more
// operations than /ServiceProviderConfig advertises are refused whole with 413.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  GROUP_SCHEMA,
  newUser,
  patchBody,
  scimRequest,
  type ScimRequest,
  type ScimResponse,
} from './scim-request.js';

const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const BULK_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

let t: TestApp;
let scim: ScimRequest;

beforeEach(async () => {
  t = await createTestApp();
  scim = scimRequest(t);
});
afterEach(async () => {
  await t.close();
});

interface BulkResponseOperation {
  readonly method: string;
  readonly bulkId?: string;
  readonly status: string;
  readonly location?: string;
  readonly version?: string;
  readonly response?: Record<string, unknown>;
}

const bulk = (operations: unknown[], extra: Record<string, unknown> = {}): Promise<ScimResponse> =>
  scim('POST', '/Bulk', { schemas: [BULK_REQUEST], Operations: operations, ...extra });

const postUser = (bulkId: string, userName: string): Record<string, unknown> => ({
  method: 'POST',
  path: '/Users',
  bulkId,
  data: newUser(userName),
});

/** The id at the end of a location the bulk response reported. */
function idOf(op: BulkResponseOperation | undefined): string {
  const id = op?.location?.split('/').at(-1);
  if (id === undefined || id === '') throw new Error(`no location in ${JSON.stringify(op)}`);
  return id;
}

async function findUserIds(userName: string): Promise<string[]> {
  const res = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
  expect(res.status).toBe(200);
  return (res.body.Resources as { id: string }[]).map((r) => r.id);
}

describe('POST /Bulk on the real store', () => {
  it('creates two users and a group whose "bulkId:" members become the ids the store assigned', async () => {
    const res = await bulk([
      postUser('alice', 'alice@example.com'),
      postUser('bob', 'bob@example.com'),
      {
        method: 'POST',
        path: '/Groups',
        bulkId: 'team',
        data: {
          schemas: [GROUP_SCHEMA],
          displayName: 'Tour Guides',
          members: [{ value: 'bulkId:alice' }, { value: 'bulkId:bob' }],
        },
      },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.schemas).toEqual([BULK_RESPONSE]);
    const ops = res.body.Operations as BulkResponseOperation[];
    expect(ops.map((op) => [op.bulkId, op.status])).toEqual([
      ['alice', '201'],
      ['bob', '201'],
      ['team', '201'],
    ]);
    const [alice, bob, team] = ops;
    expect(alice?.location).toBe(`${t.scimBase}/Users/${idOf(alice)}`);
    expect(team?.location).toBe(`${t.scimBase}/Groups/${idOf(team)}`);

    const aliceId = idOf(alice);
    const bobId = idOf(bob);
    expect(await findUserIds('alice@example.com')).toEqual([aliceId]);
    expect(await findUserIds('bob@example.com')).toEqual([bobId]);

    const group = await scim('GET', `/Groups/${idOf(team)}`);
    expect(group.status).toBe(200);
    expect(group.body.displayName).toBe('Tour Guides');
    const members = (group.body.members as { value: string }[]).map((m) => m.value).sort();
    expect(members).toEqual([aliceId, bobId].sort());
    expect(JSON.stringify(group.body)).not.toContain('bulkId:');

    // User.groups is derived from the membership rows the bulk group wrote.
    const aliceRead = await scim('GET', `/Users/${aliceId}`);
    expect(aliceRead.body.groups).toEqual([expect.objectContaining({ value: idOf(team) })]);
  });

  it('resolves a member reference to a user created later in the same request', async () => {
    const res = await bulk([
      {
        method: 'POST',
        path: '/Groups',
        bulkId: 'early',
        data: { schemas: [GROUP_SCHEMA], displayName: 'Early', members: [{ value: 'bulkId:late' }] },
      },
      postUser('late', 'late@example.com'),
    ]);
    const [group, user] = res.body.Operations as BulkResponseOperation[];
    expect([group?.status, user?.status]).toEqual(['201', '201']);
    const read = await scim('GET', `/Groups/${idOf(group)}`);
    expect((read.body.members as { value: string }[]).map((m) => m.value)).toEqual([idOf(user)]);
  });

  it('with failOnErrors=1 keeps the operations before the failing one and runs none after it', async () => {
    const res = await bulk(
      [
        postUser('first', 'first@example.com'),
        postUser('again', 'first@example.com'),
        postUser('third', 'third@example.com'),
        { method: 'DELETE', path: '/Users/bulkId:first' },
      ],
      { failOnErrors: 1 },
    );
    expect(res.status).toBe(200);
    const ops = res.body.Operations as BulkResponseOperation[];
    // RFC 7644 §3.7.3: operations never attempted are not reported.
    expect(ops.map((op) => [op.bulkId, op.status])).toEqual([
      ['first', '201'],
      ['again', '409'],
    ]);
    expect(ops[1]?.response).toEqual({
      schemas: [ERROR_SCHEMA],
      status: '409',
      scimType: 'uniqueness',
      detail: expect.any(String) as unknown,
    });

    expect(await findUserIds('first@example.com')).toEqual([idOf(ops[0])]);
    expect(await findUserIds('third@example.com')).toEqual([]);
    const all = await scim('GET', '/Users');
    expect(all.body.totalResults).toBe(1);
  });

  it('applies a PATCH operation whose version is current and answers a stale one with 412, leaving the user as it was', async () => {
    const created = await scim('POST', '/Users', newUser('versioned@example.com', { title: 'Guide' }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const v1 = created.headers['etag'] as string;
    const direct = await scim(
      'PATCH',
      `/Users/${id}`,
      patchBody({ op: 'replace', path: 'title', value: 'Senior Guide' }),
    );
    expect(direct.status).toBe(200);
    const v2 = direct.headers['etag'] as string;
    expect(v2).not.toBe(v1);

    const stale = await bulk([
      {
        method: 'PATCH',
        path: `/Users/${id}`,
        version: v1,
        data: patchBody({ op: 'replace', path: 'title', value: 'Stale write' }),
      },
    ]);
    expect(stale.status).toBe(200);
    const [staleOp] = stale.body.Operations as BulkResponseOperation[];
    expect(staleOp).toMatchObject({ method: 'PATCH', status: '412' });
    expect(staleOp?.response).toMatchObject({ schemas: [ERROR_SCHEMA], status: '412' });
    const unchanged = await scim('GET', `/Users/${id}`);
    expect(unchanged.body.title).toBe('Senior Guide');
    expect(unchanged.headers['etag']).toBe(v2);

    const current = await bulk([
      {
        method: 'PATCH',
        path: `/Users/${id}`,
        version: v2,
        data: patchBody({ op: 'replace', path: 'title', value: 'Head Guide' }),
      },
    ]);
    const [currentOp] = current.body.Operations as BulkResponseOperation[];
    expect(currentOp).toMatchObject({
      method: 'PATCH',
      status: '200',
      location: `${t.scimBase}/Users/${id}`,
    });
    const after = await scim('GET', `/Users/${id}`);
    expect(after.body.title).toBe('Head Guide');
    expect(currentOp?.version).toBe(after.headers['etag']);
  });

  it('answers more operations than the advertised bulk.maxOperations with a SCIM 413 and runs none', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.body.bulk.supported).toBe(true);
    const max = config.body.bulk.maxOperations as number;
    const operations = Array.from({ length: max + 1 }, (_, i) => postUser(`u${i}`, `u${i}@example.com`));

    const res = await bulk(operations);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '413' });
    expect(res.body.detail).toContain(String(max));
    expect((await scim('GET', '/Users?count=0')).body.totalResults).toBe(0);
  });
});
