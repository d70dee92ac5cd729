import { Worker } from '@temporalio/worker';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/account.entity.js';
import { createPlayFollowUpActivities } from '../../src/activities/play-follow-up.activities.js';
import { createPlayActivities } from '../../src/activities/play.activities.js';
import { createPluginActivities } from '../../src/activities/plugin.activities.js';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { TeamAssignment } from '../../src/relationships/team-assignment.entity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { onboardingWorkflow } from '../../workflows/onboarding.workflow.js';
import { cancelPlaySignal, playStateQuery } from '../../workflows/shared/play-signals.js';
import type { PlayState, PlayTemplate } from '../../workflows/shared/play-types.js';
import { completeOpenStep, eventually, openPlayKit, workflowBundle, type PlayKit } from '../plays/play-test-kit.js';

const DAY = 86_400_000;
const month = (monthsBack: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1)).toISOString().slice(0, 7);
};

/**
 * The technology plugin's onboarding template (the implementation-to-support handover) on the real
 * time-skipping server, with a worker whose activities are built as the platform's worker builds
 * them: the core play activities plus every installed plugin's activities. The automated
 * adoption-baseline step runs the plugin activity on its due day, its summary lands in the
 * play's timeline, and it never becomes a task.
 */
describe('technology handover play: a plugin activity inside a real workflow', () => {
  let kit: PlayKit;
  let installed: InstalledPlugins;
  let template: PlayTemplate;
  let activities: Record<string, unknown>;
  let measured: string; // 65 of 120 seats active this month
  let unmeasured: string; // no usage reported yet

  beforeAll(async () => {
    kit = await openPlayKit();
    installed = await installPlugins();
    template = installed.templates.latest('onboarding', { industry: 'technology' });
    const em = kit.orm.em.fork();
    const technology = (name: string, attributes: Record<string, unknown> | null) => {
      const account = em.create(Account, { tenantId: 'acme', name, industry: 'technology', clientSince: '2024-01-01', attributes });
      em.create(TeamAssignment, { tenantId: 'acme', accountId: account.id, personId: kit.people.lead, role: 'account_lead', fromDate: '2024-01-01' });
      return account.id;
    };
    measured = technology('Initech', { technology: { licensedSeats: 120, usage: [{ month: month(1), activeUsers: 58 }, { month: month(0), activeUsers: 65 }], goLiveOn: '2026-01-10' } });
    unmeasured = technology('Hooli', { technology: { licensedSeats: 40, goLiveOn: '2026-01-10' } });
    await em.flush();
    activities = { ...createPlayActivities(kit.orm), ...createPlayFollowUpActivities(kit.orm), ...createPluginActivities(installed, { orm: kit.orm, log: pino({ level: 'silent' }) }) };
  }, 120_000);
  afterAll(async () => kit?.close());

  const withWorker = async <T>(taskQueue: string, body: () => Promise<T>): Promise<T> => {
    const worker = await Worker.create({ connection: kit.env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    return worker.runUntil(body);
  };
  const start = (accountId: string, id: string, taskQueue: string) =>
    kit.env.client.workflow.start(onboardingWorkflow, {
      taskQueue,
      workflowId: `acme/${accountId}/onboarding/${id}`,
      args: [{ tenantId: 'acme', accountId, accountName: 'Initech', template, context: {}, reason: 'go-live: implementation-to-support handover' }],
    });
  type Handle = Awaited<ReturnType<typeof start>>;
  const complete = (h: Handle, step: string) => eventually(() => completeOpenStep(h, step).catch(() => ''), (s) => s !== '');
  const automated = (state: PlayState) => state.history.find((e) => e.event === 'step automated');
  const tasksOf = async (workflowId: string) => (await kit.orm.em.fork().find(Task, { tenantId: 'acme', sourceRef: { $like: `${workflowId}/%` } })).map((t) => ({ step: t.sourceRef!.slice(workflowId.length + 1), ownerRole: t.ownerRole, status: t.status }));

  it('the worker registers the plugin activity under its namespaced name', () => {
    expect(template.id).toBe('technology.onboarding');
    expect(typeof activities['technology.adoptionBaseline']).toBe('function');
  });

  it('runs the handover: three milestones as tasks, the adoption baseline automated on day 21 (summary in the timeline, no task), reviews at 30/60/90 days, onboarded', async () => {
    let startMs = 0;
    const { result, workflowId } = await withWorker('technology-handover', async () => {
      startMs = await kit.env.currentTimeMs();
      const h = await start(measured, 'handover', 'technology-handover');
      for (const step of ['go-live-readiness', 'support-owner', 'handover-meeting']) expect(await complete(h, step)).toBe(step);
      // The baseline waits for its due day (21): nothing automated yet, no task for it either.
      const waiting = await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'adoption-baseline');
      expect(waiting.steps.find((s) => s.id === 'adoption-baseline')).toMatchObject({ status: 'pending', dueOn: new Date(startMs + 21 * DAY).toISOString().slice(0, 10) });
      expect(automated(waiting)).toBeUndefined();
      await kit.env.sleep(22 * DAY);
      const after = await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'adoption-review-30');
      const baseline = after.steps.find((s) => s.id === 'adoption-baseline')!;
      expect(baseline).toMatchObject({ status: 'done', completedBy: 'technology.adoptionBaseline' });
      expect(baseline.taskId).toBeUndefined();
      expect(Date.parse(baseline.completedAt!) - startMs).toBeGreaterThanOrEqual(21 * DAY);
      expect(automated(after)!.detail).toBe(`adoption-baseline: adoption 54% of 120 seats (${month(0)})`);
      // The registry row (what the API lists) shows the automated outcome too, not only the workflow's own state.
      const recorded = await eventually(() => kit.orm.em.fork().findOne(PlayInstance, { workflowId: h.workflowId }), (p) => p?.lastEvent?.startsWith('step: ') ?? false);
      expect(recorded!.lastEvent).toBe(`step: adoption-baseline (technology.adoptionBaseline): adoption 54% of 120 seats (${month(0)})`);
      for (const step of ['adoption-review-30', 'adoption-review-60', 'adoption-review-90']) expect(await complete(h, step)).toBe(step);
      return { result: await h.result(), workflowId: h.workflowId };
    });

    expect(result).toMatchObject({ status: 'completed', outcome: 'onboarded', templateId: 'technology.onboarding', attention: 'normal' });
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ['go-live-readiness', 'done'], ['support-owner', 'done'], ['handover-meeting', 'done'], ['adoption-baseline', 'done'],
      ['adoption-review-30', 'done'], ['account-lead-checkin', 'skipped'], ['adoption-review-60', 'done'], ['adoption-review-90', 'done'],
    ]);
    // The timeline keeps the summary, between the handover meeting and the 30-day review.
    const events = result.history.map((e) => `${e.event}${e.detail ? `: ${e.detail}` : ''}`);
    const at = events.indexOf(`step automated: adoption-baseline: adoption 54% of 120 seats (${month(0)})`);
    expect(at).toBeGreaterThan(events.findIndex((e) => e.startsWith('step completed: handover-meeting')));
    expect(at).toBeLessThan(events.findIndex((e) => e.startsWith('step opened: adoption-review-30')));
    // One task per human step, none for the automated one; the first-result promise lands on the handover meeting.
    const tasks = await tasksOf(workflowId);
    expect(tasks.map((t) => t.step).sort()).toEqual(['adoption-review-30', 'adoption-review-60', 'adoption-review-90', 'go-live-readiness', 'handover-meeting', 'support-owner']);
    expect(Object.fromEntries(tasks.map((t) => [t.step, t.ownerRole]))).toMatchObject({ 'go-live-readiness': 'delivery_lead', 'support-owner': 'client_success', 'handover-meeting': 'client_success', 'adoption-review-90': 'account_lead' });
    const meeting = await kit.orm.em.fork().findOneOrFail(Task, { sourceRef: `${workflowId}/handover-meeting` });
    expect(meeting.description).toContain(`Promised to the client by ${new Date(startMs + 21 * DAY).toISOString().slice(0, 10)} (day 21); deliver by ${new Date(startMs + 14 * DAY).toISOString().slice(0, 10)} (day 14).`);
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId });
    expect(instance).toMatchObject({ play: 'onboarding', status: 'completed', outcome: 'onboarded' });
  });

  it('records "no usage data yet" for a client without usage, and the activity is read-only (retries are harmless)', async () => {
    const state = await withWorker('technology-handover-empty', async () => {
      const h = await start(unmeasured, 'empty', 'technology-handover-empty');
      for (const step of ['go-live-readiness', 'support-owner', 'handover-meeting']) expect(await complete(h, step)).toBe(step);
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'adoption-baseline');
      await kit.env.sleep(22 * DAY);
      const after = await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'adoption-review-30');
      await h.signal(cancelPlaySignal, { reason: 'test over', by: 'test' });
      expect(await h.result()).toMatchObject({ status: 'cancelled' });
      return after;
    });
    expect(automated(state)!.detail).toBe('adoption-baseline: no usage data yet');
    expect((await tasksOf(`acme/${unmeasured}/onboarding/empty`)).some((t) => t.step === 'adoption-baseline')).toBe(false);

    // Called directly, twice (as a retry would): same summary, the account untouched.
    const run = activities['technology.adoptionBaseline'] as (input: unknown) => Promise<{ summary: string }>;
    const before = await kit.orm.em.fork().findOneOrFail(Account, { id: measured });
    const input = { tenantId: 'acme', accountId: measured, workflowId: 'wf', stepId: 'adoption-baseline', parameters: template.parameters };
    const [first, second] = [await run(input), await run(input)];
    expect(first).toEqual({ summary: `adoption 54% of 120 seats (${month(0)})` });
    expect(second).toEqual(first);
    const after = await kit.orm.em.fork().findOneOrFail(Account, { id: measured });
    expect(after.attributes).toEqual(before.attributes);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await run({ ...input, tenantId: 'other' })).toEqual({ summary: 'account not found; no adoption baseline recorded' });
  });
});
