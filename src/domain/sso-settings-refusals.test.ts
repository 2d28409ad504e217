// parseSsoSettings and checkIdpUrl refusing what they must: each refusal is a 400 invalidValue naming the field.
import { describe, expect, it } from 'vitest';
import {
  expectInvalidValue,
  LOCAL_ALLOWED,
  OIDC_BASE,
  PUBLIC_ONLY,
  SAML_BASE,
  scimErrorOf,
} from '../../test/support/sso-settings-cases.js';
import type { SsoKind } from './sso-ports.js';
import { checkIdpUrl, GRAPH_HOSTS, parseSsoSettings, type IdpUrlPolicy } from './sso-settings.js';

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
