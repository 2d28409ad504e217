// Debian's Chromium driven by playwright-core: no browser is ever downloaded. Each launch gets a profile directory of
// its own, removed on close, so runs never share cookies or storage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env['MUSTER_CHROMIUM'] ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'muster-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ARGS,
      viewport,
      // The console copies the tenant URL and secrets to the clipboard.
      permissions: ['clipboard-read', 'clipboard-write'],
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(
      `Chromium could not start from ${CHROMIUM_PATH} (install Debian's chromium: apt-get install -y chromium)`,
      { cause: error },
    );
  }
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
