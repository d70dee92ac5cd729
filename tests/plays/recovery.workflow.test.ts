import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { Person } from '../../src/relationships/person.entity.js';
import { TeamAssignment } from '../../src/relationships/team-assignment.entity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { recoveryWorkflow } from '../../workflows/recovery.workflow.js';
import { cancelPlaySignal, healthChangedSignal, playStateQuery, taskCompletedSignal } from '../../workflows/shared/play-signals.js';
import type { HealthUpdate, PlayState } from '../../workflows/shared/play-types.js';
import { addRecoveryActionSignal, identifyIssue, RECOVERY_DEFAULTS, recoveryParameters, recoveryPlanReadySignal, recoveryQuery } from '../../workflows/shared/recovery.contract.js';
import { eventually, openPlayKit, type PlayKit } from './play-test-kit.js';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const health = (score: number): HealthUpdate => ({ score, band: score >= 60 ? 'healthy' : score >= 40 ? 'intervention' : 'critical', tier: 2, at: new Date().toISOString(), signals: [] });
/** Completes one step's task (as the API does); the team steps stay open beside the current one, so name the step. */
async function completeStep(orm: PlayKit['orm'], handle: { query: (q: typeof playStateQuery) => Promise<PlayState>; signal: (s: typeof taskCompletedSignal, a: { stepId: string; taskId: string; by: string }) => Promise<void> }, stepId: string): Promise<void> {
  const state = await eventually(() => handle.query(playStateQuery), (s) => s.steps.some((step) => step.id === stepId && step.status === 'open' && step.taskId));
  const step = state.steps.find((s) => s.id === stepId && s.status === 'open');
  if (!step) throw new Error(`step ${stepId} is not open: ${JSON.stringify(state.steps)}`);
  await orm.em.fork().nativeUpdate(Task, { id: step.taskId! }, { status: 'done', completedAt: new Date() }); // as the API does, then it signals
  await handle.signal(taskCompletedSignal, { stepId, taskId: step.taskId!, by: 'lee' });
}
/** Workflow time of the first history entry with this event. */
const at = (state: PlayState, event: string) => Date.parse(state.history.find((e) => e.event === event)!.at);

describe('recovery issue identification (pure)', () => {
  it.each([
    [{}, 'relationship'],
    [{ signals: 'tone-shift,single-threaded', signalCategories: 'relationship' }, 'relationship'],
    [{ signals: 'recent-complaint,tone-shift', signalCategories: 'high_risk,relationship' }, 'service_quality'],
    [{ signals: 'project-trouble', signalCategories: 'high_risk' }, 'service_quality'],
    [{ signals: 'discount-pressure', signalCategories: 'financial' }, 'value_perception'],
    [{ signals: '', signalCategories: 'financial' }, 'value_perception'],
    [{ signals: 'flat-spend-at-renewal', signalCategories: 'high_risk' }, 'value_perception'],
    // Most acute first: competition beats a complaint, a complaint beats money.
    [{ signals: 'recent-complaint,competitor-mentioned,spend-declining', signalCategories: 'high_risk,competitive,financial' }, 'competitive_threat'],
    [{ signals: 'recent-complaint,spend-declining', signalCategories: 'high_risk,financial' }, 'service_quality'],
    [{ signals: 'rfp-as-incumbent' }, 'competitive_threat'],
    [{ signals: 'tone-shift', issueCategory: 'value_perception' }, 'value_perception'],
    [{ signals: 'tone-shift', issueCategory: 'nonsense' }, 'relationship'],
  ])('%j → %s', (context, category) => {
    expect(identifyIssue(context).category).toBe(category);
  });

  it('names its evidence and rule', () => {
    expect(identifyIssue({ signals: 'competitor-mentioned, tone-shift', signalCategories: 'competitive,relationship' })).toEqual({
      category: 'competitive_threat', evidence: ['competitor-mentioned', 'category:competitive'], rule: 'competitive signals present',
    });
  });
});

describe('recovery plan play (real time-skipping server, real activities)', () => {
  let kit: PlayKit;
  let specialistId: string;
  beforeAll(async () => {
    kit = await openPlayKit();
    const em = kit.orm.em.fork();
    const specialist = em.create(Person, { tenantId: 'acme', name: 'Sam Specialist', email: 'sam@firm.example', title: 'senior' });
    em.create(TeamAssignment, { tenantId: 'acme', accountId: kit.accountId, personId: specialist.id, role: 'specialist', fromDate: '2020-01-01' });
    await em.flush();
    specialistId = specialist.id;
  });
  afterAll(async () => kit?.close());

  const start = (id: string, taskQueue: string, context: Record<string, string | number | null> = {}) =>
    kit.env.client.workflow.start(recoveryWorkflow, {
      taskQueue,
      workflowId: `acme/${kit.accountId}/recovery/${id}`,
      args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template: kit.template('recovery'), context, reason: 'health below 40' }],
    });
  /** The play's tasks by key (source ref without the workflow id). */
  const tasksOf = async (workflowId: string): Promise<Record<string, Task>> =>
    Object.fromEntries((await kit.tasks({ sourceRef: { $like: `${workflowId}/%` } })).map((t) => [t.sourceRef!.slice(workflowId.length + 1), t]));

  it('the default template carries the documented parameters', () => {
    expect(recoveryParameters(kit.template('recovery').parameters)).toEqual(RECOVERY_DEFAULTS);
    expect(RECOVERY_DEFAULTS).toMatchObject({ diagnosticWithinDays: 7, followUpEveryDays: 7, recoveredAbove: 60, sustainedDays: 14, horizonDays: 120 });
  });

  it('recovers: team, diagnostic, plan actions (one task each, even when sent twice), weekly follow-ups, closed after 14 days of sustained health', async () => {
    const { handle, result, startMs, healthyAgain } = await kit.withWorker('recovery-recovered', async () => {
      const startMs = await kit.env.currentTimeMs();
      const h = await start('recovered', 'recovery-recovered', { signals: 'recent-complaint,tone-shift', signalCategories: 'high_risk,relationship', score: 34 });
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'diagnostic-conversation');
      const view = await h.query(recoveryQuery);
      expect(view).toMatchObject({ phase: 'diagnosis', issue: { category: 'service_quality', evidence: ['recent-complaint'] }, horizonOn: isoDate(startMs + 120 * DAY) });
      await h.signal(healthChangedSignal, health(34));
      await eventually(() => h.query(playStateQuery), (s) => s.attention === 'elevated');

      await completeStep(kit.orm, h, 'diagnostic-conversation');
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'recovery-plan');
      expect((await h.query(recoveryQuery)).phase).toBe('planning');
      await h.signal(addRecoveryActionSignal, { id: 'fix-plan', title: 'Fix plan for the reporting errors, with a named owner', ownerRole: 'delivery_lead', dueInDays: 10, by: 'lee' });
      await h.signal(addRecoveryActionSignal, { id: 'fix-plan', title: 'Fix plan (sent twice)', ownerRole: 'delivery_lead', dueInDays: 10, by: 'lee' });
      await h.signal(addRecoveryActionSignal, { id: 'exec-call', title: 'Executive call with the client COO', ownerRole: 'executive_sponsor', dueInDays: 5 });
      await h.signal(recoveryPlanReadySignal, { by: 'lee', note: 'two actions agreed' });
      await eventually(() => h.query(recoveryQuery), (v) => v.phase === 'execution' && v.actions.every((a) => a.taskId));

      await h.signal(healthChangedSignal, health(65));
      await kit.env.sleep(10 * DAY); // first weekly follow-up on day 7
      await h.signal(healthChangedSignal, health(55)); // breaks the healthy stretch
      await h.signal(healthChangedSignal, health(70)); // starts a new one
      const healthyAgain = await kit.env.currentTimeMs();
      await eventually(() => h.query(recoveryQuery), (v) => v.healthySince !== undefined && v.followUps === 1);
      return { handle: h, result: await h.result(), startMs, healthyAgain }; // time skips: follow-ups, then 14 days of sustained health
    });

    expect(result).toMatchObject({ play: 'recovery', status: 'completed', outcome: 'recovered', attention: 'elevated' });
    const executionStart = at(result, 'execution started');
    const recoveredAt = at(result, 'recovered');
    // Recovered 14 days after the last healthy stretch began (the dip on day 10 reset it), not 14 days after the first 65.
    expect(Math.abs(recoveredAt - (healthyAgain + 14 * DAY))).toBeLessThan(60_000);
    expect(recoveredAt - executionStart).toBeGreaterThan(24 * DAY - 60_000);
    expect(result.history.map((e) => e.event)).toEqual(expect.arrayContaining(['issue identified', 'action added', 'action already in the plan', 'plan ready', 'execution started', 'follow-up', 'recovered']));
    expect(result.history.find((e) => e.event === 'issue identified')!.detail).toBe('service_quality: complaint or project trouble (recent-complaint)');

    const tasks = await tasksOf(handle.workflowId);
    // Response team: one task per role, the right people, due within days of the start.
    expect(tasks['team-account-lead']).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead, dueOn: isoDate(startMs + 2 * DAY) });
    expect(tasks['team-partner']).toMatchObject({ ownerRole: 'partner', ownerPersonId: kit.people.sponsor, dueOn: isoDate(startMs + 2 * DAY) });
    expect(tasks['team-specialist']).toMatchObject({ ownerRole: 'specialist', ownerPersonId: specialistId, dueOn: isoDate(startMs + 3 * DAY) });
    expect(tasks['team-specialist'].description).toContain('delivery-quality specialist');
    expect(tasks['diagnostic-conversation']).toMatchObject({ ownerRole: 'account_lead', dueOn: isoDate(startMs + 7 * DAY) });
    expect(tasks['diagnostic-conversation'].description).toContain('Issue: service quality');
    expect(tasks['diagnostic-conversation/late']).toBeUndefined(); // done in time: no escalation
    // One task per action, the first title wins, due from the moment it was added.
    const actionKeys = Object.keys(tasks).filter((k) => k.startsWith('action/'));
    expect(actionKeys.sort()).toEqual(['action/exec-call', 'action/fix-plan']);
    const addedAt = at(result, 'action added');
    expect(tasks['action/fix-plan']).toMatchObject({ title: 'Fix plan for the reporting errors, with a named owner', ownerRole: 'delivery_lead', dueOn: isoDate(addedAt + 10 * DAY) });
    expect(tasks['action/exec-call']).toMatchObject({ ownerRole: 'executive_sponsor', ownerPersonId: kit.people.sponsor });
    // Weekly follow-ups on days 7, 14 and 21 of execution, each due two days later.
    const followUps = Object.keys(tasks).filter((k) => k.startsWith('follow-up/')).sort();
    expect(followUps).toEqual(['follow-up/1', 'follow-up/2', 'follow-up/3']);
    followUps.forEach((key, i) => {
      expect(tasks[key]).toMatchObject({ ownerRole: 'account_lead', title: `Weekly recovery follow-up ${i + 1} for Globex`, dueOn: isoDate(executionStart + (7 * (i + 1) + 2) * DAY) });
    });
    expect(Object.values(tasks).filter((t) => t.status === 'open')).toEqual([]); // closing closes the rest
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId });
    expect(instance).toMatchObject({ play: 'recovery', status: 'completed', outcome: 'recovered', attention: 'elevated' });
    expect(instance.closedAt).not.toBeNull();
  });

  it('fails at the horizon: late diagnostic escalated to the executive sponsor, plan via its task, no sustained health, executive escalation left open', async () => {
    const { handle, result, startMs } = await kit.withWorker('recovery-failed', async () => {
      const startMs = await kit.env.currentTimeMs();
      const h = await start('failed', 'recovery-failed', { signals: 'competitor-mentioned,spend-declining', signalCategories: 'competitive,financial', score: 31 });
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'diagnostic-conversation');
      expect((await h.query(recoveryQuery)).issue.category).toBe('competitive_threat');
      await kit.env.sleep(8 * DAY); // the diagnostic was due on day 7
      const late = await eventually(() => kit.tasks({ sourceRef: { $like: `${h.workflowId}/diagnostic-conversation/late` } }), (t) => t.length === 1);
      expect(late[0]).toMatchObject({ ownerRole: 'executive_sponsor', ownerPersonId: kit.people.sponsor, status: 'open', title: 'Overdue: Diagnostic conversation with the client: what went wrong, in their words' });
      await completeStep(kit.orm, h, 'diagnostic-conversation');
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'recovery-plan');
      await completeStep(kit.orm, h, 'recovery-plan'); // completing the plan task through the API also starts execution
      await eventually(() => h.query(recoveryQuery), (v) => v.phase === 'execution');
      await h.signal(healthChangedSignal, health(62));
      await kit.env.sleep(5 * DAY);
      await h.signal(healthChangedSignal, health(48)); // the stretch did not hold
      return { handle: h, result: await h.result(), startMs }; // time skips to the horizon
    });

    expect(result).toMatchObject({ status: 'failed', outcome: 'not_recovered' });
    const failedAt = at(result, 'horizon passed');
    expect(failedAt - startMs).toBeGreaterThanOrEqual(120 * DAY);
    expect(failedAt - startMs).toBeLessThan(120 * DAY + 60_000);
    const executionStart = at(result, 'execution started');
    const tasks = await tasksOf(handle.workflowId);
    const followUps = Object.keys(tasks).filter((k) => k.startsWith('follow-up/'));
    expect(followUps).toHaveLength(Math.ceil((failedAt - executionStart) / (7 * DAY)) - 1); // every week of execution, none at the horizon itself
    expect(followUps.length).toBeGreaterThanOrEqual(15);
    expect(tasks['team-specialist'].description).toContain('value-proving engagement');
    // The executive escalation is created after closing, so it stays open for the sponsor.
    expect(tasks['executive-escalation']).toMatchObject({ ownerRole: 'executive_sponsor', ownerPersonId: kit.people.sponsor, status: 'open', title: 'Recovery plan failed for Globex: executive escalation', dueOn: isoDate(failedAt + 2 * DAY) });
    expect(tasks['executive-escalation'].description).toContain('competitive threat');
    expect(Object.entries(tasks).filter(([k, t]) => t.status === 'open' && k !== 'executive-escalation')).toEqual([]);
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId });
    expect(instance).toMatchObject({ play: 'recovery', status: 'failed', outcome: 'not_recovered' });
  });

  it('fails at the horizon when no plan is ever made', async () => {
    const result = await kit.withWorker('recovery-no-plan', async () => {
      const h = await start('no-plan', 'recovery-no-plan');
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'diagnostic-conversation');
      return h.result();
    });
    expect(result).toMatchObject({ status: 'failed', outcome: 'not_recovered' });
    expect(result.history.map((e) => e.event)).not.toContain('execution started');
    const escalation = await kit.tasks({ sourceRef: { $like: '%/recovery/no-plan/executive-escalation' } });
    expect(escalation).toHaveLength(1);
    expect(escalation[0]).toMatchObject({ status: 'open', ownerRole: 'executive_sponsor' });
  });

  it('can be cancelled in preparation and in execution: open tasks cancelled, the registry records it', async () => {
    const [early, late] = await kit.withWorker('recovery-cancelled', async () => {
      const early = await start('cancel-early', 'recovery-cancelled');
      const late = await start('cancel-late', 'recovery-cancelled', { score: 35 });
      await eventually(() => early.query(playStateQuery), (s) => s.currentStep === 'diagnostic-conversation');
      await early.signal(cancelPlaySignal, { reason: 'client asked for a pause', by: 'pat' });

      await eventually(() => late.query(playStateQuery), (s) => s.currentStep === 'diagnostic-conversation');
      await completeStep(kit.orm, late, 'diagnostic-conversation');
      await eventually(() => late.query(playStateQuery), (s) => s.currentStep === 'recovery-plan');
      await late.signal(addRecoveryActionSignal, { id: 'value-audit', title: 'Value audit', ownerRole: 'specialist', dueInDays: 14 });
      await late.signal(recoveryPlanReadySignal, { by: 'lee' });
      await eventually(() => late.query(recoveryQuery), (v) => v.phase === 'execution');
      await kit.env.sleep(8 * DAY);
      await late.signal(cancelPlaySignal, { reason: 'account merged', by: 'pat' });
      return [await early.result(), await late.result()];
    });
    expect(early).toMatchObject({ status: 'cancelled' });
    expect(late).toMatchObject({ status: 'cancelled' });
    expect(early.steps.find((s) => s.id === 'diagnostic-conversation')!.status).toBe('cancelled');
    for (const [name, reason] of [['cancel-early', 'client asked for a pause'], ['cancel-late', 'account merged']]) {
      const workflowId = `acme/${kit.accountId}/recovery/${name}`;
      const tasks = Object.values(await tasksOf(workflowId));
      expect(tasks.length).toBeGreaterThan(0);
      expect(tasks.filter((t) => t.status !== 'cancelled' && t.status !== 'done')).toEqual([]);
      const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId });
      expect(instance).toMatchObject({ status: 'cancelled', lastEvent: `cancelled: ${reason} (by pat)` });
    }
    const lateTasks = await tasksOf(`acme/${kit.accountId}/recovery/cancel-late`);
    expect(lateTasks['action/value-audit']).toMatchObject({ status: 'cancelled', ownerRole: 'specialist' });
    expect(lateTasks['follow-up/1']).toMatchObject({ status: 'cancelled' });
  });
});
