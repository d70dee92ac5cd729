// The task inbox in the browser, end to end on a real Temporal dev server and worker: a play
// started by hand creates a task for the account lead; the lead picks themself in the inbox,
// completes it from the UI, and the play records the completion and moves to its next step;
// that next task is reassigned from the UI; a task completed elsewhere meanwhile is a clear 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Account } from '../../src/accounts/account.entity.js';
import { Person } from '../../src/relationships/person.entity.js';
import { TeamAssignment } from '../../src/relationships/team-assignment.entity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { eventually } from '../plays/play-test-kit.js';
import type { TestApp } from '../support/test-app.js';
import { consolePage, screenshot } from './console-kit.js';
import { startPlaysStack, type PlaysStack } from './plays-stack.js';

/** Polls until the assertion holds: the UI answers after debounces and server round trips (slower under a loaded CI). */
const until = <T>(read: () => Promise<T> | T, timeout = 10_000) => expect.poll(read, { timeout });
const TENANT = 'inbox-ui';
const T = { tenant: TENANT };
const ACTOR = 'Ivy Inbox';
const DAY = 86_400_000;

interface PlayState {
  steps: { id: string; status: string; completedBy?: string }[];
  history: { event: string; detail?: string }[];
}

describe('task inbox (browser, Temporal)', () => {
  let stack: PlaysStack;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startPlaysStack({ tenant: TENANT, accounts: 16, taskQueue: `inbox-ui-${Date.now()}`, env: { PLAY_DISPATCH_INTERVAL_MS: '200' } });
    ({ app, browser } = stack);
  }, 180_000);

  afterAll(async () => stack?.close(), 60_000);

  it('completing a play task from the inbox signals its play; its next task is reassigned from the inbox', async () => {
    // An account (core onboarding template: the technology plugin has its own) with an account lead.
    const em = app.orm.em.fork();
    const accounts = await em.find(Account, { tenantId: TENANT, industry: { $ne: 'technology' } });
    const leads = await em.find(TeamAssignment, { tenantId: TENANT, role: 'account_lead', accountId: { $in: accounts.map((a) => a.id) }, toDate: null });
    const account = accounts.find((a) => leads.some((l) => l.accountId === a.id))!;

    const started = await app.call('POST', `/api/v1/accounts/${account.id}/plays`, { play: 'onboarding', reason: 'signed last week' }, T);
    expect(started.status, JSON.stringify(started.body)).toBeLessThan(300);
    const workflowId = started.body.workflowId as string;
    const kickoff = await eventually(() => app.orm.em.fork().findOne(Task, { tenantId: TENANT, sourceRef: `${workflowId}/kickoff` }), (t) => !!t, 30_000);
    expect(kickoff, 'the onboarding play created its kickoff task').toBeTruthy();
    expect(kickoff!.ownerPersonId, 'the task went to the account lead').toBeTruthy();
    const lead = await em.findOneOrFail(Person, { tenantId: TENANT, id: kickoff!.ownerPersonId! });
    expect(leads.some((l) => l.accountId === account.id && l.personId === lead.id)).toBe(true);
    const colleague = (await em.find(Person, { tenantId: TENANT, id: { $ne: lead.id } }, { orderBy: { name: 'asc' }, limit: 1 }))[0];
    const playId = ((await app.call('GET', `/api/v1/accounts/${account.id}/plays`, undefined, T)).body.items as { id: string; workflowId: string }[]).find((p) => p.workflowId === workflowId)!.id;
    // A manual task of the lead's, already late: overdue tasks stand out.
    const late = await app.call('POST', '/api/v1/tasks', { accountId: account.id, title: 'Send the signed engagement letter back', ownerRole: 'account_lead', ownerPersonId: lead.id, dueOn: new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10) }, T);
    expect(late.status, JSON.stringify(late.body)).toBe(201);

    const { page, context, errors } = await consolePage(browser, { tenant: TENANT, actor: ACTOR });
    await page.goto(`${app.url}/console/inbox`);
    await page.getByLabel('I am').selectOption({ label: lead.name });
    await until(() => page.url()).toBe(`${app.url}/console/inbox?owner=${lead.id}`);
    await until(() => page.locator('h1').textContent()).toBe(`Task inbox: ${lead.name}`);
    const tasks = page.getByRole('table', { name: 'Tasks' });
    const kickoffRow = tasks.getByRole('row', { name: /Hold the kickoff/ });
    await until(() => kickoffRow.count()).toBe(1);
    expect(await kickoffRow.getByRole('link', { name: account.name }).getAttribute('href')).toBe(`/console/accounts/${account.id}`);
    expect(await kickoffRow.getByRole('link', { name: 'Onboarding' }).getAttribute('href')).toBe(`/console/accounts/${account.id}#play-${playId}`);
    const lateRow = tasks.getByRole('row', { name: /Send the signed engagement letter back/ });
    expect(await lateRow.textContent()).toContain('overdue 3 d');
    expect(await lateRow.getAttribute('class')).toBe('task-overdue');
    await screenshot(page, 'inbox');

    // Complete the kickoff with a note (Enter submits); the list is read again from the server.
    await kickoffRow.getByRole('button', { name: 'Complete' }).click();
    await page.getByLabel('Completion note (optional)').fill('kickoff held with the COO');
    await page.keyboard.press('Enter');
    await until(() => page.getByRole('status').filter({ hasText: 'Completed “Hold the kickoff' }).textContent()).toContain('Its play was told and moves on.');
    await until(() => kickoffRow.count()).toBe(0);
    const afterKickoff = await eventually(async () => (await app.call('GET', `/api/v1/plays/${playId}`, undefined, T)).body.state as PlayState, (s) => s.steps.find((x) => x.id === 'success-criteria')?.status === 'open', 30_000);
    expect(afterKickoff.steps.find((s) => s.id === 'kickoff')).toMatchObject({ status: 'done', completedBy: ACTOR });
    expect(afterKickoff.history).toContainEqual(expect.objectContaining({ event: 'step completed', detail: `kickoff by ${ACTOR}: kickoff held with the COO` }));

    // The next step's task lands in the inbox; hand it to a colleague as delivery lead.
    const criteria = await eventually(() => app.orm.em.fork().findOne(Task, { tenantId: TENANT, sourceRef: `${workflowId}/success-criteria` }), (t) => !!t, 30_000);
    await page.reload();
    const criteriaRow = tasks.getByRole('row', { name: /Agree the success criteria/ });
    await until(() => criteriaRow.count()).toBe(1);
    await criteriaRow.getByRole('button', { name: 'Reassign' }).click();
    const reassign = page.getByRole('form', { name: /^Reassign “Agree the success criteria/ });
    await reassign.getByLabel('New owner').selectOption({ label: colleague.name });
    await reassign.getByLabel('Role').selectOption({ label: 'Delivery lead' });
    await reassign.getByRole('button', { name: 'Reassign task' }).click();
    await until(() => page.getByRole('status').filter({ hasText: 'Reassigned' }).textContent()).toContain(`to ${colleague.name} (Delivery lead)`);
    await until(() => criteriaRow.count()).toBe(0); // no longer the lead's
    const moved = (await app.call('GET', `/api/v1/tasks/${criteria!.id}`, undefined, T)).body;
    expect(moved).toMatchObject({ ownerPersonId: colleague.id, ownerRole: 'delivery_lead', status: 'open' });
    const afterReassign = await eventually(async () => (await app.call('GET', `/api/v1/plays/${playId}`, undefined, T)).body.state as PlayState, (s) => s.history.some((h) => h.event === 'task reassigned'), 20_000);
    expect(afterReassign.history).toContainEqual(expect.objectContaining({ event: 'task reassigned', detail: `success-criteria to delivery_lead by ${ACTOR}` }));

    // The person is remembered: the bare inbox link opens on their tasks.
    await page.goto(`${app.url}/console/inbox`);
    await until(() => page.url()).toBe(`${app.url}/console/inbox?owner=${lead.id}`);

    // Completed elsewhere in the meantime: a plain 409 message, nothing changed, the list refreshed.
    await until(() => lateRow.count()).toBe(1);
    await lateRow.getByRole('button', { name: 'Complete' }).click();
    expect((await app.call('POST', `/api/v1/tasks/${late.body.id}/complete`, {}, T)).status).toBe(200);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await until(() => page.getByRole('alert').textContent()).toContain('was already completed or cancelled by someone else; nothing changed');
    await until(() => lateRow.count()).toBe(0);

    // Completed tasks are one filter away, with when they were completed.
    await page.getByLabel('Status').selectOption({ label: 'Completed' });
    await until(() => page.url()).toBe(`${app.url}/console/inbox?owner=${lead.id}&status=done`);
    await until(() => tasks.getByRole('row', { name: /Hold the kickoff.*completed/ }).count()).toBe(1);
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await context.close();
  }, 150_000);
});
