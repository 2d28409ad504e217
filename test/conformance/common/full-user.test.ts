// The RFC 7643 §8.2 "full user" with the §8.3 Enterprise User extension (plus entitlements and roles, which those
// examples leave out): every attribute a client may write reads back as sent; id, meta and groups are the server's
// (RFC 7643 §3.1, §4.1.2: groups is readOnly); password (returned "never", RFC 7643 §4.1.1) shows up nowhere.
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_USER, USER_SCHEMA, createUser, filterQuery, useScimApp } from '../scim-client.js';

const fx = useScimApp();
const SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

const PASSWORD = 't1meMa$heen';
const RFC_ID = '2819c223-7f76-453a-919d-413861904646';

const X509 =
  'MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx' +
  'EzARBgNVBAgMCkNhbGlmb3JuaWExFDASBgNVBAoMC2V4YW1wbGUuY29tMRQwEgYD' +
  'VQQDDAtleGFtcGxlLmNvbTAeFw0xMTEwMjIwNjI0MzFaFw0xMjEwMDQwNjI0MzFa' +
  'MH8xCzAJBgNVBAYTAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMRQwEgYDVQQKDAtl' +
  'eGFtcGxlLmNvbTEhMB8GA1UEAwwYTXMuIEJhcmJhcmEgSiBKZW5zZW4gSUlJMSIw' +
  'IAYJKoZIhvcNAQkBFhNiamVuc2VuQGV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0B' +
  'AQEFAAOCAQ8AMIIBCgKCAQEA7Kr+Dcds/JQ5GwejJFcBIP682X3xpjis56AK02bc' +
  '1FLgzdLI8auoR+cC9/Vrh5t66HkQIOdA4unHh0AaZ4xL5PhVbXIPMB5vAPKpzz5i' +
  'PSi8xO8SL7I7SDhcBVJhqVqr3HgllEG6UClDdHO7nkLuwXq8HcISKkbT5WFTVfFZ' +
  'zidPl8HZ7DhXkZIRtJwBweq4bvm3hM1Os7UQH05ZS6cVDgweKNwdLLrT51ikSQG3' +
  'DYrl+ft781UQRIqxgwqCfXEuDiinPh0kkvIi5jivVu1Z9QiwlYEdRbLJ4zJQBmDr' +
  'SGTMYn4lRc2HgHO4DqB/bnMVorHB0CC6AV1QoFK4GPe1LwIDAQABo3sweTAJBgNV' +
  'HRMEAjAAMCwGCWCGSAGG+EIBDQQfFh1PcGVuU1NMIEdlbmVyYXRlZCBDZXJ0aWZp' +
  'Y2F0ZTAdBgNVHQ4EFgQU8pD0U0vsZIsaA16lL8En8bx0F/gwHwYDVR0jBBgwFoAU' +
  'dGeKitcaF7gnzsNwDx708kqaVt0wDQYJKoZIhvcNAQEFBQADgYEAA81SsFnOdYJt' +
  'Ng5Tcq+/ByEDrBgnusx0jloUhByPMEVkoMZ3J7j1ZgI8rAbOkNngX8+pKfTiDz1R' +
  'C4+dx8oU6Za+4NJXUjlL5CvV6BEYb1+QAEJwitTVvxB/A67g42/vzgAtoRUeDov1' +
  '+GFiBZ+GNF/cAYKcMtGcrs2i97ZkJMo=';

/** The attributes a client writes, as RFC 7643 §8.2/§8.3 spell them (id, meta, password and the manager aside). */
const CORE_ATTRIBUTES = {
  externalId: '701984',
  userName: 'bjensen@example.com',
  name: {
    formatted: 'Ms. Barbara J Jensen, III',
    familyName: 'Jensen',
    givenName: 'Barbara',
    middleName: 'Jane',
    honorificPrefix: 'Ms.',
    honorificSuffix: 'III',
  },
  displayName: 'Babs Jensen',
  nickName: 'Babs',
  profileUrl: 'https://login.example.com/bjensen',
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  addresses: [
    {
      type: 'work',
      streetAddress: '100 Universal City Plaza',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'USA',
      formatted: '100 Universal City Plaza\nHollywood, CA 91608 USA',
      primary: true,
    },
    {
      type: 'home',
      streetAddress: '456 Hollywood Blvd',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'USA',
      formatted: '456 Hollywood Blvd\nHollywood, CA 91608 USA',
    },
  ],
  phoneNumbers: [
    { value: '555-555-5555', type: 'work' },
    { value: '555-555-4444', type: 'mobile' },
  ],
  ims: [{ value: 'someaimhandle', type: 'aim' }],
  photos: [
    { value: 'https://photos.example.com/profilephoto/72930000000Ccne/F', type: 'photo' },
    { value: 'https://photos.example.com/profilephoto/72930000000Ccne/T', type: 'thumbnail' },
  ],
  userType: 'Employee',
  title: 'Tour Guide',
  preferredLanguage: 'en-US',
  locale: 'en-US',
  timezone: 'America/Los_Angeles',
  active: true,
  x509Certificates: [{ value: X509 }],
  entitlements: [{ value: 'tour-booking', display: 'Tour booking', type: 'application', primary: true }],
  roles: [{ value: 'guide', display: 'Tour Guide', type: 'job', primary: true }],
};

const ENTERPRISE_ATTRIBUTES = {
  employeeNumber: '701984',
  costCenter: '4130',
  organization: 'Universal Studios',
  division: 'Theme Park',
  department: 'Tour Operations',
};

/** The full user as a client POSTs it: the RFC's own id and meta included (the server ignores both). */
function fullUser(managerId: string): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER],
    id: RFC_ID,
    ...CORE_ATTRIBUTES,
    password: PASSWORD,
    [ENTERPRISE_USER]: {
      ...ENTERPRISE_ATTRIBUTES,
      manager: { value: managerId, $ref: `../Users/${managerId}`, displayName: 'John Smith' },
    },
    meta: {
      resourceType: 'User',
      created: '2010-01-23T04:56:22Z',
      lastModified: '2011-05-13T04:42:34Z',
      version: 'W/"a330bc54f0671c9"',
      location: `https://example.com/v2/Users/${RFC_ID}`,
    },
  };
}

/** What every read must show besides id and meta. manager.displayName is readOnly (RFC 7643 §4.3): not taken. */
function expectedUser(managerId: string): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER],
    ...CORE_ATTRIBUTES,
    [ENTERPRISE_USER]: {
      ...ENTERPRISE_ATTRIBUTES,
      manager: { value: managerId, $ref: `../Users/${managerId}` },
    },
  };
}

function withoutServerFields(resource: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, meta: _meta, ...rest } = resource;
  return rest;
}

async function createFullUser(): Promise<{ id: string; managerId: string; createText: string }> {
  const managerId = await createUser(fx.client, 'jsmith@example.com', { displayName: 'John Smith' });
  const res = await fx.client.post('/Users', fullUser(managerId));
  expect(res.status, res.text).toBe(201);
  return { id: res.body.id as string, managerId, createText: res.text };
}

describe('RFC 7643 §8.2 full user', () => {
  it('creates the full user with 201, its own id and meta, and answers with every attribute as sent', async () => {
    const managerId = await createUser(fx.client, 'jsmith@example.com', { displayName: 'John Smith' });
    const res = await fx.client.post('/Users', fullUser(managerId));
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect(id).not.toBe(RFC_ID);
    expect(res.body.meta).toEqual({
      resourceType: 'User',
      created: expect.any(String) as unknown,
      lastModified: expect.any(String) as unknown,
      location: `${fx.t.scimBase}/Users/${id}`,
      version: 'W/"1"',
    });
    expect(res.body.meta.created).not.toBe('2010-01-23T04:56:22Z');
    expect(res.headers['location']).toBe(res.body.meta.location);
    expect(withoutServerFields(res.body as Record<string, unknown>)).toEqual(expectedUser(managerId));
  });

  it('reads every attribute back through GET exactly as sent', async () => {
    const { id, managerId } = await createFullUser();
    const res = await fx.client.get(`/Users/${id}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/scim\+json/);
    expect(res.headers['etag']).toBe(res.body.meta.version);
    expect(res.body.id).toBe(id);
    expect(withoutServerFields(res.body as Record<string, unknown>)).toEqual(expectedUser(managerId));
  });

  it('renders the enterprise manager as a complex { value, $ref } and filters on manager.value', async () => {
    const { id, managerId } = await createFullUser();
    const res = await fx.client.get(`/Users/${id}?attributes=${ENTERPRISE_USER}:manager`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      schemas: [USER_SCHEMA, ENTERPRISE_USER],
      id,
      [ENTERPRISE_USER]: { manager: { value: managerId, $ref: `../Users/${managerId}` } },
    });
    const reports = await fx.client.get(
      `/Users?${filterQuery(`${ENTERPRISE_USER}:manager.value eq "${managerId}"`)}`,
    );
    expect(reports.status).toBe(200);
    expect(reports.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('never returns the password: not on POST, GET, list, search, PUT, nor when asked for by name', async () => {
    const { id, managerId, createText } = await createFullUser();
    const answers = [
      createText,
      (await fx.client.get(`/Users/${id}`)).text,
      (await fx.client.get('/Users')).text,
      (await fx.client.get(`/Users?${filterQuery('userName eq "bjensen@example.com"')}`)).text,
      (await fx.client.post('/Users/.search', { schemas: [SEARCH_REQUEST], attributes: ['password'] })).text,
      (await fx.client.put(`/Users/${id}`, { ...fullUser(managerId), password: 'n3wSecret!' })).text,
    ];
    for (const text of answers) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('n3wSecret!');
      expect(text).not.toMatch(/"password"/i);
    }

    const asked = await fx.client.get(`/Users/${id}?attributes=password`);
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ schemas: [USER_SCHEMA], id });

    const askedInList = await fx.client.get(
      `/Users?attributes=password&${filterQuery('userName eq "bjensen@example.com"')}`,
    );
    expect(askedInList.body.Resources).toEqual([{ schemas: [USER_SCHEMA], id }]);
  });
});
