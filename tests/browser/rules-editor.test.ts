// The rule editor in the browser, on a real app and database: a draft edited through the
// threshold form and the JSON editor (validated as you type by the service's validator),
// saved, simulated on the demo portfolio and published with a reason; then a concurrent
// publish (409 with a reload) and a rollback; the audit log shows who did what and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { consolePage, launchBrowser, screenshot } from './console-kit.js';

/** Polls until the assertion holds: the UI answers after debounces and server round trips (slower under a loaded CI). */
const until = <T>(read: () => Promise<T> | T, timeout = 10_000) => expect.poll(read, { timeout });
const TENANT = 'rules-ui';
const T = { tenant: TENANT };

/** Puts the caret on `needle` (the first occurrence after `after`) in the JSON editor, selecting it. */
async function selectInEditor(page: Page, needle: string, after = ''): Promise<void> {
  await page.getByLabel('health rule set (JSON)').evaluate(
    (el, [n, a]) => {
      // (The tests are type-checked without DOM types: the textarea is described by what is used.)
      const area = el as unknown as { value: string; focus(): void; setSelectionRange(from: number, to: number): void };
      const from = area.value.indexOf(n, a ? area.value.indexOf(a) : 0);
      if (from < 0) throw new Error(`"${n}" not in the editor`);
      area.focus();
      area.setSelectionRange(from, from + n.length);
    },
    [needle, after] as const,
  );
}

describe('rule editor (browser)', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp(testDialects()[0]);
    await seedDemoPortfolio(app.orm, { tenantId: TENANT, asOf: new Date(), accounts: 40 });
    expect((await app.call('POST', '/api/v1/scoring/rescore', {}, T)).status).toBeLessThan(300);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('edits a health draft through the form and the JSON editor, saves, simulates and publishes it with a reason', async () => {
    const { page, context, errors } = await consolePage(browser, { tenant: TENANT, actor: 'Rita Rules' });
    await page.goto(app.url + '/console/rules');
    const core = page.getByRole('region', { name: 'Core rule sets' });
    await until(() => core.getByRole('row').count()).toBe(7); // header + 6 core rule sets
    expect(await page.getByRole('region', { name: 'Plugin rule packs' }).getByRole('link', { name: 'Legal health adjustments' }).count()).toBe(1);
    await screenshot(page, 'rules');

    await core.getByRole('link', { name: 'Client health score' }).click();
    await until(() => page.locator('h1').textContent()).toBe('Client health score (health)');
    await page.getByRole('button', { name: 'New draft from v0' }).click();
    const editor = page.getByLabel('health rule set (JSON)');
    const save = page.getByRole('button', { name: 'Save draft' });
    const simulate = page.getByRole('button', { name: 'Simulate', exact: true });
    await until(() => page.getByText('Valid: the service accepts this rule set').count()).toBe(1);

    // Form: one weight up → the weights no longer sum to 100 (the server says where), nothing can be saved.
    await page.getByLabel('Engagement frequency weight').fill('35');
    expect(await editor.inputValue()).toContain('"weight": 35');
    await until(() => page.getByRole('list', { name: 'Problems' }).textContent()).toContain('component weights must sum to 100, got 105');
    expect(await page.getByText('weights total 105 of 100').count()).toBe(1);
    expect(await save.isDisabled()).toBe(true);
    expect(await simulate.isDisabled()).toBe(true);
    await page.getByLabel('Relationship depth weight').fill('20');
    await until(() => save.isDisabled()).toBe(false);
    expect(await page.getByRole('list', { name: 'Problems' }).count()).toBe(0);

    // JSON editor: an invalid band (critical above intervention) is shown at its path, on its line.
    await selectInEditor(page, '40', '"critical"');
    await page.keyboard.type('70');
    await until(() => page.getByRole('list', { name: 'Problems' }).textContent()).toContain('bands.critical');
    expect(await page.getByRole('list', { name: 'Problems' }).textContent()).toContain('critical (70) must be below intervention (60)');
    expect(await page.getByLabel('critical band: score below').inputValue()).toBe('70'); // the form follows the JSON
    const criticalLine = (await editor.inputValue()).split('\n').findIndex((l) => l.includes('"critical": 70')) + 1;
    expect(await page.locator(`.json-editor-line.error[data-line="${criticalLine}"]`).count()).toBe(1);
    expect(await page.getByRole('button', { name: `Go to line ${criticalLine}` }).count()).toBe(1);
    expect(await save.isDisabled()).toBe(true);
    expect(await simulate.isDisabled()).toBe(true);

    // A syntax error: line and column as you type; the form steps aside until the JSON parses.
    await page.keyboard.type(',,');
    await until(() => page.getByRole('list', { name: 'Problems' }).textContent()).toMatch(/line \d+, column \d+ JSON syntax: unexpected/);
    expect(await page.getByText('The JSON does not parse').count()).toBe(1);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await selectInEditor(page, '70', '"critical"');
    await page.keyboard.type('40');
    await until(() => save.isDisabled()).toBe(false);

    // Tab indents inside the editor (Shift+Tab undoes it); Escape leaves the editor for the next control.
    await selectInEditor(page, '"kind"');
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    expect((await editor.inputValue()).startsWith('{\n    "kind"')).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect((await editor.inputValue()).startsWith('{\n  "kind"')).toBe(true);
    await until(() => save.isDisabled()).toBe(false); // validated again: the buttons after the editor are enabled
    await page.keyboard.press('Escape');
    expect(await page.locator(':focus').textContent()).toBe('Save draft');
    await page.keyboard.press('Enter'); // the focused Save draft button
    await until(() => page.getByRole('status').filter({ hasText: 'Saved as draft' }).textContent()).toContain('Saved as draft v1 (2 changes from v0)');
    await screenshot(page, 'rule-editor');

    await simulate.click();
    const simulation = page.getByRole('region', { name: /^Simulation:/ });
    await until(() => simulation.count(), 30_000).toBe(1);
    const scoreChanges = simulation.getByRole('table', { name: /Score changes/ });
    expect(await scoreChanges.getByRole('row').count()).toBeGreaterThan(1);
    const firstAccount = scoreChanges.getByRole('link').first();
    expect(await firstAccount.getAttribute('href')).toMatch(/^\/console\/accounts\/[0-9a-f-]{36}$/);
    expect(Number(await simulation.getByRole('definition').nth(1).locator('.stat-value').textContent())).toBeGreaterThan(0); // accounts affected
    await screenshot(page, 'simulation');

    await page.getByRole('button', { name: 'Publish v1…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish v1 of health' });
    await dialog.getByLabel('Reason (recorded in the audit log)').fill('Engagement predicts churn better for our clients');
    await page.keyboard.press('Enter');
    await until(() => page.getByRole('status').filter({ hasText: 'Published v1' }).count()).toBe(1);
    expect(page.url()).toBe(`${app.url}/console/rules/health?version=1`);
    await until(() => page.getByRole('row', { name: /v1 active/ }).count()).toBe(1);

    // The service agrees: v1 is active, and the audit log names the actor and the reason.
    const active = await app.call('GET', '/api/v1/rule-sets/health', undefined, T);
    expect(active.body).toMatchObject({ version: 1 });
    expect(active.body.document.components.map((c: { weight: number }) => c.weight)).toEqual([35, 20, 25, 20]);
    const audit = (await app.call('GET', '/api/v1/rule-sets/audit?kind=health', undefined, T)).body.items;
    expect(audit[0]).toMatchObject({ action: 'published', version: 1, fromVersion: 0, actor: 'Rita Rules', reason: 'Engagement predicts churn better for our clients' });
    expect(audit[1]).toMatchObject({ action: 'draft_submitted', version: 1, actor: 'Rita Rules' });

    await page.getByRole('link', { name: 'Audit log' }).click();
    await until(() => page.url()).toBe(`${app.url}/console/rules/audit?kind=health`);
    const row = page.getByRole('row', { name: /Engagement predicts churn better/ });
    await until(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Rita Rules');
    await screenshot(page, 'audit');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a concurrent publish is refused with a clear message and a reload; rolling back needs a reason too', async () => {
    const { page, context, errors } = await consolePage(browser, { tenant: TENANT, actor: 'Rita Rules' });
    const v1 = (await app.call('GET', '/api/v1/rule-sets/health/versions/1', undefined, T)).body.document;
    const draft = async (intervention: number) => {
      const res = await app.call('POST', '/api/v1/rule-sets/health/drafts', { document: { ...v1, bands: { ...v1.bands, intervention } } }, T);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.version as number;
    };
    const mine = await draft(62);
    await page.goto(`${app.url}/console/rules/health?version=${mine}`);
    await page.getByRole('button', { name: `Publish v${mine}…` }).click();
    const dialog = page.getByRole('dialog', { name: `Publish v${mine} of health` });
    await dialog.getByLabel('Reason (recorded in the audit log)').fill('Earlier intervention');

    // Someone else publishes first.
    const theirs = await draft(65);
    expect((await app.call('POST', `/api/v1/rule-sets/health/versions/${theirs}/publish`, { reason: 'their change' }, T)).status).toBe(200);
    await dialog.getByRole('button', { name: `Publish v${mine}` }).click();
    const alert = dialog.getByRole('alert');
    await until(() => alert.textContent()).toContain('Someone else changed the health rule set meanwhile; nothing was published.');
    expect(await alert.textContent()).toContain(`version ${theirs} is active now`);
    await alert.getByRole('button', { name: 'Reload versions' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await until(() => page.getByRole('row', { name: new RegExp(`v${theirs} active`) }).count()).toBe(1);
    expect((await app.call('GET', '/api/v1/rule-sets/health', undefined, T)).body.version).toBe(theirs);

    // Roll back to v1: a reason is required (too short is refused in the dialog), then it is active again.
    await page.getByRole('link', { name: 'v1', exact: true }).first().click();
    await page.getByRole('button', { name: 'Roll back to v1…' }).click();
    const rollback = page.getByRole('dialog', { name: 'Roll back to v1 of health' });
    await rollback.getByLabel('Reason (recorded in the audit log)').fill('no');
    await rollback.getByRole('button', { name: 'Roll back to v1' }).click();
    expect(await rollback.getByRole('alert').textContent()).toContain('at least 3 characters');
    await rollback.getByLabel('Reason (recorded in the audit log)').fill('Their change raised too many false alarms');
    await rollback.getByRole('button', { name: 'Roll back to v1' }).click();
    await until(() => page.getByRole('status').filter({ hasText: `Rolled back to v1 (was v${theirs})` }).count()).toBe(1);
    expect((await app.call('GET', '/api/v1/rule-sets/health', undefined, T)).body.version).toBe(1);

    // The audit log, filtered by actor, shows the rejected publish and the rollback with their reasons.
    await page.goto(`${app.url}/console/rules/audit`);
    await page.getByLabel('Actor').fill('rita');
    await until(() => page.url()).toBe(`${app.url}/console/rules/audit?actor=rita`);
    await until(() => page.getByRole('row', { name: /Rolled back.*Their change raised too many false alarms/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /Publish rejected.*Earlier intervention/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /their change/ }).count()).toBe(0); // published by 'anonymous' through the API
    const stored = (await app.call('GET', '/api/v1/rule-sets/audit?kind=health', undefined, T)).body.items;
    expect(stored[0]).toMatchObject({ action: 'rolled_back', version: 1, fromVersion: theirs, actor: 'Rita Rules', reason: 'Their change raised too many false alarms' });
    // Chromium logs every non-2xx answer; the refused publish is the only one, and nothing threw.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await context.close();
  });
});
