// The console shell served by the service: deep links, navigation, a missing view, the API's tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTenant } from '../api/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { consolePage, launchBrowser, screenshot } from './console-kit.js';

describe('console shell', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp(testDialects()[0]);
    await createTenant(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('redirects / to the console and serves index.html for deep links', async () => {
    const root = await fetch(app.url + '/', { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/console/');
    const deep = await fetch(app.url + '/console/accounts/some-id');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const missingAsset = await fetch(app.url + '/console/assets/nope.js');
    expect(missingAsset.status).toBe(404);
  });

  it('navigates between views with the keyboard and shows a not-found view', async () => {
    const { page, context, errors } = await consolePage(browser, { tenant: 'acme' });
    await page.goto(app.url + '/console/no-such-view');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Not found');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Rules' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(app.url + '/console/rules');
    expect(await nav.getByRole('link', { name: 'Rules' }).getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'shell-rules');
    expect(errors).toEqual([]);
    await context.close();
  });
});
