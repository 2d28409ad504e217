import { describe, expect, it } from 'vitest';
import {
  expectInvalidValue,
  LOCAL_ALLOWED,
  OIDC_BASE,
  PUBLIC_ONLY,
  SAML_BASE,
} from '../../test/support/sso-settings-cases.js';
import type { SsoKind } from './sso-ports.js';
import {
  GRAPH_HOSTS,
  parseSsoSettings,
  toStoredSettings,
  type IdpUrlPolicy,
  type OidcSettings,
  type SamlSettings,
  type SsoSettings,
} from './sso-settings.js';

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
