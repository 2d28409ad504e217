// What every console page must pass in the browser: no console errors, no horizontal scrolling of the whole page, and
// no serious or critical accessibility violation found by axe-core.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

/**
 * Collects the page's console errors and uncaught exceptions from now on. `expected`: the URLs of requests that
 * answer an error by design (Chromium logs every such response as a console error).
 */
export function watchConsoleErrors(page: Page, expected: readonly RegExp[] = []): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    if (message.text().startsWith('Failed to load resource') && expected.some((pattern) => pattern.test(url)))
      return;
    errors.push(`console: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => {
    errors.push(`pageerror: ${error.message}`);
  });
  return errors;
}

/** Waits until the page has its data: no request in flight and no loading indicator left. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
}

export interface Overflow {
  readonly scrollWidth: number;
  readonly innerWidth: number;
}

export async function pageWidth(page: Page): Promise<Overflow> {
  const measured: unknown = await page.evaluate(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
  );
  const { scrollWidth, innerWidth } = measured as Record<string, unknown>;
  if (typeof scrollWidth !== 'number' || typeof innerWidth !== 'number') {
    throw new Error(`unexpected measurement ${JSON.stringify(measured)}`);
  }
  return { scrollWidth, innerWidth };
}

/** The elements wider than the viewport, to say in a failure what overflows. */
export async function overflowingElements(page: Page): Promise<string[]> {
  const found: unknown = await page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .filter((el) => {
      // Inside a scrolling box (a table wrapper, a code block, tabs) overflow scrolls that box, not the page.
      for (let up = el.parentElement; up !== null && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return false;
      }
      return true;
    })
    .slice(0, 10)
    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
      ' right=' + Math.round(el.getBoundingClientRect().right))`);
  return Array.isArray(found) ? found.map(String) : [];
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated rather than added as a <script>: the console's Content-Security-Policy (script-src 'self') rightly
  // refuses inline scripts, and the test must not weaken it.
  await page.evaluate(await axeSource);
  const found: unknown =
    await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' [' +
        v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ') + ']'))`);
  if (!Array.isArray(found)) throw new Error(`axe answered ${JSON.stringify(found)}`);
  return found.map(String);
}
