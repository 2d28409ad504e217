// Every console page, opened by its address in a fresh tab at 1280×800 and at 390×844, over an organization Entra has
// provisioned: the page says what it is (its h1), logs no error, never scrolls sideways as a whole, and axe-core finds
// no serious or critical accessibility violation. Sign-in and setup are checked signed out.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMuster } from '../cli/run-muster.js';
import { launchBrowser, type Browser } from './support/launch-browser.js';
import {
  overflowingElements,
  pageWidth,
  seriousAxeViolations,
  settle,
  watchConsoleErrors,
} from './support/page-checks.js';
import { screenshot } from './support/screenshots.js';
import {
  seedConsole,
  signIn,
  teamNameOf,
  displayNameOf,
  WEBHOOK_DESCRIPTION,
  type SeededConsole,
} from './support/seed-console.js';

interface Viewport {
  readonly label: string;
  readonly width: number;
  readonly height: number;
}

const DESKTOP: Viewport = { label: 'desktop', width: 1280, height: 800 };
const MOBILE: Viewport = { label: 'mobile', width: 390, height: 844 };

interface ConsolePage {
  readonly path: (seed: SeededConsole) => string;
  readonly title: string;
  /** Screenshot name at 1280 px. */
  readonly shot: string;
  /** Screenshot name at 390 px, for the main pages. */
  readonly mobileShot?: string;
}

// Names differ from those main-workflow.test.ts saves, so parallel runs never overwrite each other's images.
const PAGES: readonly ConsolePage[] = [
  { path: () => '/', title: 'Dashboard', shot: 'dashboard', mobileShot: 'dashboard-mobile' },
  { path: () => '/users', title: 'Users', shot: 'users', mobileShot: 'users-mobile' },
  { path: (s) => `/users/${s.users.grace}`, title: displayNameOf('grace'), shot: 'user-with-keys' },
  { path: () => '/teams', title: 'Teams', shot: 'teams', mobileShot: 'teams-mobile' },
  {
    path: (s) => `/teams/${s.teams.missionControl}`,
    title: teamNameOf('missionControl'),
    shot: 'team-members',
  },
  { path: () => '/api-keys', title: 'API keys', shot: 'api-keys-all' },
  { path: () => '/provisioning-log', title: 'Provisioning log', shot: 'provisioning-log-errors' },
  {
    path: (s) => `/provisioning-log/${s.failedLogEntryId}`,
    title: 'POST request',
    shot: 'provisioning-log-entry',
  },
  { path: () => '/webhooks', title: 'Webhooks', shot: 'webhooks' },
  { path: (s) => `/webhooks/${s.webhookId}`, title: WEBHOOK_DESCRIPTION, shot: 'webhook-detail' },
  {
    path: () => '/settings/admin/scim',
    title: 'SCIM',
    shot: 'settings-scim-tokens',
    mobileShot: 'settings-scim-mobile',
  },
  { path: () => '/settings/admin/scim/guides/okta', title: 'SCIM', shot: 'settings-scim-guide-okta' },
  {
    path: () => '/settings/admin/sso',
    title: 'SSO',
    shot: 'settings-sso',
    mobileShot: 'settings-sso-mobile',
  },
];

let seed: SeededConsole;
let browser: Browser;
let signedOut: Browser;

/** Opens `path` in a new tab at `viewport`, checks it, saves the screenshot and closes the tab. */
async function checkPage(
  from: Browser,
  viewport: Viewport,
  path: string,
  title: string,
  shot: string | undefined,
  expectedFailures: readonly RegExp[] = [],
): Promise<void> {
  const page = await from.context.newPage();
  try {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const errors = watchConsoleErrors(page, expectedFailures);
    await page.goto(`${seed.server.origin}${path}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await settle(page);
    if (shot !== undefined) await screenshot(page, shot);
    await expectNoProblems(page, errors);
  } finally {
    await page.close();
  }
}

async function expectNoProblems(page: Page, errors: readonly string[]): Promise<void> {
  expect(errors, 'console errors').toEqual([]);
  const { scrollWidth, innerWidth } = await pageWidth(page);
  expect(
    scrollWidth,
    `page is ${scrollWidth}px wide in a ${innerWidth}px viewport; too wide: ${(await overflowingElements(page)).join('; ')}`,
  ).toBeLessThanOrEqual(innerWidth);
  expect(await seriousAxeViolations(page), 'serious or critical axe-core violations').toEqual([]);
}

describe('every console page by deep link', () => {
  beforeAll(async () => {
    seed = await seedConsole();
    browser = await launchBrowser();
    signedOut = await launchBrowser();
    const page = await browser.context.newPage();
    await signIn(page, seed.server.origin);
    await page.close();
  });
  afterAll(async () => {
    // Whatever beforeAll got to before a failure.
    await (signedOut as Browser | undefined)?.close();
    await (browser as Browser | undefined)?.close();
    await (seed as SeededConsole | undefined)?.stop();
  });

  for (const viewport of [DESKTOP, MOBILE]) {
    describe(`at ${viewport.width}×${viewport.height}`, () => {
      for (const consolePage of PAGES) {
        const shot = viewport === DESKTOP ? consolePage.shot : consolePage.mobileShot;
        it(`${consolePage.title} (${consolePage.shot}) has its h1, no errors, no overflow, no serious axe violation`, async () => {
          await checkPage(browser, viewport, consolePage.path(seed), consolePage.title, shot);
        });
      }

      it('the sign-in page passes the same checks, signed out', async () => {
        // The page asks whether someone is signed in already; signed out, the answer is a 401.
        await checkPage(
          signedOut,
          viewport,
          '/login',
          'Sign in',
          viewport === DESKTOP ? 'login' : 'login-mobile',
          [/\/api\/v1\/session$/],
        );
      });

      it('the setup page of an invited admin passes the same checks', async () => {
        const invited = await runMuster(
          ['admin', 'create', '--email', `invited-${viewport.label}@example.com`, '--json'],
          seed.server.env,
        );
        expect(invited.status, invited.stderr).toBe(0);
        const setupUrl = (JSON.parse(invited.stdout) as { setupUrl?: unknown }).setupUrl;
        expect(setupUrl).toMatch(/\/setup#token=msu_/);
        const path = new URL(String(setupUrl)).pathname + new URL(String(setupUrl)).hash;
        await checkPage(
          signedOut,
          viewport,
          path,
          'Set up your admin account',
          viewport === DESKTOP ? 'setup' : undefined,
        );
      });
    });
  }
});
