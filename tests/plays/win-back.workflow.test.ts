import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/account.entity.js';
import { createWinBackActivities } from '../../src/activities/win-back.activities.js';
import { CHURN_REASONS } from '../../src/domain/vocabulary.js';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { cancelPlaySignal, playStateQuery, taskCompletedSignal } from '../../workflows/shared/play-signals.js';
import type { PlayState } from '../../workflows/shared/play-types.js';
import {
  churnReasonOf,
  clientReengagedSignal,
  improvementProposalFor,
  newContractSignal,
  WIN_BACK_CHURN_REASONS,
  WIN_BACK_DEFAULTS,
  WIN_BACK_PROPOSALS,
  winBackParameters,
  winBackQuery,
} from '../../workflows/shared/win-back.contract.js';
import { winBackWorkflow } from '../../workflows/win-back.workflow.js';
import { eventually, openPlayKit, type PlayKit } from './play-test-kit.js';
import { withWinBackWorker } from './win-back-kit.js';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const SEQUENCE = ['new-arrangement-check-in', 'share-insight', 'offer-options', 'improvement-proposal', 'easy-return'];

type Handle = { query: (q: typeof playStateQuery) => Promise<PlayState>; signal: (s: typeof taskCompletedSignal, a: { stepId: string; taskId: string; by: string }) => Promise<void> };
/** Waits until `stepId` is the open step, then completes its task (as the API does). */
async function completeStep(orm: PlayKit['orm'], handle: Handle, stepId: string): Promise<PlayState> {
  const state = await eventually(() => handle.query(playStateQuery), (s) => s.currentStep === stepId && s.steps.some((st) => st.id === stepId && st.status === 'open' && st.taskId));
  const step = state.steps.find((s) => s.id === stepId && s.status === 'open');
  if (!step) throw new Error(`step ${stepId} is not open: ${JSON.stringify(state.steps)}`);
  await orm.em.fork().nativeUpdate(Task, { id: step.taskId! }, { status: 'done', completedAt: new Date() }); // as the API does, then it signals
  await handle.signal(taskCompletedSignal, { stepId, taskId: step.taskId!, by: 'lee' });
  return state;
}

describe('win-back wording (pure)', () => {
  it('knows every churn reason of the vocabulary, and its proposal names the reason', () => {
    expect([...WIN_BACK_CHURN_REASONS].sort()).toEqual([...CHURN_REASONS].sort());
    for (const reason of CHURN_REASONS) {
      const proposal = improvementProposalFor(reason, 'Return with an improvement proposal');
      expect(proposal.title).toContain(WIN_BACK_PROPOSALS[reason].reason);
      expect(proposal.description).toContain(`churn reason: ${reason}`);
      expect(proposal.description).toContain(WIN_BACK_PROPOSALS[reason].proposal);
    }
  });

  it('treats an unknown or missing churn reason as other', () => {
    expect(churnReasonOf('competitor_better_value')).toBe('competitor_better_value');
    expect(churnReasonOf('moved to the moon')).toBe('other');
    expect(churnReasonOf(null)).toBe('other');
  });
});

describe('win-back play (real time-skipping server, real activities)', () => {
  let kit: PlayKit;
  beforeAll(async () => {
    kit = await openPlayKit();
    const em = kit.orm.em.fork();
    const account = await em.findOneOrFail(Account, { id: kit.accountId });
    Object.assign(account, { status: 'churned', churnedAt: '2026-01-01', churnReason: 'competitor_better_value' });
    await em.flush();
  });
  afterAll(async () => kit?.close());

  const start = (id: string, taskQueue: string, context: Record<string, string | null>) =>
    kit.env.client.workflow.start(winBackWorkflow, {
      taskQueue,
      workflowId: `acme/${kit.accountId}/win_back/${id}`,
      args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template: kit.template('win_back'), context, reason: 'account churned' }],
    });
  const tasksOf = async (workflowId: string): Promise<Record<string, Task>> =>
    Object.fromEntries((await kit.tasks({ sourceRef: { $like: `${workflowId}/%` } })).map((t) => [t.sourceRef!.slice(workflowId.length + 1), t]));

  it('the default template carries the documented parameters', () => {
    expect(winBackParameters(kit.template('win_back').parameters)).toEqual(WIN_BACK_DEFAULTS);
    expect(WIN_BACK_DEFAULTS).toMatchObject({ waitDays: 120, contractWaitDays: 90 });
  });

  it('no response: exit interview (late, escalated), root cause, 4 months of waiting, then the whole sequence paced by its due dates', async () => {
    const { handle, result, startMs, dues } = await withWinBackWorker(kit, 'win-back-silent', async () => {
      const startMs = await kit.env.currentTimeMs();
      const lostOn = isoDate(startMs);
      const h = await start('silent', 'win-back-silent', { churnReason: 'competitor_better_value', lostOn });
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'exit-interview');
      await kit.env.sleep(22 * DAY); // due on day 14, escalated after 7 more
      await eventually(() => kit.tasks({ sourceRef: { $like: `${h.workflowId}/exit-interview/late` } }), (t) => t.length === 1);
      await completeStep(kit.orm, h, 'exit-interview');
      await completeStep(kit.orm, h, 'root-cause-analysis');
      const waiting = await eventually(() => h.query(winBackQuery), (v) => v.phase === 'waiting');
      expect(waiting).toMatchObject({ churnReason: 'competitor_better_value', lostOn, waitUntil: isoDate(Date.parse(lostOn) + 120 * DAY) });
      expect((await h.query(playStateQuery)).currentStep).toBeUndefined();
      // Nothing happens while waiting: no sequence task before the wait ends.
      await kit.env.sleep(Date.parse(lostOn) + 110 * DAY - (await kit.env.currentTimeMs()));
      expect(Object.keys(await tasksOf(h.workflowId)).filter((k) => SEQUENCE.includes(k))).toEqual([]);
      await kit.env.sleep(Date.parse(lostOn) + 120 * DAY - (await kit.env.currentTimeMs()) + 1000);
      // People do each step on its due date.
      const dues: string[] = [];
      for (const step of SEQUENCE) {
        const state = await eventually(() => h.query(playStateQuery), (s) => s.currentStep === step);
        const due = state.steps.find((s) => s.id === step)!.dueOn!;
        dues.push(due);
        const wait = Date.parse(due) - (await kit.env.currentTimeMs());
        if (wait > 0) await kit.env.sleep(wait + 1000);
        await completeStep(kit.orm, h, step);
      }
      return { handle: h, result: await h.result(), startMs, dues };
    });

    expect(result).toMatchObject({ play: 'win_back', status: 'completed', outcome: 'no_response' });
    const closedAt = Date.parse(result.history.at(-1)!.at);
    expect(closedAt - startMs).toBeGreaterThanOrEqual((120 + 30 + 14 + 30 + 14) * DAY - DAY); // ~4 months + the sequence
    // Spaced by afterPreviousDays (0, 30, 14, 30, 14) from the end of the wait.
    const gaps = dues.slice(1).map((d, i) => (Date.parse(d) - Date.parse(dues[i])) / DAY);
    expect(gaps).toEqual([30, 14, 30, 14]);
    expect(dues[0]).toBe(isoDate(startMs + 120 * DAY));

    const tasks = await tasksOf(handle.workflowId);
    expect(tasks['exit-interview']).toMatchObject({ ownerRole: 'partner', ownerPersonId: kit.people.sponsor, dueOn: isoDate(startMs + 14 * DAY), status: 'done' });
    expect(tasks['exit-interview/late']).toMatchObject({ ownerRole: 'executive_sponsor', title: 'Overdue: Exit interview: why they left, in their words' });
    expect(tasks['root-cause-analysis']).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead, status: 'done' });
    expect(tasks['new-arrangement-check-in']).toMatchObject({ ownerRole: 'account_lead', title: 'Check in: "how is the new arrangement working?"' });
    expect(tasks['share-insight']).toMatchObject({ title: 'Share a relevant insight, with no pitch' });
    // The proposal names why they left.
    expect(tasks['improvement-proposal']).toMatchObject({ ownerRole: 'partner', title: 'Return with an improvement proposal addressing why they left: a competitor offered better value' });
    expect(tasks['improvement-proposal'].description).toContain('churn reason: competitor_better_value');
    expect(tasks['improvement-proposal'].description).toContain('sharper scope and price');
    expect(result.steps.find((s) => s.id === 'improvement-proposal')!.title).toBe(tasks['improvement-proposal'].title);
    expect(tasks['easy-return']).toMatchObject({ ownerRole: 'partner', title: 'Make coming back easy: flexible terms, reduced risk' });
    expect(tasks['re-engagement']).toBeUndefined();
    expect(Object.values(tasks).filter((t) => t.status === 'open')).toEqual([]); // closing closes what was left open (the late exit-interview task)
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId });
    expect(instance).toMatchObject({ play: 'win_back', status: 'completed', outcome: 'no_response' });
  });

  it('re-engaged while waiting, then a new contract: the account is won back', async () => {
    const { handle, result } = await withWinBackWorker(kit, 'win-back-won', async () => {
      const h = await start('won', 'win-back-won', { churnReason: 'taken_for_granted', lostOn: null });
      await completeStep(kit.orm, h, 'exit-interview');
      await completeStep(kit.orm, h, 'root-cause-analysis');
      await eventually(() => h.query(winBackQuery), (v) => v.phase === 'waiting');
      await kit.env.sleep(30 * DAY);
      await h.signal(clientReengagedSignal, { by: 'pat', note: 'their COO called: the new firm is not working out' });
      const view = await eventually(() => h.query(winBackQuery), (v) => v.phase === 're_engaged');
      expect(view.reengaged).toMatchObject({ by: 'pat' });
      const planReturn = await eventually(() => kit.tasks({ sourceRef: `${h.workflowId}/re-engagement` }), (t) => t.length === 1);
      expect(planReturn[0]).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead, status: 'open', title: 'Re-engagement: plan the return of Globex' });
      expect(planReturn[0].description).toContain('they felt taken for granted');
      expect((await kit.orm.em.fork().findOneOrFail(Account, { id: kit.accountId })).status).toBe('churned');
      await kit.env.sleep(20 * DAY);
      await h.signal(newContractSignal, { contractId: 'contract-2027', by: 'pat' });
      return { handle: h, result: await h.result() };
    });

    expect(result).toMatchObject({ status: 'completed', outcome: 'won_back' });
    expect(result.history.map((e) => e.event)).toEqual(expect.arrayContaining(['client re-engaged', 'new contract', 'won back']));
    const account = await kit.orm.em.fork().findOneOrFail(Account, { id: kit.accountId });
    expect(account).toMatchObject({ status: 'won_back', churnReason: 'competitor_better_value' }); // the churn history stays
    const tasks = await tasksOf(handle.workflowId);
    expect(tasks['re-engagement'].status).toBe('done');
    expect(Object.keys(tasks).filter((k) => SEQUENCE.includes(k))).toEqual([]); // interrupted before the sequence
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId });
    expect(instance).toMatchObject({ play: 'win_back', status: 'completed', outcome: 'won_back' });
    // Idempotent: a retried activity changes nothing.
    await createWinBackActivities(kit.orm).markAccountWonBack({ tenantId: 'acme', accountId: kit.accountId, contractId: 'contract-2027' });
    expect((await kit.orm.em.fork().findOneOrFail(Account, { id: kit.accountId })).status).toBe('won_back');
    await expect(createWinBackActivities(kit.orm).markAccountWonBack({ tenantId: 'acme', accountId: '00000000-0000-4000-8000-000000000000', contractId: 'x' })).rejects.toThrow(/not found/);
  });

  it('re-engaged in the middle of a step: the step is superseded (no late escalation), no contract follows', async () => {
    const { handle, result } = await withWinBackWorker(kit, 'win-back-no-contract', async () => {
      const h = await start('no-contract', 'win-back-no-contract', { churnReason: 'budget_cuts_or_restructuring', lostOn: null });
      await completeStep(kit.orm, h, 'exit-interview');
      await completeStep(kit.orm, h, 'root-cause-analysis');
      await eventually(() => h.query(winBackQuery), (v) => v.phase === 'waiting');
      await kit.env.sleep(121 * DAY);
      await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'new-arrangement-check-in');
      await h.signal(clientReengagedSignal, { by: 'lee' });
      await eventually(() => h.query(winBackQuery), (v) => v.phase === 're_engaged');
      return { handle: h, result: await h.result() }; // skips the 90 days of waiting for a contract
    });

    expect(result).toMatchObject({ status: 'completed', outcome: 're_engaged_no_contract' });
    expect(result.steps.find((s) => s.id === 'new-arrangement-check-in')).toMatchObject({ status: 'cancelled' });
    expect(result.history.map((e) => e.event)).toEqual(expect.arrayContaining(['step superseded', 'no contract']));
    const tasks = await tasksOf(handle.workflowId);
    expect(tasks['new-arrangement-check-in'].status).toBe('cancelled');
    expect(tasks['new-arrangement-check-in/late']).toBeUndefined(); // its escalation (14 days) would have fired during the 90 days
    expect(tasks['share-insight']).toBeUndefined();
    expect(tasks['re-engagement'].description).toContain('budget cuts or restructuring');
    expect((await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId })).outcome).toBe('re_engaged_no_contract');
  });

  it('can be cancelled while waiting', async () => {
    const { handle, result } = await withWinBackWorker(kit, 'win-back-cancelled', async () => {
      const h = await start('cancelled', 'win-back-cancelled', { churnReason: 'key_contact_left', lostOn: null });
      await completeStep(kit.orm, h, 'exit-interview');
      await completeStep(kit.orm, h, 'root-cause-analysis');
      await eventually(() => h.query(winBackQuery), (v) => v.phase === 'waiting');
      await kit.env.sleep(40 * DAY);
      await h.signal(cancelPlaySignal, { reason: 'client asked us not to follow up', by: 'pat' });
      return { handle: h, result: await h.result() };
    });
    expect(result).toMatchObject({ status: 'cancelled' });
    const tasks = await tasksOf(handle.workflowId);
    expect(tasks['exit-interview'].status).toBe('done');
    expect(tasks['root-cause-analysis'].status).toBe('done');
    expect(tasks['exit-interview/late']).toBeUndefined();
    expect(Object.keys(tasks).filter((k) => SEQUENCE.includes(k))).toEqual([]);
    expect(Object.values(tasks).filter((t) => t.status === 'open')).toEqual([]);
    expect(result.history.at(-1)).toMatchObject({ event: 'cancelled', detail: 'client asked us not to follow up' });
    expect(await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: handle.workflowId })).toMatchObject({ status: 'cancelled', lastEvent: 'cancelled: client asked us not to follow up (by pat)' });
  });
});
