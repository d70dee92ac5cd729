import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { onboardingWorkflow } from '../../workflows/onboarding.workflow.js';
import { cancelPlaySignal, healthChangedSignal, playStateQuery } from '../../workflows/shared/play-signals.js';
import { completeOpenStep, eventually, openPlayKit, type PlayKit } from './play-test-kit.js';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('onboarding play (real time-skipping server, real activities)', () => {
  let kit: PlayKit;
  beforeAll(async () => {
    kit = await openPlayKit();
  });
  afterAll(async () => kit?.close());

  const start = async (id: string, taskQueue: string) =>
    kit.env.client.workflow.start(onboardingWorkflow, {
      taskQueue,
      workflowId: `acme/${kit.accountId}/onboarding/${id}`,
      args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template: kit.template('onboarding'), context: {}, reason: 'new client signed' }],
    });
  type Handle = Awaited<ReturnType<typeof start>>;
  const complete = (h: Handle, step: string) => eventually(() => completeOpenStep(h, step).catch(() => ''), (s) => s !== '');
  const health = (score: number) => ({ score, band: score < 40 ? ('critical' as const) : ('intervention' as const), tier: 2, at: new Date().toISOString(), signals: [] });

  it('runs the first 90 days in seconds: milestones due on their days for the right roles, a late first result escalated, a health drop brings the partner in, onboarded', async () => {
    let startMs = 0;
    const handle = await kit.withWorker('onboarding-happy', async () => {
      startMs = await kit.env.currentTimeMs();
      const h = await start('happy', 'onboarding-happy');
      expect(await complete(h, 'kickoff')).toBe('kickoff');
      expect(await complete(h, 'success-criteria')).toBe('success-criteria');
      // The first result is left undone: due on day 21, escalated to the partner 3 days later.
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'first-result');
      expect((await kit.tasks({ title: 'Overdue: Deliver the first result faster than promised' })).length).toBe(0);
      await kit.env.sleep(25 * DAY);
      const late = await eventually(() => kit.tasks({ title: 'Overdue: Deliver the first result faster than promised' }), (t) => t.length === 1);
      expect(late[0]).toMatchObject({ ownerRole: 'partner', source: 'play', status: 'open', sourceRef: `${h.workflowId}/first-result/late` });
      expect(await complete(h, 'first-result')).toBe('first-result');
      // Health drops below 60: attention rises, the partner is involved, the partner check-in runs.
      await h.signal(healthChangedSignal, health(55));
      await eventually(() => h.query(playStateQuery), (s) => s.attention === 'elevated');
      expect(await complete(h, 'checkin-30')).toBe('checkin-30');
      expect(await complete(h, 'partner-checkin')).toBe('partner-checkin');
      expect(await complete(h, 'checkin-90')).toBe('checkin-90');
      const result = await h.result();
      expect(result).toMatchObject({ status: 'completed', outcome: 'onboarded', attention: 'elevated' });
      expect(result.steps.map((s) => [s.id, s.status])).toEqual([
        ['kickoff', 'done'], ['success-criteria', 'done'], ['first-result', 'done'], ['checkin-30', 'done'], ['partner-checkin', 'done'], ['checkin-90', 'done'],
      ]);
      expect(result.steps.find((s) => s.id === 'first-result')?.escalated).toBe(true);
      return h;
    });
    const tasks = await kit.tasks({ sourceRef: { $like: `${handle.workflowId}/%` } });
    const byStep = Object.fromEntries(tasks.map((t) => [t.sourceRef!.slice(handle.workflowId.length + 1), t]));
    expect(byStep.kickoff).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead, dueOn: isoDate(startMs + 7 * DAY) });
    expect(byStep['success-criteria']).toMatchObject({ ownerRole: 'account_lead', dueOn: isoDate(startMs + 14 * DAY) });
    // Faster than promised: due on day 21, the client was promised day 30; the task says both.
    expect(byStep['first-result']).toMatchObject({ ownerRole: 'delivery_lead', dueOn: isoDate(startMs + 21 * DAY) });
    expect(byStep['first-result'].description).toContain(`Promised to the client by ${isoDate(startMs + 30 * DAY)} (day 30); deliver by ${isoDate(startMs + 21 * DAY)} (day 21).`);
    expect(byStep['checkin-30']).toMatchObject({ ownerRole: 'account_lead', dueOn: isoDate(startMs + 30 * DAY) });
    expect(byStep['partner-checkin']).toMatchObject({ ownerRole: 'partner', dueOn: isoDate(startMs + 45 * DAY) });
    expect(byStep['checkin-90']).toMatchObject({ ownerRole: 'executive_sponsor', ownerPersonId: kit.people.sponsor, dueOn: isoDate(startMs + 90 * DAY) });
    expect(byStep['attention-elevated']).toMatchObject({ ownerRole: 'partner', title: 'Onboarding at risk: partner to join the onboarding' });
    expect(tasks).toHaveLength(8);
    // Closing the play closes what is still open (the escalation task); the registry records the outcome.
    expect(tasks.filter((t) => t.status === 'open')).toEqual([]);
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId });
    expect(instance).toMatchObject({ play: 'onboarding', status: 'completed', outcome: 'onboarded', attention: 'elevated' });
  });

  it('skips the partner check-in while healthy; a critical drop involves the executive sponsor; cancelling closes the open tasks', async () => {
    const result = await kit.withWorker('onboarding-critical', async () => {
      const h = await start('critical', 'onboarding-critical');
      for (const step of ['kickoff', 'success-criteria', 'first-result', 'checkin-30']) expect(await complete(h, step)).toBe(step);
      // Healthy so far: the partner check-in is skipped, the 90-day check-in is open.
      const state = await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'checkin-90');
      expect(state.steps.find((s) => s.id === 'partner-checkin')?.status).toBe('skipped');
      await h.signal(healthChangedSignal, health(35));
      await eventually(() => h.query(playStateQuery), (s) => s.attention === 'critical');
      await h.signal(cancelPlaySignal, { reason: 'client paused the engagement', by: 'pat' });
      return h.result();
    });
    expect(result).toMatchObject({ status: 'cancelled', attention: 'critical' });
    const id = `acme/${kit.accountId}/onboarding/critical`;
    const tasks = await kit.tasks({ sourceRef: { $like: `${id}/%` } });
    expect(tasks.find((t) => t.sourceRef === `${id}/attention-critical`)).toMatchObject({ ownerRole: 'executive_sponsor', title: "Onboarding critical: executive sponsor to call the client's leadership", status: 'cancelled' });
    expect(tasks.find((t) => t.sourceRef === `${id}/checkin-90`)).toMatchObject({ status: 'cancelled' });
    expect(tasks.some((t) => t.sourceRef === `${id}/partner-checkin`)).toBe(false);
    expect(tasks.filter((t) => t.status === 'open')).toEqual([]);
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: id });
    expect(instance).toMatchObject({ play: 'onboarding', status: 'cancelled', attention: 'critical', lastEvent: 'cancelled: client paused the engagement (by pat)' });
  });
});
