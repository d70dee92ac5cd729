import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayCommand } from '../../src/escalations/play-command.entity.js';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { renewalWorkflow } from '../../workflows/renewal.workflow.js';
import { healthChangedSignal, playStateQuery } from '../../workflows/shared/play-signals.js';
import { renewalOutcomeSignal } from '../../workflows/shared/renewal.contract.js';
import { completeOpenStep, eventually, openPlayKit, type PlayKit } from './play-test-kit.js';

const DAY = 86_400_000;

describe('renewal planning play (real time-skipping server, real activities)', () => {
  let kit: PlayKit;
  beforeAll(async () => {
    kit = await openPlayKit();
  });
  afterAll(async () => kit?.close());

  const start = async (id: string, taskQueue: string, endInDays = 180) => {
    const now = await kit.env.currentTimeMs();
    return kit.env.client.workflow.start(renewalWorkflow, {
      taskQueue,
      workflowId: `acme/${kit.accountId}/renewal/${id}`,
      args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template: kit.template('renewal'), anchorDate: new Date(now + endInDays * DAY).toISOString().slice(0, 10), context: { contractId: id }, reason: 'contract ends in 180 days' }],
    });
  };

  it('runs the whole 180-day course in seconds: milestones for the right roles, a late one escalated, health raises attention, renewed', async () => {
    const handle = await kit.withWorker('renewal-happy', async () => {
      const h = await start('c-happy', 'renewal-happy');
      const steps: string[] = [];
      steps.push(await eventually(() => completeOpenStep(h, 'value-recap').catch(() => ''), (s) => s !== ''));
      steps.push(await eventually(() => completeOpenStep(h, 'stakeholder-remapping').catch(() => ''), (s) => s !== ''));
      // The business review is left undone: 90 days before the end + 7 days grace it is escalated to the partner.
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'business-review');
      await kit.env.sleep(100 * DAY);
      const late = await eventually(() => kit.tasks({ title: 'Overdue: Hold the renewal business review' }), (t) => t.length === 1);
      expect(late[0]).toMatchObject({ ownerRole: 'partner', source: 'play', status: 'open' });
      // Health drops: attention rises and the partner is involved (once per threshold).
      await h.signal(healthChangedSignal, { score: 55, band: 'intervention', tier: 2, at: new Date().toISOString(), signals: [] });
      await h.signal(healthChangedSignal, { score: 52, band: 'intervention', tier: 2, at: new Date().toISOString(), signals: [] });
      await eventually(() => h.query(playStateQuery), (s) => s.attention === 'elevated');
      steps.push(await completeOpenStep(h, 'business-review'));
      steps.push(await eventually(() => completeOpenStep(h, 'more-valuable-conversation').catch(() => ''), (s) => s !== ''));
      steps.push(await eventually(() => completeOpenStep(h, 'proposal').catch(() => ''), (s) => s !== ''));
      steps.push(await eventually(() => completeOpenStep(h, 'negotiation').catch(() => ''), (s) => s !== ''));
      expect(steps).toEqual(['value-recap', 'stakeholder-remapping', 'business-review', 'more-valuable-conversation', 'proposal', 'negotiation']);
      await h.signal(renewalOutcomeSignal, { outcome: 'renewed', by: 'pat', note: 'two more years' });
      const result = await h.result();
      expect(result).toMatchObject({ status: 'completed', outcome: 'renewed', attention: 'elevated' });
      return h;
    });
    const tasks = await kit.tasks({ sourceRef: { $like: `${handle.workflowId}/%` } });
    const byStep = Object.fromEntries(tasks.map((t) => [t.sourceRef!.slice(handle.workflowId.length + 1), t]));
    expect(byStep['value-recap']).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead });
    expect(byStep['business-review']).toMatchObject({ ownerRole: 'executive_sponsor', ownerPersonId: kit.people.sponsor });
    expect(byStep['attention-elevated']).toMatchObject({ ownerRole: 'partner', title: 'Renewal at risk: partner to join the renewal plan' });
    expect(tasks.filter((t) => t.sourceRef!.endsWith('attention-elevated'))).toHaveLength(1);
    expect(byStep.decision).toMatchObject({ ownerRole: 'partner' });
    // Closing the play closes its remaining open tasks; the registry records the outcome.
    expect(tasks.filter((t) => t.status === 'open')).toEqual([]);
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId });
    expect(instance).toMatchObject({ play: 'renewal', status: 'completed', outcome: 'renewed', attention: 'elevated' });
  });

  it('a lost renewal starts a win-back (play command) and a churn post-mortem task', async () => {
    const result = await kit.withWorker('renewal-lost', async () => {
      const h = await start('c-lost', 'renewal-lost', 120);
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep !== undefined);
      await h.signal(renewalOutcomeSignal, { outcome: 'lost', by: 'pat', note: 'went with a competitor' });
      return h.result();
    });
    expect(result).toMatchObject({ status: 'completed', outcome: 'lost' });
    const postMortem = await kit.tasks({ sourceRef: { $like: '%c-lost/churn-post-mortem' } });
    expect(postMortem[0]).toMatchObject({ ownerRole: 'account_lead', title: 'Churn post-mortem for Globex: root cause of the lost renewal', status: 'open' });
    const commands = await kit.orm.em.fork().find(PlayCommand, { tenantId: 'acme', play: 'win_back' });
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({ status: 'pending', reason: 'renewal lost (went with a competitor)', accountId: kit.accountId });
  });

  it('escalates a missing decision at the end date and closes as undecided after the grace period', async () => {
    const result = await kit.withWorker('renewal-undecided', async () => {
      const h = await start('c-undecided', 'renewal-undecided', 10);
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep !== undefined);
      // Every milestone is already past due: walk through them, then let the clock run out.
      for (let i = 0; i < 6; i++) await eventually(() => completeOpenStep(h).catch(() => ''), (s) => s !== '');
      return h.result(); // time skips: end date, then 30 days of grace
    });
    expect(result).toMatchObject({ status: 'failed', outcome: 'undecided' });
    expect(result.history.map((e) => e.event)).toContain('decision overdue');
    const overdue = await kit.tasks({ ownerRole: 'executive_sponsor', sourceRef: { $like: '%c-undecided/decision-overdue' } });
    expect(overdue.map((t) => t.status)).toEqual(['open']); // hand-over: it outlives the closed play
  });
});
