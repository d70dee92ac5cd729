// The portfolio dashboard in a real browser on the demo portfolio: figures, trend, at-risk list
// with links and a CSV download, filters kept in the URL, and the CAC inputs form.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { consolePage, launchBrowser, screenshot } from './console-kit.js';

const T = { tenant: 'demo' };
type Figure = { id: string; label: string; value: number | null; unit: string };

describe('console: portfolio dashboard', () => {
  let app: TestApp;
  let browser: Browser;
  const dashboard = async (query = '') => (await app.call('GET', `/api/v1/metrics/dashboard${query}`, undefined, T)).body as { figures: Figure[]; retentionTrend: Record<string, number | null>[] };

  beforeAll(async () => {
    app = await startTestApp(testDialects()[0]);
    await seedDemoPortfolio(app.orm, { tenantId: 'demo', asOf: new Date(), accounts: 120 });
    expect((await app.call('POST', '/api/v1/scoring/rescore', {}, T)).status).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows figures, the retention trend and the at-risk list (links, CSV); a filter changes the URL and the figures', async () => {
    const all = await dashboard();
    const { page, context, errors } = await consolePage(browser, T);
    await page.goto(`${app.url}/console/`);
    const filters = page.getByRole('form', { name: 'Dashboard filters' });

    // Every dashboard figure is a card with a number (or a dash when the API has none) and its definition.
    const cards = page.locator('.figures-grid article');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(all.figures.length);
    const atRisk = all.figures.find((f) => f.id === 'atRiskAccounts')!;
    expect(atRisk.value).toBeGreaterThan(0);
    const atRiskCard = page.getByRole('article', { name: atRisk.label });
    expect(await atRiskCard.locator('.metric-value').textContent()).toBe(String(atRisk.value));
    expect(await atRiskCard.getByText(/intervention or critical band/).isVisible()).toBe(true);
    const numbers = await page.locator('.figures-grid .metric-value').allTextContents();
    expect(numbers.filter((n) => /\d/.test(n)).length, numbers.join(' | ')).toBeGreaterThanOrEqual(Math.ceil(all.figures.length / 2));

    // The trend chart has a point per defined monthly value.
    const defined = all.retentionTrend.flatMap((m) => [m.logoRetention, m.grossRevenueRetention, m.netRevenueRetention]).filter((v) => v !== null).length;
    expect(defined).toBeGreaterThan(0);
    const points = page.getByRole('group', { name: /Retention trend: data points/ }).locator('circle');
    expect(await points.count()).toBe(defined);
    // Keyboard: one Tab stop on the newest logo-retention point; arrows move along the line; a tooltip follows.
    await points.and(page.locator('[tabindex="0"]')).focus();
    const tooltip = page.getByRole('tooltip');
    const newest = await tooltip.textContent();
    expect(newest).toMatch(/Logo retention: \d+(\.\d)?%/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tooltip.textContent()).not.toBe(newest);
    expect(await tooltip.textContent()).toMatch(/Logo retention: /);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => tooltip.textContent()).toMatch(/Gross revenue retention: /);

    // The at-risk list links its accounts to their pages.
    const list = page.getByRole('table', { name: 'At-risk accounts' });
    await list.waitFor();
    const rows = list.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const firstLink = rows.first().getByRole('link');
    expect(await firstLink.getAttribute('href')).toMatch(/^\/console\/accounts\/[0-9a-f-]{36}$/);

    // CSV download of the same table.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: At-risk accounts' }).click()]);
    expect(download.suggestedFilename()).toBe('at-risk.csv');
    const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(csv.length).toBe((await rows.count()) + 1);
    await screenshot(page, 'dashboard');

    // A segment filter goes into the URL and changes the figures (the API's answer for that tier).
    const tier4 = await dashboard('?tier=4');
    const tier4AtRisk = tier4.figures.find((f) => f.id === 'atRiskAccounts')!;
    expect(tier4AtRisk.value, 'tier 4 has fewer at-risk accounts than the whole portfolio').not.toBe(atRisk.value);
    await filters.getByLabel('Tier').selectOption('4');
    await expect.poll(() => new URL(page.url()).search).toBe('?tier=4');
    await expect.poll(() => atRiskCard.locator('.metric-value').textContent()).toBe(String(tier4AtRisk.value));

    // The filtered view is a link: opening it shows the same filter selected.
    await page.goto(`${app.url}/console/?tier=4&period=quarter`);
    expect(await filters.getByLabel('Tier').inputValue()).toBe('4');
    expect(await filters.getByLabel('Period').inputValue()).toBe('quarter');
    await expect.poll(() => atRiskCard.locator('.metric-value').textContent()).toBe(String((await dashboard('?tier=4&period=quarter')).figures.find((f) => f.id === 'atRiskAccounts')!.value));

    // An account name in the at-risk list opens its page (the whole portfolio's list: a tier may have no account at risk).
    await page.goto(`${app.url}/console/`);
    const name = (await firstLink.textContent())!;
    await firstLink.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists every metrics table, expandable with its own CSV download', async () => {
    const tables = (await app.call('GET', '/api/v1/metrics/tables', undefined, T)).body.tables as { name: string; label: string }[];
    const { page, context, errors } = await consolePage(browser, T);
    await page.goto(`${app.url}/console/`);
    const section = page.getByRole('region', { name: 'More metrics' });
    await section.locator('details').first().waitFor();
    expect(await section.locator('details').count()).toBe(tables.length);
    const concentration = tables.find((t) => t.name === 'concentration')!;
    await section.getByText(concentration.label, { exact: true }).click();
    await section.getByRole('table', { name: concentration.label }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: `Download CSV: ${concentration.label}` }).click()]);
    expect(download.suggestedFilename()).toBe('concentration.csv');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes CAC inputs, showing 400 field errors inline', async () => {
    const costs = async () => (await app.call('GET', '/api/v1/metrics/acquisition-costs', undefined, T)).body.items as { period: string }[];
    const before = await costs(); // the demo seeds this year's and the two previous years' inputs
    const { page, context, errors } = await consolePage(browser, T);
    await page.goto(`${app.url}/console/`);
    const form = page.getByRole('form', { name: 'Acquisition cost inputs' });
    await form.getByLabel('Period').fill('2026');
    await form.getByLabel('Partner hours on business development').fill('200');
    await form.getByLabel('Partner hourly rate').fill('300');
    await form.getByLabel('Marketing spend').fill('20000');
    await form.getByLabel('Proposal costs').fill('15000');
    await form.getByLabel('Clients won').fill('10');
    await form.getByLabel('Gross margin').fill('30'); // a percentage where a fraction is expected
    await form.getByLabel('Expected client lifetime').fill('5');
    await form.getByLabel('Expected client lifetime').press('Enter');

    const margin = form.getByLabel('Gross margin');
    await expect.poll(() => margin.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('input:focus').getAttribute('name'), 'focus moves to the first invalid field').toBe('grossMargin');
    const describedBy = (await margin.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${describedBy[1]}"]`).textContent()).toMatch(/1/);
    expect(await costs(), 'the rejected input was not stored').toEqual(before);

    await margin.fill('0.3');
    await form.getByRole('button', { name: 'Save inputs' }).click();
    await form.getByRole('status').getByText('Saved the inputs for 2026.').waitFor();
    expect(await margin.getAttribute('aria-invalid')).toBeNull();
    // The entry is listed with its CAC: (200 × 300 + 20,000 + 15,000) / 10 = 9,500.
    const entries = page.getByRole('table', { name: 'Entered acquisition cost inputs' });
    await entries.getByRole('rowheader', { name: '2026' }).waitFor();
    expect(await entries.getByRole('row', { name: /^2026/ }).textContent()).toContain('9,500');
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });
});
