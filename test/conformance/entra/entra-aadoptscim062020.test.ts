// Microsoft Entra ID with the aadOptscim062020 flag ("Known issues and resolutions with SCIM 2.0 protocol compliance",
// "with feature flag" samples): lowercase ops, boolean active, several attributes replaced by one path-less `replace`
// whose value keys are attribute paths, and member removal by a value-filter path. Also what the Microsoft SCIM
// validator (AzureAD/SCIMReferenceCode, Playwright json/ + Postman collection) sends: the misspelled PUT and its
// filters. Ids are the ids this server returned.
import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_USER,
  GROUP_SCHEMA,
  USER_SCHEMA,
  filterQuery,
  memberIds,
  patchOps,
  plusFilterQuery,
  useScimApp,
} from '../scim-client.js';

const fx = useScimApp();

async function createUser(userName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await fx.client.post('/Users', {
    schemas: [USER_SCHEMA, ENTERPRISE_USER],
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: userName }],
    name: { givenName: 'givenName', familyName: 'familyName' },
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('Entra ID with aadOptscim062020: users', () => {
  it('disables a user with a lowercase replace and a boolean false', async () => {
    const id = await createUser('flag.user@contoso.com');
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'replace', path: 'active', value: false }),
    );
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
  });

  it('adds a single-value string attribute with a lowercase add', async () => {
    const id = await createUser('flag.nick@contoso.com');
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps({ op: 'add', path: 'nickName', value: 'Babs' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.nickName).toBe('Babs');
  });

  it('applies a path-less replace whose value keys are attribute paths, next to a filtered-path replace', async () => {
    const id = await createUser('flag.multi@contoso.com');
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps(
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
        {
          op: 'replace',
          value: {
            displayName: 'Bjfe',
            'name.givenName': 'Kkom',
            'name.familyName': 'Unua',
            [`${ENTERPRISE_USER}:employeeNumber`]: 'Aklq',
          },
        },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Bjfe',
      name: { givenName: 'Kkom', familyName: 'Unua' },
      [ENTERPRISE_USER]: { employeeNumber: 'Aklq' },
    });
    expect(res.body.emails).toEqual([
      expect.objectContaining({ type: 'work', value: 'TestMhvaes@test.microsoft.com' }),
    ]);
    // Each key is a path to apply, never a literal attribute name.
    expect(res.body).not.toHaveProperty(['name.givenName']);
    expect(res.body).not.toHaveProperty([`${ENTERPRISE_USER}:employeeNumber`]);
    const stored = (await fx.client.get(`/Users/${id}`)).body;
    expect(stored.name.givenName).toBe('Kkom');
    expect(stored).not.toHaveProperty(['name.givenName']);
  });

  it('applies a value-filter key inside a path-less replace value', async () => {
    const id = await createUser('flag.filterkey@contoso.com');
    const res = await fx.client.patch(
      `/Users/${id}`,
      patchOps({
        op: 'replace',
        value: { 'emails[type eq "work"].value': 'renamed@contoso.com', active: false },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(res.body.emails).toEqual([
      expect.objectContaining({ type: 'work', value: 'renamed@contoso.com' }),
    ]);
  });
});

describe('Entra ID with aadOptscim062020: groups', () => {
  it('removes exactly one member with remove on members[value eq "…"] and no value', async () => {
    const keep = await createUser('keep@contoso.com');
    const drop = await createUser('drop@contoso.com');
    const created = await fx.client.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Flagged group',
      members: [{ value: keep }, { value: drop }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const res = await fx.client.patch(
      `/Groups/${id}`,
      patchOps({ op: 'remove', path: `members[value eq "${drop}"]` }),
    );
    expect(res.status).toBe(204);
    expect(await memberIds(fx.client, id)).toEqual([keep]);
  });
});

describe('Microsoft SCIM validator', () => {
  it('ignores the validator\'s misspelled "adreses" on PUT, keeps userName and applies the rest', async () => {
    const created = await fx.client.post('/Users', {
      userName: 'OMalley',
      active: true,
      displayName: 'Kimberly Baker',
      addresses: [
        {
          country: null,
          formatted: '18522 Lisa Unions\nEast Gregory, CT 52311',
          locality: null,
          type: 'other',
        },
      ],
      emails: [{ type: 'work', primary: true, value: 'anna33@example.com' }],
      name: { formatted: 'Daniel Mcgee', familyName: 'OMalley', givenName: 'Darl', honorificPrefix: null },
      roles: [],
      title: 'Site engineer',
      externalId: '22fbc523-6032-4c5f-939d-5d4850cf3e52',
      schemas: [USER_SCHEMA],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const res = await fx.client.put(`/Users/${id}`, {
      id,
      userName: 'OMalley',
      active: false,
      adreses: [{ country: 'Germany', locality: 'East Mercedes', type: 'work', primary: false }],
      displayName: 'Kimberly Baker',
      emails: [{ type: 'work', primary: true, value: 'anna33@example.com' }],
      meta: { created: '2019-09-18T18:15:26.5788954+00:00', resourceType: 'User' },
      name: { formatted: 'Daniel Mcgee', familyName: 'OMalley', givenName: 'Darl', honorificSuffix: null },
      preferredLanguage: 'xh',
      roles: [],
      title: 'Site engineer',
      externalId: '22fbc523-6032-4c5f-939d-5d4850cf3e52',
      schemas: [USER_SCHEMA],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, userName: 'OMalley', active: false, preferredLanguage: 'xh' });
    expect(res.body.adreses).toBeUndefined();
    expect(res.body.name.honorificSuffix).toBeUndefined();
  });

  async function seed(): Promise<{ ann: string; bob: string; cid: string }> {
    const ann = await createUser('ann@contoso.com', { displayName: 'Ann Example', externalId: 'ext-ann' });
    const bob = await createUser('bob@contoso.com', { displayName: 'Bob Example', externalId: 'ext-bob' });
    const cid = await createUser('cid@fabrikam.com', { displayName: 'Cid Other', externalId: 'ext-cid' });
    return { ann, bob, cid };
  }

  async function idsFor(query: string): Promise<string[]> {
    const res = await fx.client.get(`/Users?${query}`);
    expect(res.status, query).toBe(200);
    expect(res.body.totalResults, query).toBe(res.body.Resources.length);
    return (res.body.Resources as { id: string }[]).map((r) => r.id).sort();
  }

  it('matches displayName eq with + encoded spaces, on users and on groups', async () => {
    const { bob } = await seed();
    expect(await idsFor(plusFilterQuery('displayName eq "Bob Example"'))).toEqual([bob]);
    const group = await fx.client.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Sales Team EMEA',
    });
    const res = await fx.client.get(
      `/Groups?${plusFilterQuery('displayName eq "Sales Team EMEA"')}&excludedAttributes=members`,
    );
    expect(res.status).toBe(200);
    expect(res.body.Resources.map((g: { id: string }) => g.id)).toEqual([group.body.id]);
  });

  it('combines and/or with parentheses', async () => {
    const { ann, bob, cid } = await seed();
    expect(
      await idsFor(
        filterQuery('(userName eq "ann@contoso.com" or userName eq "cid@fabrikam.com") and active eq true'),
      ),
    ).toEqual([ann, cid].sort());
    expect(
      await idsFor(
        plusFilterQuery(
          'externalId eq "ext-bob" or (displayName eq "Ann Example" and externalId eq "ext-ann")',
        ),
      ),
    ).toEqual([ann, bob].sort());
    expect(await idsFor(filterQuery('userName eq "ann@contoso.com" and externalId eq "ext-bob"'))).toEqual(
      [],
    );
  });

  it('supports sw on userName', async () => {
    const { ann, bob } = await seed();
    expect(await idsFor(filterQuery('userName sw "ann@"'))).toEqual([ann]);
    expect(await idsFor(filterQuery('emails.value sw "BOB@CONTOSO"'))).toEqual([bob]);
  });

  it('supports meta.created gt a datetime', async () => {
    const { ann, bob, cid } = await seed();
    expect(await idsFor(filterQuery('meta.created gt "2000-01-01T00:00:00Z"'))).toEqual(
      [ann, bob, cid].sort(),
    );
    expect(await idsFor(filterQuery('meta.created gt "2999-01-01T00:00:00Z"'))).toEqual([]);
    const created = (await fx.client.get(`/Users/${bob}`)).body.meta.created as string;
    const after = await idsFor(filterQuery(`meta.created gt "${created}"`));
    expect(after).not.toContain(bob);
  });
});
