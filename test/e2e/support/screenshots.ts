// `npm run screenshots` sets MUSTER_SCREENSHOTS to a folder (docs/screenshots): the browser tests then save the pages
// they visit there, at the widths the console is built for. Otherwise nothing is written.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { settle } from './page-checks.js';

const folder = process.env['MUSTER_SCREENSHOTS'];

export async function screenshot(page: Page, name: string): Promise<void> {
  if (folder === undefined || folder === '') return;
  await mkdir(folder, { recursive: true });
  // The picture shows the page with its data, not "Loading…"; and from the top, since a full-page image of a
  // scrolled page (a deep link to a section) would draw the sticky top bar mid-page.
  await settle(page);
  await page.evaluate('window.scrollTo(0, 0)');
  // Time-relative text ("2 minutes ago") and the caret must not make each run's images differ for nothing.
  await page.screenshot({
    path: join(folder, `${name}.png`),
    fullPage: true,
    caret: 'hide',
    animations: 'disabled',
  });
}
