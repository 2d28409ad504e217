// Getting around the console: the keyboard (skip link, main navigation, the menu at phone width), the organization
// switcher, errors the page shows rather than swallows, and a session ended in another tab.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/launch-browser.js';
import { settle } from './support/page-checks.js';
import { screenshot } from './support/screenshots.js';
import {
  SECOND_ORG,
  SECOND_ORG_USER,
  seedConsole,
  signIn,
  userNameOf,
  type SeededConsole,
} from './support/seed-console.js';

const NAV_LABELS = ['Dashboard', 'Users', 'Teams', 'API keys', 'Provisioning log', 'Webhooks', 'Settings'];

let seed: SeededConsole;
let browser: Browser;
let page: Page;

interface Focused {
  readonly text: string;
  readonly id: string;
  readonly inMainNav: boolean;
}

async function focused(): Promise<Focused> {
  const found: unknown = await page.evaluate(`(() => {
    const el = document.activeElement;
    return { text: (el?.textContent ?? '').trim(), id: el?.id ?? '', inMainNav: el?.closest('#main-nav') !== null };
  })()`);
  return found as Focused;
}

async function open(path: string): Promise<void> {
  await page.goto(`${seed.server.origin}${path}`);
  await settle(page);
}

function heading(): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

describe('getting around the console', () => {
  beforeAll(async () => {
    seed = await seedConsole();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, seed.server.origin);
  });
  afterAll(async () => {
    // Whatever beforeAll got to before a failure.
    await (browser as Browser | undefined)?.close();
    await (seed as SeededConsole | undefined)?.stop();
  });

  it('reaches the skip link with the first Tab, and the skip link moves focus to the main content', async () => {
    await open('/');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'Skip to content' });
    expect(await page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('main');
  });

  it('reaches every main navigation link with Tab, in order, and Enter follows the link', async () => {
    await open('/');
    const reached: string[] = [];
    for (let presses = 0; presses < 40 && reached.at(-1) !== 'Settings'; presses += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (now.inMainNav) reached.push(now.text);
    }
    expect(reached).toEqual(NAV_LABELS);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/settings/admin/scim');
    await expect.poll(heading).toBe('SCIM');
  });

  it('opens the navigation with the menu button at 390 px, and a link click closes it', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open('/users');
      const menu = page.getByRole('button', { name: 'Menu' });
      const teamsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await teamsLink.isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await teamsLink.isVisible()).toBe(true);
      await screenshot(page, 'menu-open-mobile');
      await teamsLink.click();
      await page.waitForURL('**/teams');
      await expect.poll(heading).toBe('Teams');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await teamsLink.isVisible()).toBe(false);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('shows only the second organization’s user after switching to it, and the first’s after switching back', async () => {
    const usersTable = page.getByRole('table');
    const userRows = usersTable.locator('tbody tr');
    const showUsers = async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
      await page.waitForURL('**/users');
      await settle(page);
    };
    await open('/users');
    await expect.poll(() => userRows.count()).toBe(6);

    await page.getByLabel('Organization').selectOption(SECOND_ORG.slug);
    await showUsers();
    await expect.poll(() => userRows.count()).toBe(1);
    const second = (await usersTable.textContent()) ?? '';
    expect(second).toContain(SECOND_ORG_USER);
    expect(second).not.toContain(userNameOf('grace'));
    await screenshot(page, 'users-second-organization');

    await page.getByLabel('Organization').selectOption('default');
    await showUsers();
    await expect.poll(() => userRows.count()).toBe(6);
    const first = (await usersTable.textContent()) ?? '';
    expect(first).toContain(userNameOf('grace'));
    expect(first).not.toContain(SECOND_ORG_USER);
  });

  it('says so when a user does not exist', async () => {
    await open('/users/0190a6f0-0000-7000-8000-00000000dead');
    await expect.poll(heading).toBe('User not found');
    expect(await page.locator('main').textContent()).toContain('There is no such user');
  });

  it('shows the API’s refusal of a webhook URL in an error banner', async () => {
    await open('/webhooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    // A URL the browser accepts (type="url") and the server refuses: only http(s) endpoints get webhooks.
    await page.getByLabel('URL', { exact: true }).fill('ftp://files.example.com/muster');
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/webhooks') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    expect((await answer).status()).toBe(400);
    const banner = page.getByRole('alert');
    await expect.poll(() => banner.textContent()).toContain('The endpoint could not be added');
    expect(await banner.textContent()).toContain('http:// or https://');
    await screenshot(page, 'webhook-refused');
  });

  it('sends the first tab to sign-in once the session is ended in another tab', async () => {
    await open('/users');
    const other = await browser.context.newPage();
    try {
      await other.goto(`${seed.server.origin}/`);
      await settle(other);
      const status: unknown = await other.evaluate(`fetch('/api/v1/session')
        .then((response) => response.json())
        .then((session) => fetch('/api/v1/session', { method: 'DELETE', headers: { 'x-csrf-token': session.csrfToken } }))
        .then((response) => response.status)`);
      expect(status).toBe(204);
    } finally {
      await other.close();
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.waitForURL(/\/login/);
    await expect.poll(heading).toBe('Sign in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/teams');
  });
});
