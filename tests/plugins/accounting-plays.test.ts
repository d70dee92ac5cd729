import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/account.entity.js';
import { createPlayFollowUpActivities } from '../../src/activities/play-follow-up.activities.js';
import { createPlayActivities } from '../../src/activities/play.activities.js';
import { createPluginActivities } from '../../src/activities/plugin.activities.js';
import { ServiceIssue } from '../../src/interactions/service-issue.entity.js';
import { createLogger } from '../../src/logging/logger.js';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { renewalWorkflow } from '../../workflows/renewal.workflow.js';
import { playStateQuery } from '../../workflows/shared/play-signals.js';
import { renewalOutcomeSignal } from '../../workflows/shared/renewal.contract.js';
import { completeOpenStep, eventually, openPlayKit, workflowBundle, type PlayKit } from '../plays/play-test-kit.js';

const DAY = 86_400_000;

/**
 * The accounting renewal template run by the real renewal workflow (time-skipping server, real
 * activities on a real database, the plugin's activity registered as the worker does): the
 * automated season recap lands in the timeline, then the engagement-letter milestones follow.
 */
describe('accounting.renewal on the renewal workflow', () => {
  let kit: PlayKit;
  let installed: InstalledPlugins;
  beforeAll(async () => {
    [kit, installed] = await Promise.all([openPlayKit(), installPlugins()]);
    const em = kit.orm.em.fork();
    const account = await em.findOneOrFail(Account, { id: kit.accountId });
    account.industry = 'accounting';
    account.attributes = { accounting: { fiscalYearEnd: '12-31', filingDeadlines: [] } };
    // Two issues in this year's tax season (never in the future).
    const seasonStart = Date.UTC(new Date().getUTCFullYear(), 0, 1);
    for (const hours of [24, 48]) em.create(ServiceIssue, { tenantId: 'acme', accountId: kit.accountId, title: 'Audit adjustment identified late', severity: 'medium', openedAt: new Date(Math.min(seasonStart + hours * 3_600_000, Date.now() - 60_000)) });
    await em.flush();
  });
  afterAll(async () => kit?.close());

  it('records the season recap, then runs the letter milestones for the right roles to a renewal', async () => {
    const template = installed.templates.latest('renewal', { industry: 'accounting' });
    expect(template.id).toBe('accounting.renewal');
    const activities = { ...createPlayActivities(kit.orm), ...createPlayFollowUpActivities(kit.orm), ...createPluginActivities(installed, { orm: kit.orm, log: createLogger('silent', 'test') }) };
    const worker = await Worker.create({ connection: kit.env.nativeConnection, taskQueue: 'accounting-renewal', workflowBundle: await workflowBundle(), activities });
    const anchorMs = (await kit.env.currentTimeMs()) + (template.parameters.leadDays as number) * DAY;
    const anchorDate = new Date(anchorMs).toISOString().slice(0, 10);
    const { handle, result, steps } = await worker.runUntil(async () => {
      const h = await kit.env.client.workflow.start(renewalWorkflow, {
        taskQueue: 'accounting-renewal',
        workflowId: `acme/${kit.accountId}/renewal/letter-1`,
        args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template, anchorDate, context: { contractId: 'letter-1' }, reason: 'engagement letter ends in 150 days' }],
      });
      const state = await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'season-debrief');
      expect(state.steps[0]).toMatchObject({ id: 'season-recap', status: 'done', completedBy: 'accounting.seasonRecap' });
      expect(state.history.find((e) => e.event === 'step automated')?.detail).toMatch(/^season-recap: \d{4} tax season \(Jan-Apr\): 2 service issues, 0 late deliveries; no audit, tax or advisory engagement in 24 months; fiscal year ends in \d+ days?$/);
      const done: string[] = [];
      for (const step of ['season-debrief', 'value-recap', 'stakeholder-remapping', 'advisory-proposal', 'more-valuable-conversation', 'scope-and-fees', 'letter-issued']) {
        done.push(await eventually(() => completeOpenStep(h, step).catch(() => ''), (s) => s !== ''));
      }
      await h.signal(renewalOutcomeSignal, { outcome: 'renewed', by: 'pat', note: 'letter signed for next year' });
      return { handle: h, result: await h.result(), steps: done };
    });
    expect(steps).toHaveLength(7);
    expect(result).toMatchObject({ status: 'completed', outcome: 'renewed', templateId: 'accounting.renewal' });
    const tasks = await kit.tasks({ sourceRef: { $like: `${handle.workflowId}/%` } });
    const byStep = Object.fromEntries(tasks.map((t) => [t.sourceRef!.slice(handle.workflowId.length + 1), t]));
    // No task for the automated step; each milestone due its days before the letter ends.
    expect(byStep['season-recap']).toBeUndefined();
    const dueBefore = (days: number) => new Date(anchorMs - days * DAY).toISOString().slice(0, 10);
    expect(byStep['season-debrief']).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead, dueOn: dueBefore(120) });
    expect(byStep['advisory-proposal']).toMatchObject({ ownerRole: 'partner', dueOn: dueBefore(75) });
    expect(byStep['letter-issued']).toMatchObject({ ownerRole: 'account_lead', dueOn: dueBefore(30) });
    expect(tasks.filter((t) => t.status === 'open')).toEqual([]);
  });
});
