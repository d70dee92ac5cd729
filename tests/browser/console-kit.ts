// Browser tests drive the built console (dist/console) in Debian's headless Chromium through
// playwright-core: no browser download. scripts/test.sh provisions CHROMIUM_PATH.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { consoleBuildDir } from '../../src/console/serve-console.js';

export const SCREENSHOT_DIR = join('tests', 'artifacts', 'screenshots');

/** Flags without which Chromium keeps trying the closed network (and root needs --no-sandbox). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function assertConsoleBuilt(): void {
  if (!existsSync(join(consoleBuildDir(), 'index.html'))) throw new Error('dist/console is missing: run ./retention setup (or npm run console:build) before the browser tests');
}

export async function launchBrowser(): Promise<Browser> {
  assertConsoleBuilt();
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: run bash scripts/provision/chromium.sh (./retention test does)`);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh browser context signed in to `tenant` as `actor` (the console keeps both in localStorage until issue 7's login). */
export async function consolePage(browser: Browser, options: { tenant: string; actor?: string }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(
    ([tenant, actor]) => {
      localStorage.setItem('retention.tenant', tenant);
      localStorage.setItem('retention.actor', actor);
    },
    [options.tenant, options.actor ?? 'browser-test'] as const,
  );
  const page = await context.newPage();
  // Uncaught exceptions and console errors fail the tests that check them.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
