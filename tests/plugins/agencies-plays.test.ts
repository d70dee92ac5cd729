import pino from 'pino';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/account.entity.js';
import { createPlayFollowUpActivities } from '../../src/activities/play-follow-up.activities.js';
import { createPlayActivities } from '../../src/activities/play.activities.js';
import { createPluginActivities } from '../../src/activities/plugin.activities.js';
import { Engagement } from '../../src/commercial/engagement.entity.js';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { Person } from '../../src/relationships/person.entity.js';
import { TeamAssignment } from '../../src/relationships/team-assignment.entity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { recoveryWorkflow } from '../../workflows/recovery.workflow.js';
import { healthChangedSignal, playStateQuery, taskCompletedSignal } from '../../workflows/shared/play-signals.js';
import type { HealthUpdate, PlayState } from '../../workflows/shared/play-types.js';
import { recoveryPlanReadySignal, recoveryQuery } from '../../workflows/shared/recovery.contract.js';
import { eventually, openPlayKit, workflowBundle, type PlayKit } from '../plays/play-test-kit.js';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const health = (score: number): HealthUpdate => ({ score, band: score >= 60 ? 'healthy' : score >= 40 ? 'intervention' : 'critical', tier: 2, at: new Date().toISOString(), signals: [] });
type Handle = { workflowId: string; query: (q: typeof playStateQuery) => Promise<PlayState>; signal: (s: typeof taskCompletedSignal, a: { stepId: string; taskId: string; by: string }) => Promise<void> };

/**
 * The agency recovery template run by the real recovery workflow on the time-skipping server, with
 * the plugin's results-digest activity registered the way the worker registers it.
 */
describe('agencies.recovery on the recovery workflow (real time-skipping server, real activities)', () => {
  let kit: PlayKit;
  let installed: InstalledPlugins;

  beforeAll(async () => {
    kit = await openPlayKit();
    installed = await installPlugins();
    const em = kit.orm.em.fork();
    await em.nativeUpdate(Account, { id: kit.accountId }, { industry: 'agency', attributes: { agencies: { lastNewConceptOn: isoDate(Date.now() - 150 * DAY), lastResultsReportOn: isoDate(Date.now() - 50 * DAY), latestCampaign: { name: 'Holiday campaign', kpi: 'ROAS', attainmentPct: 68 } } } });
    em.create(Engagement, { tenantId: 'acme', accountId: kit.accountId, name: 'Holiday campaign', serviceLine: 'Creative', budget: 40_000, actualCost: 46_000, startDate: isoDate(Date.now() - 120 * DAY), plannedEndDate: isoDate(Date.now() - 60 * DAY), actualEndDate: isoDate(Date.now() - 52 * DAY), status: 'completed' });
    const creative = em.create(Person, { tenantId: 'acme', name: 'Cam Creative', email: 'cam@agency.example', title: 'director' });
    em.create(TeamAssignment, { tenantId: 'acme', accountId: kit.accountId, personId: creative.id, role: 'specialist', fromDate: '2020-01-01' });
    await em.flush();
  });
  afterAll(async () => kit?.close());

  const template = () => installed.templates.latest('recovery', { industry: 'agency' });
  async function withWorker<T>(taskQueue: string, body: () => Promise<T>): Promise<T> {
    const activities = { ...createPlayActivities(kit.orm), ...createPlayFollowUpActivities(kit.orm), ...createPluginActivities(installed, { orm: kit.orm, log: pino({ level: 'silent' }) }) };
    const worker = await Worker.create({ connection: kit.env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    return worker.runUntil(body);
  }
  const start = (id: string, taskQueue: string) =>
    kit.env.client.workflow.start(recoveryWorkflow, {
      taskQueue,
      workflowId: `acme/${kit.accountId}/recovery/${id}`,
      args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Brightwave', template: template(), context: { signals: 'agencies-quiet-between-campaigns,agencies-campaign-underperforming', signalCategories: 'behavioural,high_risk', score: 38 }, reason: 'month-to-month retainer silent between campaigns' }],
    });
  const tasksOf = async (workflowId: string): Promise<Record<string, Task>> =>
    Object.fromEntries((await kit.tasks({ sourceRef: { $like: `${workflowId}/%` } })).map((t) => [t.sourceRef!.slice(workflowId.length + 1), t]));
  async function complete(h: Handle, stepId: string): Promise<void> {
    const state = await eventually(() => h.query(playStateQuery), (s) => s.steps.some((step) => step.id === stepId && step.status === 'open' && step.taskId));
    const step = state.steps.find((s) => s.id === stepId && s.status === 'open');
    if (!step) throw new Error(`step ${stepId} is not open: ${JSON.stringify(state.steps)}`);
    await kit.orm.em.fork().nativeUpdate(Task, { id: step.taskId! }, { status: 'done', completedAt: new Date() });
    await h.signal(taskCompletedSignal, { stepId, taskId: step.taskId!, by: 'lee' });
  }

  it('digest first, results review within 5 days, creative refresh and campaign plan before the plan; recovered after a full billing cycle of health', async () => {
    const { handle, result, startMs, healthyFrom } = await withWorker('agency-recovered', async () => {
      const startMs = await kit.env.currentTimeMs();
      const h = await start('recovered', 'agency-recovered');
      const atReview = await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'diagnostic-conversation');
      // The automated step ran before any task: its digest is in the history.
      expect(atReview.steps.find((s) => s.id === 'results-digest')).toMatchObject({ status: 'done', completedBy: 'agencies.resultsDigest' });
      expect(atReview.history.find((e) => e.event === 'step automated')?.detail).toBe(
        'results-digest: Results digest: 1 campaign in the last 365 days (none running, 1 over budget, 1 late); latest result: Holiday campaign at 68% of its ROAS target; last new creative concept 150 days ago; last results report 50 days ago; no next campaign planned.',
      );
      await complete(h, 'diagnostic-conversation');
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'creative-refresh-workshop');
      await complete(h, 'creative-refresh-workshop');
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'next-campaign-plan');
      await complete(h, 'next-campaign-plan');
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'recovery-plan');
      await h.signal(recoveryPlanReadySignal, { by: 'lee', note: 'creative refresh, campaign plan, monthly report, named team' });
      await eventually(() => h.query(recoveryQuery), (v) => v.phase === 'execution');
      await h.signal(healthChangedSignal, health(66));
      const healthyFrom = await kit.env.currentTimeMs();
      return { handle: h, result: await h.result(), startMs, healthyFrom }; // time skips through 30 days of sustained health
    });

    expect(result).toMatchObject({ play: 'recovery', templateId: 'agencies.recovery', status: 'completed', outcome: 'recovered' });
    const recoveredAt = Date.parse(result.history.find((e) => e.event === 'recovered')!.at);
    expect(Math.abs(recoveredAt - (healthyFrom + 30 * DAY))).toBeLessThan(60_000); // sustainedDays 30, not the core 14
    const tasks = await tasksOf(handle.workflowId);
    expect(tasks['results-digest']).toBeUndefined(); // automated: no task
    expect(tasks['team-account-lead']).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead, dueOn: isoDate(startMs + 1 * DAY) });
    expect(tasks['team-specialist'].description).toContain('creative director');
    expect(tasks['diagnostic-conversation']).toMatchObject({ ownerRole: 'account_lead', dueOn: isoDate(startMs + 5 * DAY) });
    expect(tasks['diagnostic-conversation'].title).toContain('Results review');
    expect(tasks['team-stability-commitment']).toMatchObject({ ownerRole: 'executive_sponsor', ownerPersonId: kit.people.sponsor });
    expect(tasks['creative-refresh-workshop']).toMatchObject({ ownerRole: 'specialist', status: 'done' });
    expect(tasks['next-campaign-plan']).toMatchObject({ ownerRole: 'account_lead', status: 'done' });
    expect(Object.keys(tasks).filter((k) => k.startsWith('follow-up/')).length).toBeGreaterThanOrEqual(4); // weekly through the month
  });

  it('without a plan it fails after 90 days (three billing cycles), not the core 120, and hands over to the executive sponsor', async () => {
    const { result, startMs } = await withWorker('agency-no-plan', async () => {
      const startMs = await kit.env.currentTimeMs();
      const h = await start('no-plan', 'agency-no-plan');
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'diagnostic-conversation');
      return { result: await h.result(), startMs };
    });
    expect(result).toMatchObject({ status: 'failed', outcome: 'not_recovered' });
    const failedAt = Date.parse(result.history.find((e) => e.event === 'horizon passed')!.at);
    expect(failedAt - startMs).toBeGreaterThanOrEqual(90 * DAY);
    expect(failedAt - startMs).toBeLessThan(90 * DAY + 60_000);
    const escalation = await kit.tasks({ sourceRef: { $like: '%/recovery/no-plan/executive-escalation' } });
    expect(escalation).toHaveLength(1);
    expect(escalation[0]).toMatchObject({ status: 'open', ownerRole: 'executive_sponsor' });
    // The review was due on day 5 and escalated when missed.
    expect((await kit.tasks({ sourceRef: { $like: '%/recovery/no-plan/diagnostic-conversation/late' } }))[0]).toMatchObject({ ownerRole: 'executive_sponsor' });
  });
});
