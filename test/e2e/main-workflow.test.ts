// The product's main workflow in a real browser: first admin from the start-up link → Settings › Admin Settings › SCIM
// → copy the tenant URL and create a token → Entra provisions with them → the team and its members appear → an API
// key for a member verifies → Entra deactivates the member → the key is blocked and refused → the provisioning log shows
// every request → revoking the token locks the IdP out.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntraProvisioning } from './support/entra-provisioning.js';
import { launchBrowser, type Browser } from './support/launch-browser.js';
import { screenshot } from './support/screenshots.js';
import { startConsole, type ConsoleServer } from './support/start-console.js';

const ADMIN_EMAIL = 'ada@example.com';
const ADMIN_PASSWORD = 'correct horse battery staple';
const GRACE = { username: 'grace.hopper@example.com', given: 'Grace', family: 'Hopper' };
const ALAN = { username: 'alan.turing@example.com', given: 'Alan', family: 'Turing' };

let server: ConsoleServer;
let browser: Browser;
let page: Page;
let tenantUrl = '';
let scimToken = '';
let entra: EntraProvisioning;
let graceId = '';
let apiKey = '';

async function verifyKey(key: string): Promise<number> {
  const response = await fetch(`${server.origin}/api/v1/keys/verify`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return response.status;
}

describe('the main workflow in the console', () => {
  beforeAll(async () => {
    server = await startConsole();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('creates the first admin from the setup link printed at start-up', async () => {
    await page.goto(await server.setupUrl());
    await expect.poll(() => page.getByLabel('Setup token').inputValue()).toMatch(/^msu_/);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByLabel('Confirm password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Create admin and sign in' }).click();
    await page.waitForURL('**/settings/admin/scim');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('SCIM');
  });

  it('signs out, refuses a wrong password, and signs in with the right one', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Email or password is incorrect');
    expect(page.url()).toMatch(/\/login/);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.origin}/`);
    await screenshot(page, 'dashboard-empty');
  });

  it('shows the tenant URL and creates a SCIM token once, on the deep-linked SCIM settings page', async () => {
    await page.goto(`${server.origin}/settings/admin/scim`);
    tenantUrl = await page.getByRole('textbox', { name: 'Tenant URL' }).first().inputValue();
    expect(tenantUrl).toBe(`${server.origin}/scim/v2`);
    await page.getByLabel('Name').fill('Entra ID');
    await page.getByRole('button', { name: 'Create SCIM token' }).click();
    const secret = page.getByTestId('secret-value');
    await secret.waitFor();
    scimToken = await secret.inputValue();
    expect(scimToken).toMatch(/^msk_[A-Za-z0-9_-]{43}$/);
    expect(await page.getByText('you will not see it again').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('table').first().textContent()).toContain('Entra ID');
    await screenshot(page, 'settings-scim');
  });

  it('lets Entra test the connection, create users and a group, and add members with that URL and token', async () => {
    entra = new EntraProvisioning(tenantUrl, scimToken);
    const probe = await entra.testConnection();
    expect(probe.status).toBe(200);
    expect(probe.body).toMatchObject({ totalResults: 0, Resources: [] });
    graceId = await entra.createUser({
      userName: GRACE.username,
      givenName: GRACE.given,
      familyName: GRACE.family,
      externalId: 'c2a6d1c4-2f0e-4a63-9d4c-000000000001',
    });
    const alanId = await entra.createUser({
      userName: ALAN.username,
      givenName: ALAN.given,
      familyName: ALAN.family,
      externalId: 'c2a6d1c4-2f0e-4a63-9d4c-000000000002',
    });
    const groupId = await entra.createGroup('Engineering', '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159');
    const added = await entra.addMembers(groupId, [graceId, alanId]);
    expect([200, 204]).toContain(added.status);
  });

  it('shows the team with its members on the Teams page', async () => {
    await page.goto(`${server.origin}/teams`);
    await page.getByRole('link', { name: 'Engineering' }).click();
    await page.waitForURL('**/teams/*');
    await expect.poll(() => page.locator('main').textContent()).toContain(GRACE.username);
    expect(await page.locator('main').textContent()).toContain(ALAN.username);
    expect(await page.getByText('IdP-managed').count()).toBeGreaterThan(0);
    await screenshot(page, 'team-detail');
  });

  it('creates an API key for a member in the console, and the key verifies', async () => {
    await page.goto(`${server.origin}/users/${graceId}`);
    await page.getByLabel('Key name').fill('laptop');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const secret = page.getByTestId('secret-value');
    await secret.waitFor();
    apiKey = await secret.inputValue();
    expect(apiKey).toMatch(/^mk_/);
    expect(await verifyKey(apiKey)).toBe(200);
  });

  it('blocks the key when Entra deactivates the member with "active": "False", and verify answers 401', async () => {
    const deactivated = await entra.deactivate(graceId);
    expect([200, 204]).toContain(deactivated.status);
    expect(await verifyKey(apiKey)).toBe(401);
    await page.goto(`${server.origin}/api-keys`);
    await expect
      .poll(() => page.getByRole('row', { name: /laptop/ }).textContent())
      .toContain('Blocked: user deprovisioned by IdP');
    await screenshot(page, 'api-keys');
    await page.goto(`${server.origin}/users/${graceId}`);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Blocked: user deprovisioned by IdP');
    await screenshot(page, 'user-detail');
  });

  it('shows every request Entra sent in the provisioning log', async () => {
    await page.goto(`${server.origin}/provisioning-log`);
    const log = page.getByRole('table');
    await expect.poll(() => log.textContent()).toContain('/scim/v2/Users');
    const text = (await log.textContent()) ?? '';
    for (const expected of ['POST', 'PATCH', 'GET', '/scim/v2/Groups', `/scim/v2/Users/${graceId}`]) {
      expect(text).toContain(expected);
    }
    await screenshot(page, 'provisioning-log');
  });

  it('locks the IdP out once the token is revoked in the console', async () => {
    await page.goto(`${server.origin}/settings/admin/scim`);
    await page.getByRole('button', { name: 'Revoke Entra ID' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.getByText('Revoked').count()).toBeGreaterThan(0);
    // Verified tokens are trusted for at most a second (docs/architecture.md): the refusal follows within it.
    await expect.poll(async () => (await entra.testConnection()).status, { timeout: 5_000 }).toBe(401);
  });
});
