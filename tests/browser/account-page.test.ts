// The accounts list and the account page in a real browser on the demo portfolio: a score drop
// caused by events is explained on the page exactly as the API explains it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { RescoreOnActivity } from '../../src/scoring/rescore-on-activity.js';
import { authHeaders } from '../support/test-credentials.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { eventually } from '../plays/play-test-kit.js';
import { consolePage, launchBrowser, screenshot } from './console-kit.js';
import { startPlaysStack, type PlaysStack } from './plays-stack.js';

const T = { tenant: 'demo' };
const HOUR = 3_600_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

describe('console: accounts list and account page', () => {
  let app: TestApp;
  let browser: Browser;
  let account: { id: string; name: string };
  let explanation: string;

  beforeAll(async () => {
    app = await startTestApp(testDialects()[0]);
    await seedDemoPortfolio(app.orm, { tenantId: 'demo', asOf: new Date(), accounts: 120 });
    expect((await app.call('POST', '/api/v1/scoring/rescore', {}, T)).status).toBe(200);
    // A healthy account whose latest NPS answer was a promoter's: a detractor answer now drops its satisfaction.
    const snapshots = await app.orm.em.fork().find(HealthSnapshot, { tenantId: 'demo', score: { $gte: 65 } }, { orderBy: { score: 'desc' } });
    const candidate = snapshots.find((s) => typeof s.facts.latestNps === 'number' && s.facts.latestNps >= 9);
    expect(candidate, 'a demo account scoring 65+ with a promoter NPS').toBeDefined();
    const chosen = candidate!.accountId;
    const promoterNps = candidate!.facts.latestNps as number;
    account = (await app.call('GET', `/api/v1/accounts/${chosen}`, undefined, T)).body;
    const before = (await app.call('GET', `/api/v1/accounts/${account.id}/health`, undefined, T)).body;

    const events = await app.call('POST', '/api/v1/events', { events: [{ id: 'console-nps-1', type: 'survey.responded', data: { accountId: account.id, kind: 'nps', score: 3, respondedAt: iso(HOUR) } }] }, T);
    expect(events.status, JSON.stringify(events.body)).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    await app.app.get(RescoreOnActivity).settled();

    const after = (await app.call('GET', `/api/v1/accounts/${account.id}/health`, undefined, T)).body;
    expect(after.id, 'the NPS answer was rescored into a new snapshot').not.toBe(before.id);
    expect(after.score).toBeLessThan(before.score);
    expect(after.delta.summary).toMatch(new RegExp(`^−\\d+: .*satisfaction −\\d+ \\(latest NPS answer ${promoterNps} → 3\\)`));
    explanation = after.delta.summary;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('finds the account in the list and shows its explained score change', async () => {
    const { page, context, errors } = await consolePage(browser, T);
    await page.goto(`${app.url}/console/accounts`);
    await page.getByRole('searchbox', { name: 'Search' }).fill(account.name);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`search=${encodeURIComponent(account.name).replace(/%20/g, '+')}`);
    const link = page.getByRole('link', { name: account.name, exact: true });
    await link.waitFor();
    expect(await page.locator('.accounts-table tbody tr').count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.accounts-table tbody tr').count()).toBe(50); // the first page of 120
    await screenshot(page, 'accounts');

    await page.getByRole('searchbox', { name: 'Search' }).fill(account.name);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: account.name, exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${app.url}/console/accounts/${account.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(account.name);

    // The newest change in the list carries the API's explanation, word for word.
    const changes = page.getByRole('list', { name: 'Score changes, newest first' });
    await changes.waitFor();
    expect(await changes.locator('.delta-summary').first().textContent()).toBe(explanation);
    expect(await changes.getByText(explanation, { exact: true }).isVisible()).toBe(true);

    // The chart's newest point explains itself in its tooltip (keyboard focus shows it).
    const points = page.getByRole('group', { name: /Health score history: data points/ });
    await points.locator('circle[tabindex="0"]').focus();
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(explanation);

    // The rest of the page is there: components with the facts read, rule versions, people, contracts.
    await page.getByRole('heading', { name: 'Score components' }).waitFor();
    expect(await page.getByRole('meter', { name: /Satisfaction signals: \d+ of 20 points/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'health', exact: true }).getAttribute('href')).toBe('/console/rules/health');
    await page.getByRole('table', { name: /Stakeholders by role/ }).waitFor();
    await page.getByRole('heading', { name: 'Contracts' }).waitFor();
    await page.getByRole('table', { name: 'Contracts of the account' }).waitFor();
    await screenshot(page, 'account');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters and sorts the list through the URL, as the API does', async () => {
    const { page, context, errors } = await consolePage(browser, T);
    await page.goto(`${app.url}/console/accounts`);
    const search = page.getByRole('search', { name: 'Find accounts' });
    await search.getByLabel('Tier').selectOption('3');
    await expect.poll(() => new URL(page.url()).search).toBe('?tier=3');
    const api = (await app.call('GET', '/api/v1/portfolio/accounts?tier=3&sort=score&limit=50', undefined, T)).body as { total: number; items: { name: string }[] };
    expect(api.total).toBeGreaterThan(1);
    await page.getByText(`of ${api.total} accounts`).waitFor();
    const names = () => page.locator('.accounts-table tbody td.name').allTextContents();
    await expect.poll(names).toEqual(api.items.map((a) => a.name));

    // Clicking the Score header sorts best first; the sort is part of the link.
    await page.getByRole('button', { name: /^Score/ }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?tier=3&sort=-score');
    expect(await page.getByRole('columnheader', { name: /^Score/ }).getAttribute('aria-sort')).toBe('descending');
    const best = (await app.call('GET', '/api/v1/portfolio/accounts?tier=3&sort=-score&limit=50', undefined, T)).body as { items: { name: string }[] };
    await expect.poll(names).toEqual(best.items.map((a) => a.name));

    // Back to every account: three pages of 50.
    await search.getByLabel('Tier').selectOption('');
    await page.getByText('1–50 of 120 accounts').waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=-score&page=2');
    await page.getByText('51–100 of 120 accounts').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says clearly when there is no such account', async () => {
    const { page, context, errors } = await consolePage(browser, T);
    await page.goto(`${app.url}/console/accounts/00000000-0000-4000-8000-000000000000`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('No such account');
    expect(await page.getByRole('link', { name: 'Find the account in the list' }).getAttribute('href')).toBe('/console/accounts');
    // The only error is the browser's own report of the 404 answer.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await context.close();
  });
});

// A running play on the account page, with its live timeline queried from the workflow
// (real Temporal dev server and worker, as in tests/plays/plays-e2e.test.ts).
describe('console: a play on the account page', () => {
  let stack: PlaysStack;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startPlaysStack({ tenant: 'demo', accounts: 20, taskQueue: `console-plays-${Date.now()}` });
    ({ app, browser } = stack);
  }, 180_000);

  afterAll(async () => stack?.close(), 60_000);

  it('shows the play steps: done (by whom), current, due dates; and its open tasks', async () => {
    const [snapshot] = await app.orm.em.fork().find(HealthSnapshot, { tenantId: 'demo', tier: { $gte: 2 } }, { orderBy: { score: 'asc' }, limit: 1 });
    const accountId = snapshot.accountId;
    const started = await app.call('POST', `/api/v1/accounts/${accountId}/plays`, { play: 'recovery', reason: 'console timeline test' }, T);
    expect(started.status, JSON.stringify(started.body)).toBeLessThan(300);
    type PlayRow = { id: string; play: string; status: string };
    const plays = await eventually(async () => (await app.call('GET', `/api/v1/accounts/${accountId}/plays`, undefined, T)).body.items as PlayRow[], (items) => items.some((p) => p.play === 'recovery'), 30_000);
    const play = plays.find((p) => p.play === 'recovery')!;
    type Task = { id: string; title: string; sourceRef: string | null };
    const inbox = async () => (await app.call('GET', `/api/v1/inbox?accountId=${accountId}`, undefined, T)).body.items as Task[];
    const tasks = await eventually(inbox, (items) => items.some((t) => t.sourceRef?.endsWith('/team-account-lead') ?? false), 30_000);
    const lead = tasks.find((t) => t.sourceRef?.endsWith('/team-account-lead'))!;
    const done = await fetch(`${app.url}/api/v1/tasks/${lead.id}/complete`, { method: 'POST', headers: { ...(await authHeaders({ tenant: 'demo', actor: 'alex', role: 'partner' })), 'content-type': 'application/json' }, body: '{}' });
    expect(done.status).toBe(200);
    type Step = { id: string; title: string; status: string; dueOn?: string };
    const state = await eventually(
      async () => (await app.call('GET', `/api/v1/plays/${play.id}`, undefined, T)).body.state as { currentStep?: string; steps: Step[] },
      (s) => s.steps.find((x) => x.id === 'team-account-lead')?.status === 'done',
      30_000,
    );
    const openTasks = await inbox();

    const { page, context, errors } = await consolePage(browser, T);
    await page.goto(`${app.url}/console/accounts/${accountId}`);
    const steps = page.getByRole('list', { name: 'Recovery steps' });
    await steps.waitFor();
    expect(await steps.locator('li').count()).toBe(state.steps.length);
    const first = steps.locator('li').filter({ hasText: state.steps.find((x) => x.id === 'team-account-lead')!.title });
    expect(await first.textContent()).toMatch(/done .* by alex/);
    const partner = state.steps.find((x) => x.id === 'team-partner')!;
    expect(partner.dueOn).toBeDefined();
    const due = new Date(`${partner.dueOn}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(await steps.locator('li').filter({ hasText: partner.title }).textContent()).toContain(`due ${due}`);
    const current = steps.locator('li[aria-current="step"]');
    expect(await current.count()).toBeGreaterThanOrEqual(1);
    // The workflow's own current step (read after the page loaded: the team steps run in parallel and settle quickly).
    const now = (await app.call('GET', `/api/v1/plays/${play.id}`, undefined, T)).body.state as { currentStep?: string; steps: Step[] };
    expect(now.currentStep).toBeDefined();
    expect(await current.first().textContent()).toContain(now.steps.find((x) => x.id === now.currentStep)!.title);

    // The play's open tasks are listed with the play they belong to.
    const taskTable = page.getByRole('table', { name: 'Open tasks of the account' });
    await taskTable.waitFor();
    // (the workflow may add tasks meanwhile: every task open before the page loaded is listed)
    for (const t of openTasks) expect(await taskTable.getByText(t.title, { exact: true }).count(), t.title).toBeGreaterThan(0);
    expect(await taskTable.getByRole('link', { name: 'Recovery play' }).count()).toBeGreaterThan(0);
    expect(await taskTable.getByText(lead.title).count(), 'the completed task is no longer open').toBe(0);
    await screenshot(page, 'account-play');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
