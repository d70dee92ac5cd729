import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { successionWorkflow } from '../../workflows/succession.workflow.js';
import { cancelPlaySignal, healthChangedSignal, playStateQuery, taskCompletedSignal } from '../../workflows/shared/play-signals.js';
import type { PlayTemplate } from '../../workflows/shared/play-types.js';
import { departureRescheduledSignal, readSuccessionParameters, successionStateQuery, successorNamedSignal } from '../../workflows/shared/succession.contract.js';
import { eventually, openPlayKit, type PlayKit } from './play-test-kit.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('succession handoff play (real time-skipping server, real activities)', () => {
  let kit: PlayKit;
  beforeAll(async () => {
    kit = await openPlayKit();
  });
  afterAll(async () => kit?.close());

  const start = (id: string, taskQueue: string, departureOn: string, context: Record<string, string | null>, template: PlayTemplate = kit.template('succession')) =>
    kit.env.client.workflow.start(successionWorkflow, {
      taskQueue,
      workflowId: `acme/${kit.accountId}/succession/${id}`,
      args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template, anchorDate: departureOn, context, reason: 'relationship owner departure recorded' }],
    });
  type Handle = Awaited<ReturnType<typeof start>>;
  const health = (score: number) => ({ score, band: score < 40 ? ('critical' as const) : ('intervention' as const), tier: 3, at: new Date().toISOString(), signals: [] });

  /** Lets server time run to the step's opening (the play sleeps until `openAheadDays` before it is due), then waits for it. */
  const untilOpen = async (h: Handle, stepId: string) => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const step = (await h.query(playStateQuery)).steps.find((s) => s.id === stepId);
      if (step?.status === 'open' && step.taskId) return step;
      const next = (await h.query(successionStateQuery)).nextStep;
      const wait = next ? Date.parse(next.opensAt) - (await kit.env.currentTimeMs()) : 0; // (an earlier step may open and be skipped first)
      if (wait > 0) await kit.env.sleep(wait + HOUR);
      else await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`step ${stepId} did not open; state: ${JSON.stringify((await h.query(playStateQuery)).steps)}`);
  };
  /** Completes one step as the API does after its task is marked done (several steps can be open: wait 'none'). */
  const complete = async (h: Handle, stepId: string) => {
    const step = await untilOpen(h, stepId);
    await h.signal(taskCompletedSignal, { stepId, taskId: step.taskId!, by: 'lee' });
    await eventually(() => h.query(playStateQuery), (s) => s.steps.find((x) => x.id === stepId)?.status === 'done');
    return step;
  };
  const tasksOf = async (workflowId: string) => {
    const tasks = await kit.tasks({ sourceRef: { $like: `${workflowId}/%` } });
    return Object.fromEntries(tasks.map((t) => [t.sourceRef!.slice(workflowId.length + 1), t]));
  };

  it('default template, retirement 3 years away: sleeps until 180 days before, then documents, names the successor (late: escalated), introduces, overlaps, tells the client, hands over and checks in at 30 and 90 days', async () => {
    const now = await kit.env.currentTimeMs();
    const departure = Date.parse(isoDate(now + 3 * 365 * DAY));
    const before = (days: number) => isoDate(departure - days * DAY);
    const handle = await kit.withWorker('succession-retirement', async () => {
      const h = await start('retirement', 'succession-retirement', isoDate(departure), { departingPersonId: kit.people.lead, departureKind: 'retirement' });
      // Waiting on a durable timer: no task for years, the plan is visible.
      const waiting = await eventually(() => h.query(successionStateQuery), (v) => v.phase === 'waiting' && v.nextStep !== undefined);
      expect(waiting).toMatchObject({ trigger: 'owner_departure', departureKind: 'retirement', departingPersonId: kit.people.lead, successorPersonId: null, departureOn: isoDate(departure), transitionStartsOn: before(180), overlapStartsOn: before(60), compressed: false });
      expect(waiting.nextStep).toEqual({ id: 'knowledge-documentation', opensAt: new Date(departure - 180 * DAY).toISOString(), dueOn: before(150) });
      expect(await kit.tasks({ sourceRef: { $like: `${h.workflowId}/%` } })).toEqual([]);
      const row = await eventually(() => kit.orm.em.fork().findOne(PlayInstance, { workflowId: h.workflowId }), (r) => r !== null);
      expect(row).toMatchObject({ play: 'succession', status: 'running', lastEvent: `step: waiting: the transition starts ${before(180)}` });
      // A health drop while waiting is noted, and applied once the transition starts.
      await h.signal(healthChangedSignal, health(55));
      expect((await h.query(playStateQuery)).attention).toBe('normal');

      // ~2.5 years pass in a moment.
      await complete(h, 'knowledge-documentation');
      const transition = await h.query(successionStateQuery);
      expect(transition.phase).toBe('transition');
      expect((await h.query(playStateQuery)).attention).toBe('elevated');

      // Naming the successor is left undone: due 140 days before, escalated 7 days later.
      await untilOpen(h, 'name-successor');
      await kit.env.sleep(departure - 133 * DAY + HOUR - (await kit.env.currentTimeMs()));
      await eventually(() => kit.tasks({ sourceRef: `${h.workflowId}/name-successor/late` }), (t) => t.length === 1);
      await h.signal(successorNamedSignal, { personId: 'person-successor', by: 'pat' });
      await eventually(() => h.query(playStateQuery), (s) => s.steps.find((x) => x.id === 'name-successor')?.status === 'done');
      expect((await h.query(successionStateQuery)).successorPersonId).toBe('person-successor');

      await complete(h, 'successor-introduction');
      await complete(h, 'sponsor-engagement'); // runs because attention is elevated
      await complete(h, 'overlap');
      await complete(h, 'tell-client');
      await complete(h, 'handoff');
      await complete(h, 'checkin-30');
      await complete(h, 'checkin-90');
      const result = await h.result();
      expect(result).toMatchObject({ status: 'completed', outcome: 'handed_over', attention: 'elevated' });
      expect(Object.fromEntries(result.steps.map((s) => [s.id, s.status]))).toMatchObject({
        'knowledge-documentation': 'done', 'name-successor': 'done', 'identify-new-champion': 'skipped', 'successor-introduction': 'done', 'meet-new-champion': 'skipped',
        'sponsor-engagement': 'done', overlap: 'done', 'tell-client': 'done', handoff: 'done', 'follow-champion': 'skipped', 'checkin-30': 'done', 'checkin-90': 'done',
      });
      expect(result.steps.find((s) => s.id === 'name-successor')?.escalated).toBe(true);
      // Each task was created openAheadDays (30) before it was due (workflow time), not years ahead.
      const opened = Object.fromEntries(result.history.filter((e) => e.event === 'step opened').map((e) => [e.detail!.split(' ')[0], Date.parse(e.at)]));
      expect(opened['knowledge-documentation']).toBeGreaterThanOrEqual(departure - 180 * DAY);
      expect(opened.overlap).toBeGreaterThanOrEqual(departure - 90 * DAY);
      expect(opened['checkin-90']).toBeGreaterThanOrEqual(departure + 60 * DAY);
      return h;
    });

    const byStep = await tasksOf(handle.workflowId);
    expect(Object.keys(byStep).sort()).toEqual(['attention-elevated', 'checkin-30', 'checkin-90', 'handoff', 'knowledge-documentation', 'name-successor', 'name-successor/late', 'overlap', 'sponsor-engagement', 'successor-introduction', 'tell-client']);
    expect(byStep['knowledge-documentation']).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead, dueOn: before(150) });
    expect(byStep['knowledge-documentation'].description).toContain(`Succession: the relationship owner's retirement on ${isoDate(departure)}.`);
    expect(byStep['attention-elevated']).toMatchObject({ ownerRole: 'partner', title: 'Succession at risk: partner to support the transition' });
    expect(byStep['name-successor']).toMatchObject({ ownerRole: 'partner', dueOn: before(140), status: 'done' }); // closed by successorNamed
    expect(byStep['name-successor/late']).toMatchObject({ ownerRole: 'executive_sponsor', title: 'Overdue: Name the successor relationship owner' });
    expect(byStep['successor-introduction']).toMatchObject({ ownerRole: 'account_lead', dueOn: before(120) });
    expect(byStep['sponsor-engagement']).toMatchObject({ ownerRole: 'executive_sponsor', ownerPersonId: kit.people.sponsor, dueOn: before(100) });
    expect(byStep.overlap).toMatchObject({ ownerRole: 'account_lead', dueOn: before(60) });
    expect(byStep.overlap.description).toContain(`Overlap from ${before(60)} until the handoff on ${isoDate(departure)}.`);
    expect(byStep['tell-client']).toMatchObject({ ownerRole: 'executive_sponsor', dueOn: before(30) });
    expect(byStep.handoff).toMatchObject({ ownerRole: 'account_lead', dueOn: before(0) });
    expect(byStep['checkin-30']).toMatchObject({ ownerRole: 'executive_sponsor', dueOn: before(-30) });
    expect(byStep['checkin-90']).toMatchObject({ ownerRole: 'executive_sponsor', dueOn: before(-90) });
    expect(Object.values(byStep).filter((t) => t.status === 'open')).toEqual([]);
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId });
    expect(instance).toMatchObject({ play: 'succession', status: 'completed', outcome: 'handed_over', attention: 'elevated' });
  });

  it('legal-style plugin template (3-year lead, 1-year overlap): the departure moves while waiting and again during the transition; the known successor is not asked for', async () => {
    const base = kit.template('succession');
    const legal: PlayTemplate = {
      ...base,
      id: 'succession-legal',
      parameters: { ...base.parameters, leadDays: 1095, overlapDays: 365, openAheadDays: 60 },
      steps: base.steps.map((s) => ({ ...s, due: { 'knowledge-documentation': { beforeAnchorDays: 1000 }, 'name-successor': { beforeAnchorDays: 900 }, 'successor-introduction': { beforeAnchorDays: 700 }, 'sponsor-engagement': { beforeAnchorDays: 600 }, 'tell-client': { beforeAnchorDays: 180 } }[s.id] ?? s.due })),
    };
    expect(readSuccessionParameters(legal).problems).toEqual([]);
    const now = await kit.env.currentTimeMs();
    const first = Date.parse(isoDate(now + 5 * 365 * DAY));
    const departure = Date.parse(isoDate(now + 4 * 365 * DAY)); // the partner retires a year earlier than planned
    const later = departure + 90 * DAY; // ...then 90 days later after all
    const handle = await kit.withWorker('succession-legal', async () => {
      const h = await start('legal', 'succession-legal', isoDate(first), { departingPersonId: kit.people.sponsor, departureKind: 'retirement', successorPersonId: 'person-successor' }, legal);
      await eventually(() => h.query(successionStateQuery), (v) => v.transitionStartsOn === isoDate(first - 1095 * DAY));
      await h.signal(departureRescheduledSignal, { anchorDate: isoDate(departure), by: 'pat', reason: 'earlier retirement' });
      const moved = await eventually(() => h.query(successionStateQuery), (v) => v.departureOn === isoDate(departure));
      expect(moved).toMatchObject({ phase: 'waiting', transitionStartsOn: isoDate(departure - 1095 * DAY), overlapStartsOn: isoDate(departure - 365 * DAY) });

      const documented = await complete(h, 'knowledge-documentation');
      expect(documented.dueOn).toBe(isoDate(departure - 1000 * DAY));
      // Postponed during the transition: the steps not yet opened move with it.
      await h.signal(departureRescheduledSignal, { anchorDate: isoDate(later), by: 'pat', reason: 'stays for the merger' });
      await eventually(() => h.query(successionStateQuery), (v) => v.departureOn === isoDate(later) && v.nextStep?.id === 'successor-introduction');
      for (const step of ['successor-introduction', 'overlap', 'tell-client', 'handoff', 'checkin-30', 'checkin-90']) await complete(h, step);
      const result = await h.result();
      expect(result).toMatchObject({ status: 'completed', outcome: 'handed_over', attention: 'normal' });
      expect(result.steps.find((s) => s.id === 'name-successor')?.status).toBe('skipped');
      expect(result.steps.find((s) => s.id === 'sponsor-engagement')?.status).toBe('skipped');
      expect(result.history.filter((e) => e.event === 'departure rescheduled').map((e) => e.detail)).toEqual([
        `to ${isoDate(departure)} by pat: earlier retirement`, `to ${isoDate(later)} by pat: stays for the merger`,
      ]);
      return h;
    });
    const byStep = await tasksOf(handle.workflowId);
    expect(Object.keys(byStep).sort()).toEqual(['checkin-30', 'checkin-90', 'handoff', 'knowledge-documentation', 'overlap', 'successor-introduction', 'tell-client']);
    expect(byStep['knowledge-documentation']).toMatchObject({ ownerRole: 'account_lead', dueOn: isoDate(departure - 1000 * DAY) });
    expect(byStep['successor-introduction'].dueOn).toBe(isoDate(later - 700 * DAY));
    expect(byStep.overlap.dueOn).toBe(isoDate(later - 365 * DAY));
    expect(byStep['tell-client'].dueOn).toBe(isoDate(later - 180 * DAY));
    expect(byStep.handoff.dueOn).toBe(isoDate(later));
    expect(byStep['checkin-90'].dueOn).toBe(isoDate(later + 90 * DAY));
  });

  it("the client's champion departs on short notice: compressed plan, champion steps only, a late step escalated, critical health involves the executive sponsor, handed over", async () => {
    const now = await kit.env.currentTimeMs();
    const departure = Date.parse(isoDate(now + 21 * DAY));
    const { handle, result } = await kit.withWorker('succession-champion', async () => {
      const h = await start('champion', 'succession-champion', isoDate(departure), { trigger: 'champion_departed', departingPersonId: 'client-contact-1' });
      const view = await eventually(() => h.query(successionStateQuery), (v) => v.phase === 'transition');
      expect(view).toMatchObject({ trigger: 'champion_departed', compressed: true });
      const startedAt = (await h.describe()).startTime.getTime();
      const compressed = (beforeDays: number) => isoDate(startedAt + ((180 - beforeDays) / 180) * (departure - startedAt));

      const documented = await complete(h, 'knowledge-documentation');
      expect(documented.dueOn).toBe(compressed(150));
      // Identifying the new champion is late: escalated to the partner 7 days after it was due.
      const identify = await untilOpen(h, 'identify-new-champion');
      expect(identify.dueOn).toBe(compressed(140));
      await kit.env.sleep(Date.parse(identify.dueOn!) + 8 * DAY - (await kit.env.currentTimeMs()));
      await eventually(() => kit.tasks({ sourceRef: `${h.workflowId}/identify-new-champion/late` }), (t) => t.length === 1);
      await h.signal(healthChangedSignal, health(35));
      await eventually(() => h.query(playStateQuery), (s) => s.attention === 'critical');
      await complete(h, 'identify-new-champion');
      await complete(h, 'meet-new-champion');
      await complete(h, 'sponsor-engagement');
      await untilOpen(h, 'follow-champion'); // created, not waited for
      await complete(h, 'checkin-30');
      await complete(h, 'checkin-90');
      return { handle: h, result: await h.result() };
    });
    expect(result).toMatchObject({ status: 'completed', outcome: 'handed_over', attention: 'critical' });
    for (const id of ['name-successor', 'successor-introduction', 'overlap', 'tell-client', 'handoff']) expect(result.steps.find((s) => s.id === id)?.status).toBe('skipped');
    const byStep = await tasksOf(handle.workflowId);
    expect(Object.keys(byStep).sort()).toEqual(['attention-critical', 'checkin-30', 'checkin-90', 'follow-champion', 'identify-new-champion', 'identify-new-champion/late', 'knowledge-documentation', 'meet-new-champion', 'sponsor-engagement']);
    expect(byStep['identify-new-champion/late']).toMatchObject({ ownerRole: 'partner', title: "Overdue: Identify the client's new champion and re-map the stakeholders" });
    expect(byStep['attention-critical']).toMatchObject({ ownerRole: 'executive_sponsor', title: "Succession critical: executive sponsor to meet the client's leadership" });
    expect(byStep['knowledge-documentation'].description).toContain(`The client's champion departs on ${isoDate(departure)}.`);
    // Before-departure steps all fall before the departure, in order; the follow-ups count from it.
    const dues = ['knowledge-documentation', 'identify-new-champion', 'meet-new-champion'].map((id) => byStep[id].dueOn!);
    expect([...dues].sort()).toEqual(dues);
    expect(dues.every((d) => d <= isoDate(departure))).toBe(true);
    expect(byStep['follow-champion']).toMatchObject({ ownerRole: 'account_lead', dueOn: isoDate(departure + 14 * DAY) });
    expect(byStep['checkin-30'].dueOn).toBe(isoDate(departure + 30 * DAY));
    expect(byStep['checkin-90'].dueOn).toBe(isoDate(departure + 90 * DAY));
    expect(Object.values(byStep).filter((t) => t.status === 'open')).toEqual([]);
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId });
    expect(instance).toMatchObject({ status: 'completed', outcome: 'handed_over', attention: 'critical' });
  });

  it('cancelled while waiting years ahead: no tasks, recorded as cancelled', async () => {
    const now = await kit.env.currentTimeMs();
    const result = await kit.withWorker('succession-cancel', async () => {
      const h = await start('cancel', 'succession-cancel', isoDate(now + 2 * 365 * DAY), { departingPersonId: kit.people.lead, departureKind: 'departure' });
      await eventually(() => h.query(successionStateQuery), (v) => v.phase === 'waiting');
      await h.signal(cancelPlaySignal, { reason: 'the partner stays after all', by: 'pat' });
      return h.result();
    });
    expect(result).toMatchObject({ status: 'cancelled' });
    const id = `acme/${kit.accountId}/succession/cancel`;
    expect(await kit.tasks({ sourceRef: { $like: `${id}/%` } })).toEqual([]);
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: id });
    expect(instance).toMatchObject({ status: 'cancelled', lastEvent: 'cancelled: the partner stays after all (by pat)' });
  });
});
