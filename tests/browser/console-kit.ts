// Browser tests drive the built console (dist/console) in Debian's headless Chromium through
// playwright-core: no browser download. scripts/test.sh provisions CHROMIUM_PATH.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../src/auth/roles.js';
import { consoleBuildDir } from '../../src/console/serve-console.js';
import { tokenFor } from '../support/test-credentials.js';

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

/**
 * A fresh browser context already signed in to `tenant` as `actor` with `role` (admin by default): the
 * session the console's sign-in page would store (tests of the sign-in form itself start signed out).
 */
export async function consolePage(browser: Browser, options: { tenant: string; actor?: string; role?: Role; personId?: string | null; signedOut?: boolean }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  if (!options.signedOut) {
    const actor = options.actor ?? 'browser-test';
    const role = options.role ?? 'admin';
    const session = {
      token: await tokenFor({ tenant: options.tenant, actor, role, personId: options.personId ?? null }),
      user: { id: `test-${actor}`, name: actor, email: `${actor}@example.test`, roles: [role], personId: options.personId ?? null, tenant: options.tenant },
    };
    await context.addInitScript((value) => localStorage.setItem('retention.session', value), JSON.stringify(session));
  }
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
