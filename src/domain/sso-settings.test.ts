import { describe, expect, it } from 'vitest';
import { ScimError } from '../scim/errors.js';
import type { SsoKind } from './sso-ports.js';
import {
  checkIdpUrl,
  GRAPH_HOSTS,
  parseSsoSettings,
  toStoredSettings,
  type IdpUrlPolicy,
  type OidcSettings,
  type SamlSettings,
  type SsoSettings,
} from './sso-settings.js';

const OIDC_BASE = { issuer: 'https://idp.example.com/realms/acme', clientId: 'muster' };
const SAML_BASE = { idpMetadataXml: '<EntityDescriptor entityID="https://idp.example.com"/>' };

/** The default: IdPs only over https, Graph only at Microsoft. */
const PUBLIC_ONLY: IdpUrlPolicy = { allowLocal: false };
/** SSO_ALLOW_LOCAL_IDP=on: development and test IdPs on this machine. */
const LOCAL_ALLOWED: IdpUrlPolicy = { allowLocal: true };

/** The ScimError `fn` throws; fails the test when it throws nothing or something else. */
function scimErrorOf(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError, but nothing was thrown');
}

function expectInvalidValue(fn: () => unknown, field: string): void {
  const error = scimErrorOf(fn);
  expect(error.status).toBe(400);
  expect(error.scimType).toBe('invalidValue');
  expect(error.message).toContain(field);
}

describe('parseSsoSettings defaults', () => {
  it('fills in every OIDC default from the issuer and client id alone', () => {
    const expected: OidcSettings = {
      kind: 'oidc',
      groupsClaim: 'groups',
      teamCreation: 'create',
      membershipSync: 'add_only',
      allowedGroups: [],
      roleMappings: [],
      linkByEmail: false,
      createUsers: false,
      issuer: 'https://idp.example.com/realms/acme',
      clientId: 'muster',
      scopes: ['openid', 'email', 'profile'],
      graphBaseUrl: 'https://graph.microsoft.com',
    };
    expect(parseSsoSettings('oidc', OIDC_BASE, PUBLIC_ONLY)).toEqual(expected);
  });

  it('fills in every SAML default from the metadata XML alone', () => {
    const expected: SamlSettings = {
      kind: 'saml',
      groupsClaim: 'groups',
      teamCreation: 'create',
      membershipSync: 'add_only',
      allowedGroups: [],
      roleMappings: [],
      linkByEmail: false,
      createUsers: false,
      idpMetadataXml: SAML_BASE.idpMetadataXml,
      idpMetadataUrl: null,
      emailAttribute: 'email',
      clockSkewSeconds: 60,
      allowIdpInitiated: false,
    };
    expect(parseSsoSettings('saml', SAML_BASE, PUBLIC_ONLY)).toEqual(expected);
  });

  it('gives a role mapping without a role the member role', () => {
    const settings = parseSsoSettings(
      'oidc',
      { ...OIDC_BASE, roleMappings: [{ group: 'Engineering' }] },
      PUBLIC_ONLY,
    );
    expect(settings.roleMappings).toEqual([{ group: 'Engineering', role: 'member' }]);
  });
});

describe('parseSsoSettings accepted values', () => {
  const cases: readonly {
    readonly name: string;
    readonly kind: SsoKind;
    readonly input: Readonly<Record<string, unknown>>;
    /** PUBLIC_ONLY unless given. */
    readonly urls?: IdpUrlPolicy;
    readonly expected: Partial<OidcSettings> | Partial<SamlSettings>;
  }[] = [
    {
      name: 'an https issuer',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: 'https://login.example.com/tenant/v2.0' },
      expected: { issuer: 'https://login.example.com/tenant/v2.0' },
    },
    {
      name: 'an http issuer on 127.0.0.1 when local IdPs are allowed',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: 'http://127.0.0.1:8080/realms/test' },
      urls: LOCAL_ALLOWED,
      expected: { issuer: 'http://127.0.0.1:8080/realms/test' },
    },
    {
      name: 'an http issuer on localhost when local IdPs are allowed',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: 'http://localhost:9000' },
      urls: LOCAL_ALLOWED,
      expected: { issuer: 'http://localhost:9000' },
    },
    {
      name: 'an http graphBaseUrl on 127.0.0.1 (a Graph stand-in) when local IdPs are allowed',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: 'http://127.0.0.1:4000/' },
      urls: LOCAL_ALLOWED,
      expected: { graphBaseUrl: 'http://127.0.0.1:4000' },
    },
    {
      name: 'an https graphBaseUrl off Microsoft Graph when local IdPs are allowed',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: 'https://graph.example.com' },
      urls: LOCAL_ALLOWED,
      expected: { graphBaseUrl: 'https://graph.example.com' },
    },
    {
      name: 'graphBaseUrl at Microsoft Graph with a version path',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: 'https://graph.microsoft.com/v1.0/' },
      expected: { graphBaseUrl: 'https://graph.microsoft.com/v1.0' },
    },
    {
      name: 'an issuer with its trailing slashes removed',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: 'https://idp.example.com/realms/acme//' },
      expected: { issuer: 'https://idp.example.com/realms/acme' },
    },
    {
      name: 'graphBaseUrl null, kept as null (Graph never asked)',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: null },
      expected: { graphBaseUrl: null },
    },
    {
      name: 'scopes that include openid',
      kind: 'oidc',
      input: { ...OIDC_BASE, scopes: ['openid', 'groups'] },
      expected: { scopes: ['openid', 'groups'] },
    },
    {
      name: 'trimmed allowedGroups entries',
      kind: 'oidc',
      input: { ...OIDC_BASE, allowedGroups: [' Engineering ', 'g-1'] },
      expected: { allowedGroups: ['Engineering', 'g-1'] },
    },
    {
      name: 'clockSkewSeconds 300 (the upper bound)',
      kind: 'saml',
      input: { ...SAML_BASE, clockSkewSeconds: 300 },
      expected: { clockSkewSeconds: 300 },
    },
    {
      name: 'clockSkewSeconds 0 (the lower bound)',
      kind: 'saml',
      input: { ...SAML_BASE, clockSkewSeconds: 0 },
      expected: { clockSkewSeconds: 0 },
    },
    {
      name: 'an https idpMetadataUrl',
      kind: 'saml',
      input: { ...SAML_BASE, idpMetadataUrl: 'https://idp.example.com/metadata/' },
      expected: { idpMetadataUrl: 'https://idp.example.com/metadata' },
    },
    {
      name: 'an http idpMetadataUrl on localhost when local IdPs are allowed',
      kind: 'saml',
      input: { ...SAML_BASE, idpMetadataUrl: 'http://localhost:8080/metadata' },
      urls: LOCAL_ALLOWED,
      expected: { idpMetadataUrl: 'http://localhost:8080/metadata' },
    },
    {
      name: 'allowIdpInitiated true',
      kind: 'saml',
      input: { ...SAML_BASE, allowIdpInitiated: true },
      expected: { allowIdpInitiated: true },
    },
    {
      name: 'allowIdpInitiated false',
      kind: 'saml',
      input: { ...SAML_BASE, allowIdpInitiated: false },
      expected: { allowIdpInitiated: false },
    },
  ];

  it.each(cases)('accepts $name', ({ kind, input, urls, expected }) => {
    expect(parseSsoSettings(kind, input, urls ?? PUBLIC_ONLY)).toMatchObject(expected);
  });

  it.each([...GRAPH_HOSTS])(
    'accepts graphBaseUrl https://%s (Microsoft Graph in a national cloud)',
    (host) => {
      const settings = parseSsoSettings(
        'oidc',
        { ...OIDC_BASE, graphBaseUrl: `https://${host}` },
        PUBLIC_ONLY,
      );
      expect(settings).toMatchObject({ graphBaseUrl: `https://${host}` });
    },
  );
});

describe('parseSsoSettings rejected values', () => {
  const cases: readonly {
    readonly name: string;
    readonly kind: SsoKind;
    readonly input: Readonly<Record<string, unknown>>;
    /** PUBLIC_ONLY unless given. */
    readonly urls?: IdpUrlPolicy;
    readonly field: string;
  }[] = [
    { name: 'a missing issuer', kind: 'oidc', input: { clientId: 'muster' }, field: 'issuer' },
    { name: 'a blank issuer', kind: 'oidc', input: { ...OIDC_BASE, issuer: '  ' }, field: 'issuer' },
    {
      name: 'an http issuer off loopback',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: 'http://idp.example.com' },
      field: 'issuer',
    },
    {
      name: 'an http issuer on a host that only starts with localhost, even when local IdPs are allowed',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: 'http://localhost.example.com' },
      urls: LOCAL_ALLOWED,
      field: 'issuer',
    },
    {
      name: 'an http issuer on 127.0.0.1 when local IdPs are not allowed',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: 'http://127.0.0.1:8080/realms/test' },
      field: 'issuer',
    },
    {
      name: 'an http issuer on localhost when local IdPs are not allowed',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: 'http://localhost:9000' },
      field: 'issuer',
    },
    {
      name: 'an issuer with a user and password',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: 'https://admin:secret@idp.example.com' },
      field: 'issuer',
    },
    {
      name: 'a relative issuer',
      kind: 'oidc',
      input: { ...OIDC_BASE, issuer: '/realms/acme' },
      field: 'issuer',
    },
    { name: 'a missing clientId', kind: 'oidc', input: { issuer: OIDC_BASE.issuer }, field: 'clientId' },
    {
      name: 'scopes without openid',
      kind: 'oidc',
      input: { ...OIDC_BASE, scopes: ['email', 'profile'] },
      field: 'scopes',
    },
    {
      name: 'scopes that are not a list',
      kind: 'oidc',
      input: { ...OIDC_BASE, scopes: 'openid' },
      field: 'scopes',
    },
    {
      name: 'an http graphBaseUrl off loopback',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: 'http://graph.example.com' },
      urls: LOCAL_ALLOWED,
      field: 'graphBaseUrl',
    },
    {
      name: 'an https graphBaseUrl that is not Microsoft Graph',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: 'https://graph.example.com' },
      field: 'graphBaseUrl',
    },
    {
      name: 'an https graphBaseUrl whose host only starts with a Graph host',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: 'https://graph.microsoft.com.evil.example' },
      field: 'graphBaseUrl',
    },
    {
      name: 'an http graphBaseUrl on 127.0.0.1 when local IdPs are not allowed',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: 'http://127.0.0.1:4000' },
      field: 'graphBaseUrl',
    },
    {
      name: 'a graphBaseUrl at Microsoft Graph with a user and password',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: 'https://user:secret@graph.microsoft.com' },
      field: 'graphBaseUrl',
    },
    {
      name: 'a numeric graphBaseUrl',
      kind: 'oidc',
      input: { ...OIDC_BASE, graphBaseUrl: 1 },
      field: 'graphBaseUrl',
    },
    {
      name: 'a roleMappings entry that is not an object',
      kind: 'oidc',
      input: { ...OIDC_BASE, roleMappings: ['Admins'] },
      field: 'roleMappings',
    },
    {
      name: 'a roleMappings entry that is a list',
      kind: 'oidc',
      input: { ...OIDC_BASE, roleMappings: [['Admins', 'admin']] },
      field: 'roleMappings',
    },
    {
      name: 'a roleMappings entry with an unknown role',
      kind: 'oidc',
      input: { ...OIDC_BASE, roleMappings: [{ group: 'Admins', role: 'owner' }] },
      field: 'role',
    },
    {
      name: 'a roleMappings entry without a group',
      kind: 'oidc',
      input: { ...OIDC_BASE, roleMappings: [{ role: 'admin' }] },
      field: 'group',
    },
    {
      name: 'an unknown teamCreation',
      kind: 'oidc',
      input: { ...OIDC_BASE, teamCreation: 'always' },
      field: 'teamCreation',
    },
    {
      name: 'an unknown membershipSync',
      kind: 'saml',
      input: { ...SAML_BASE, membershipSync: 'mirror' },
      field: 'membershipSync',
    },
    {
      name: 'allowedGroups with an empty string',
      kind: 'oidc',
      input: { ...OIDC_BASE, allowedGroups: ['Engineering', ''] },
      field: 'allowedGroups',
    },
    {
      name: 'allowedGroups with a non-string',
      kind: 'saml',
      input: { ...SAML_BASE, allowedGroups: ['Engineering', 42] },
      field: 'allowedGroups',
    },
    {
      name: 'a linkByEmail that is not a boolean',
      kind: 'oidc',
      input: { ...OIDC_BASE, linkByEmail: 'yes' },
      field: 'linkByEmail',
    },
    {
      name: 'a createUsers that is not a boolean',
      kind: 'saml',
      input: { ...SAML_BASE, createUsers: 1 },
      field: 'createUsers',
    },
    {
      name: 'clockSkewSeconds 301',
      kind: 'saml',
      input: { ...SAML_BASE, clockSkewSeconds: 301 },
      field: 'clockSkewSeconds',
    },
    {
      name: 'clockSkewSeconds -1',
      kind: 'saml',
      input: { ...SAML_BASE, clockSkewSeconds: -1 },
      field: 'clockSkewSeconds',
    },
    {
      name: 'clockSkewSeconds 1.5',
      kind: 'saml',
      input: { ...SAML_BASE, clockSkewSeconds: 1.5 },
      field: 'clockSkewSeconds',
    },
    {
      name: 'clockSkewSeconds as a string',
      kind: 'saml',
      input: { ...SAML_BASE, clockSkewSeconds: '60' },
      field: 'clockSkewSeconds',
    },
    { name: 'a missing idpMetadataXml', kind: 'saml', input: {}, field: 'idpMetadataXml' },
    {
      name: 'a blank idpMetadataXml',
      kind: 'saml',
      input: { idpMetadataXml: ' \n ' },
      field: 'idpMetadataXml',
    },
    {
      name: 'an http idpMetadataUrl off loopback',
      kind: 'saml',
      input: { ...SAML_BASE, idpMetadataUrl: 'http://idp.example.com/metadata' },
      field: 'idpMetadataUrl',
    },
    {
      name: 'an http idpMetadataUrl on 127.0.0.1 when local IdPs are not allowed',
      kind: 'saml',
      input: { ...SAML_BASE, idpMetadataUrl: 'http://127.0.0.1:8080/metadata' },
      field: 'idpMetadataUrl',
    },
    {
      name: 'an idpMetadataUrl with a user and password, even when local IdPs are allowed',
      kind: 'saml',
      input: { ...SAML_BASE, idpMetadataUrl: 'http://user:secret@localhost:8080/metadata' },
      urls: LOCAL_ALLOWED,
      field: 'idpMetadataUrl',
    },
    {
      name: 'a numeric idpMetadataUrl',
      kind: 'saml',
      input: { ...SAML_BASE, idpMetadataUrl: 7 },
      field: 'idpMetadataUrl',
    },
    {
      name: 'an allowIdpInitiated that is not a boolean',
      kind: 'saml',
      input: { ...SAML_BASE, allowIdpInitiated: 'true' },
      field: 'allowIdpInitiated',
    },
  ];

  it.each(cases)('rejects $name with a 400 invalidValue naming $field', ({ kind, input, urls, field }) => {
    expectInvalidValue(() => parseSsoSettings(kind, input, urls ?? PUBLIC_ONLY), field);
  });

  it('names the Microsoft Graph hosts when refusing another graphBaseUrl', () => {
    const error = scimErrorOf(() =>
      parseSsoSettings('oidc', { ...OIDC_BASE, graphBaseUrl: 'https://graph.example.com' }, PUBLIC_ONLY),
    );
    expect(error.message).toContain('graphBaseUrl must be Microsoft Graph');
    for (const host of GRAPH_HOSTS) expect(error.message).toContain(host);
  });
});

describe('checkIdpUrl', () => {
  const everywhere: readonly { readonly url: string; readonly expected: string }[] = [
    { url: 'https://idp.example.com', expected: 'https://idp.example.com' },
    { url: 'https://idp.example.com/', expected: 'https://idp.example.com' },
    { url: 'https://idp.example.com/a///', expected: 'https://idp.example.com/a' },
    { url: 'https://127.0.0.1:8443/realms/test', expected: 'https://127.0.0.1:8443/realms/test' },
  ];

  it.each(everywhere)('accepts $url as $expected when local IdPs are not allowed', ({ url, expected }) => {
    expect(checkIdpUrl(url, 'issuer', PUBLIC_ONLY)).toBe(expected);
  });

  it.each(everywhere)('accepts $url as $expected when local IdPs are allowed', ({ url, expected }) => {
    expect(checkIdpUrl(url, 'issuer', LOCAL_ALLOWED)).toBe(expected);
  });

  const loopbackHttp: readonly { readonly url: string; readonly expected: string }[] = [
    { url: 'http://127.0.0.1:8080/realms/test', expected: 'http://127.0.0.1:8080/realms/test' },
    { url: 'http://localhost/', expected: 'http://localhost' },
    { url: 'http://[::1]:9000', expected: 'http://[::1]:9000' },
  ];

  it.each(loopbackHttp)('accepts $url as $expected when local IdPs are allowed', ({ url, expected }) => {
    expect(checkIdpUrl(url, 'issuer', LOCAL_ALLOWED)).toBe(expected);
  });

  it.each(loopbackHttp)('refuses $url when local IdPs are not allowed, asking for https', ({ url }) => {
    const error = scimErrorOf(() => checkIdpUrl(url, 'issuer', PUBLIC_ONLY));
    expect(error.scimType).toBe('invalidValue');
    expect(error.message).toBe('issuer must use https');
  });

  const rejected: readonly { readonly url: string; readonly why: string }[] = [
    { url: 'http://idp.example.com', why: 'plain http off loopback' },
    { url: 'http://10.0.0.5', why: 'plain http to a private address' },
    { url: 'http://localhost.example.com', why: 'plain http to a host that only starts with localhost' },
    { url: 'ftp://idp.example.com', why: 'a scheme other than http(s)' },
    { url: 'idp.example.com', why: 'no scheme' },
    { url: '', why: 'empty' },
    { url: 'https://admin:secret@idp.example.com', why: 'a user and password' },
    { url: 'https://admin@idp.example.com', why: 'a user without password' },
    { url: 'https://:secret@idp.example.com', why: 'a password without user' },
    { url: 'http://admin:secret@127.0.0.1:8080', why: 'a user and password on loopback' },
  ];

  it.each(rejected)('rejects $url ($why) naming the field, local IdPs not allowed', ({ url }) => {
    expectInvalidValue(() => checkIdpUrl(url, 'idpMetadataUrl', PUBLIC_ONLY), 'idpMetadataUrl');
  });

  it.each(rejected)('rejects $url ($why) naming the field, local IdPs allowed', ({ url }) => {
    expectInvalidValue(() => checkIdpUrl(url, 'idpMetadataUrl', LOCAL_ALLOWED), 'idpMetadataUrl');
  });

  it('says that credentials are refused', () => {
    const error = scimErrorOf(() =>
      checkIdpUrl('https://admin:secret@idp.example.com', 'issuer', PUBLIC_ONLY),
    );
    expect(error.message).toBe('issuer must not contain credentials');
  });

  it('tells, when local IdPs are allowed, which hosts may use http', () => {
    const error = scimErrorOf(() => checkIdpUrl('http://idp.example.com', 'issuer', LOCAL_ALLOWED));
    expect(error.message).toBe('issuer must use https (http only for 127.0.0.1 or localhost)');
  });
});

describe('toStoredSettings', () => {
  /** Each value with the policy it was written under, the one its stored form is read back under. */
  const written = (urls: IdpUrlPolicy, kind: SsoKind, input: Readonly<Record<string, unknown>>) => ({
    kind,
    urls,
    value: parseSsoSettings(kind, input, urls),
  });
  const settings: readonly {
    readonly kind: SsoKind;
    readonly urls: IdpUrlPolicy;
    readonly value: SsoSettings;
  }[] = [
    written(PUBLIC_ONLY, 'oidc', OIDC_BASE),
    written(PUBLIC_ONLY, 'oidc', {
      ...OIDC_BASE,
      graphBaseUrl: null,
      scopes: ['openid', 'groups'],
      groupsClaim: 'realm_access.roles',
      teamCreation: 'existing',
      membershipSync: 'full',
      allowedGroups: ['Engineering'],
      roleMappings: [
        { group: 'Muster Admins', role: 'admin' },
        { group: 'Engineering', role: 'member' },
      ],
      linkByEmail: true,
      createUsers: true,
    }),
    written(LOCAL_ALLOWED, 'oidc', {
      ...OIDC_BASE,
      issuer: 'http://127.0.0.1:8080/realms/test',
      graphBaseUrl: 'http://127.0.0.1:4000',
    }),
    written(PUBLIC_ONLY, 'saml', SAML_BASE),
    written(PUBLIC_ONLY, 'saml', {
      ...SAML_BASE,
      idpMetadataUrl: 'https://idp.example.com/metadata',
      emailAttribute: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      clockSkewSeconds: 120,
      allowIdpInitiated: true,
      roleMappings: [{ group: 'admins', role: 'admin' }],
    }),
  ];

  it.each(settings)('drops kind from $kind settings (the row has its own column)', ({ value }) => {
    const stored = toStoredSettings(value);
    expect(stored).not.toHaveProperty('kind');
    const { kind: _kind, ...rest } = value;
    expect(stored).toEqual(rest);
  });

  it.each(settings)(
    'round-trips $kind settings through parseSsoSettings to an equal value',
    ({ kind, urls, value }) => {
      expect(parseSsoSettings(kind, toStoredSettings(value), urls)).toEqual(value);
    },
  );

  it('refuses stored settings pointing at a local IdP once local IdPs are no longer allowed', () => {
    const local = parseSsoSettings(
      'oidc',
      { ...OIDC_BASE, issuer: 'http://127.0.0.1:8080/realms/test', graphBaseUrl: null },
      LOCAL_ALLOWED,
    );
    expectInvalidValue(() => parseSsoSettings('oidc', toStoredSettings(local), PUBLIC_ONLY), 'issuer');
  });
});
