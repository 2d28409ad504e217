// SSO sign-in in a real browser against a real `muster serve` and IdPs running locally: an admin signs in through
// OIDC (oidc-provider's login and consent pages) and lands in the whole console; a member signs in through SAML (the
// local IdP's auto-posting form), sees only My account with the team their group made, and creates an API key; SCIM
// then deactivates the member, whose open console is signed out and whose next sign-in is refused with a message.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMuster } from '../cli/run-muster.js';
import { startOidcIdp, type OidcIdp } from '../support/oidc-idp.js';
import { startSamlIdp, type TestSamlIdp } from '../support/saml-idp.js';
import { EntraProvisioning } from './support/entra-provisioning.js';
import { launchBrowser, type Browser } from './support/launch-browser.js';
import { screenshot } from './support/screenshots.js';
import { adminApi } from './support/seed-console.js';
import { startConsole, type ConsoleServer } from './support/start-console.js';

const ADMIN = {
  userName: 'ada@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  externalId: 'okta-ada',
};
const MEMBER = {
  userName: 'alan@example.com',
  givenName: 'Alan',
  familyName: 'Turing',
  externalId: '00u-alan',
};

let server: ConsoleServer;
let oidc: OidcIdp;
let saml: TestSamlIdp;
let adminKey = '';
let scim: EntraProvisioning;
let memberId = '';
let browser: Browser;

function json(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new Error(`not an object: ${String(value)}`);
  return value as Record<string, unknown>;
}

async function heading(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

beforeAll(async () => {
  // The IdPs run on this machine: allowed only by this setting.
  server = await startConsole({ SSO_ALLOW_LOCAL_IDP: 'on' });
  const origin = server.origin;
  oidc = await startOidcIdp({
    clients: [
      {
        clientId: 'muster',
        clientSecret: 'e2e-secret',
        redirectUris: [`${origin}/sso/default/oidc/callback`],
      },
    ],
  });
  saml = await startSamlIdp({
    acsUrl: `${origin}/sso/default/saml/acs`,
    spEntityId: `${origin}/sso/default/saml/metadata`,
  });
  // The installation's first admin, who set up SSO; people then sign in through the IdP.
  const firstAdmin = await runMuster(
    ['admin', 'create', '--email', 'root@example.com', '--password-stdin', '--json'],
    server.env,
    undefined,
    'correct horse battery staple\n',
  );
  if (firstAdmin.status !== 0) throw new Error(firstAdmin.stderr);
  const created = await runMuster(['admin-key', 'create', '--name', 'sso-tests', '--json'], server.env);
  if (created.status !== 0) throw new Error(created.stderr);
  adminKey = String(json(JSON.parse(created.stdout))['key']);
  const seed = { server, adminKey };
  const token = json(await adminApi(seed, 'POST', '/scim-tokens', { body: { name: 'Okta' } }));
  scim = new EntraProvisioning(String(token['scimUrl']), String(token['token']));
  await scim.createUser(ADMIN);
  memberId = await scim.createUser(MEMBER);
  const policy = { membershipSync: 'full', roleMappings: [{ group: 'muster-admins', role: 'admin' }] };
  await adminApi(seed, 'PUT', '/sso/oidc', {
    body: {
      enabled: true,
      clientSecret: 'e2e-secret',
      settings: {
        issuer: oidc.issuer,
        clientId: 'muster',
        scopes: ['openid', 'email', 'profile', 'groups'],
        ...policy,
      },
    },
  });
  await adminApi(seed, 'PUT', '/sso/saml', {
    body: { enabled: true, settings: { idpMetadataUrl: saml.metadataUrl, ...policy } },
  });
  await adminApi(seed, 'PUT', '/sso/member-api-keys', { body: { allowed: true }, expected: 204 });
  oidc.setAccount(ADMIN.externalId, {
    email: ADMIN.userName,
    email_verified: true,
    groups: ['muster-admins', 'Platform'],
  });
  saml.setUser({ nameId: MEMBER.externalId, email: MEMBER.userName, groups: ['Research'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await saml.close();
  await oidc.close();
  await server.stop();
});

describe('SSO sign-in in the browser', () => {
  it('an admin signs in through OIDC from the sign-in page and gets the whole console', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/teams`);
    await page.waitForURL('**/login?next=%2Fteams');
    await page.getByLabel('Organization').fill('default');
    await page.getByRole('button', { name: 'Continue with SSO' }).click();
    // oidc-provider's own login and consent pages.
    await page.locator('input[name="login"]').fill(ADMIN.externalId);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${server.origin}/teams`);
    await expect.poll(() => heading(page)).toBe('Teams');
    // The groups claim made the teams, and the admin is a member of both.
    await expect.poll(() => page.getByRole('link', { name: 'Platform' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'muster-admins' }).count()).toBe(1);
    await page.goto(`${server.origin}/settings/admin/sso`);
    await expect.poll(() => heading(page)).toBe('SSO');
    await screenshot(page, 'settings-sso');
    await page.close();
  });

  it('a member signs in through SAML, sees My account only, and creates an API key for their team', async () => {
    const context = await browser.context.browser()?.newContext();
    const page = await (context ?? browser.context).newPage();
    await page.goto(`${server.origin}/sso/default/login?via=saml&next=%2Fme`);
    // The IdP page posts the signed response back by itself.
    await page.waitForURL(`${server.origin}/me`);
    await expect.poll(() => heading(page)).toBe('My account');
    await expect.poll(() => page.getByText('Research').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    // An admin page sends a member back to their account.
    await page.goto(`${server.origin}/users`);
    await page.waitForURL('**/me');

    await page.getByLabel('Key name').fill('laptop');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const secret = page.getByTestId('secret-value');
    await expect.poll(() => secret.inputValue()).toMatch(/^mk_/);
    const key = await secret.inputValue();
    await screenshot(page, 'my-account');
    const verified = await fetch(`${server.origin}/api/v1/keys/verify`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(verified.status).toBe(200);

    // SCIM deactivates the member: the open console is signed out, the key refused, the next sign-in refused.
    const off = await scim.deactivate(memberId);
    expect([200, 204]).toContain(off.status);
    const refused = await fetch(`${server.origin}/api/v1/keys/verify`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(refused.status).toBe(401);
    await page.reload();
    await page.waitForURL('**/login**');
    await page.goto(`${server.origin}/sso/default/login?via=saml`);
    await page.waitForURL('**/login?sso_error=deactivated**');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('deactivated');
    await page.close();
    await context?.close();
  });
});
