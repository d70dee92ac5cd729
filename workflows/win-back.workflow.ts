import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { playActivities, PlayRunner } from './shared/play-runner.js';
import type { PlayInput, PlayState, PlayStep } from './shared/play-types.js';
import {
  churnReasonOf,
  clientReengagedSignal,
  improvementProposalFor,
  newContractSignal,
  WIN_BACK_PROPOSALS,
  WIN_BACK_STEPS,
  winBackParameters,
  winBackQuery,
  type WinBackActivities,
  type WinBackPhase,
} from './shared/win-back.contract.js';

const winBack = proxyActivities<WinBackActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});
const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Win-back for a churned account (DOMAIN.md section 8): never write a lost client off.
 *
 * 1. Exit interview and root-cause analysis (template steps up to `root-cause-analysis`), done
 *    before waiting;
 * 2. wait `waitDays` after the loss (`context.lostOn`, else the anchor date, else the start);
 * 3. the sequence (the remaining steps, spaced by `afterPreviousDays`): "how is the new
 *    arrangement working?", an insight with no pitch, options if they voice frustration, an
 *    improvement proposal that answers the recorded churn reason, an easy way back.
 *
 * `clientReengaged` interrupts any of that: open steps are superseded, a "plan the return" task
 * is created and the play waits `contractWaitDays` for `newContract`, which marks the account won
 * back. Outcomes: `won_back`, `re_engaged_no_contract`, `no_response` (sequence done without
 * re-engagement); `cancelPlay` cancels at any point. The play never contacts the client itself.
 */
export async function winBackWorkflow(input: PlayInput): Promise<PlayState> {
  const play = new PlayRunner(input);
  const params = winBackParameters(input.template.parameters);
  const churnReason = churnReasonOf(input.context.churnReason);
  const wording = WIN_BACK_PROPOSALS[churnReason];
  const lostOnRaw = [input.context.lostOn, input.anchorDate].find((d): d is string => typeof d === 'string' && !Number.isNaN(Date.parse(d)));
  const lostMs = lostOnRaw !== undefined ? Date.parse(lostOnRaw) : Date.now();

  let phase: WinBackPhase = 'exit';
  let waitUntil: number | undefined;
  let reengaged: { by: string; note?: string; at: string } | undefined;
  let contract: { contractId: string; by?: string } | undefined;
  let closing = false;

  setHandler(winBackQuery, () => ({
    phase,
    churnReason,
    lostOn: isoDate(lostMs),
    ...(waitUntil !== undefined ? { waitUntil: isoDate(waitUntil) } : {}),
    ...(reengaged ? { reengaged } : {}),
    ...(contract ? { contractId: contract.contractId } : {}),
  }));
  setHandler(clientReengagedSignal, ({ by, note }) => {
    if (closing || reengaged) return;
    reengaged = { by, ...(note ? { note } : {}), at: new Date().toISOString() };
    play.log('client re-engaged', `recorded by ${by}${note ? `: ${note}` : ''}`);
  });
  setHandler(newContractSignal, ({ contractId, by }) => {
    if (closing || contract || !contractId) return;
    contract = { contractId, ...(by ? { by } : {}) };
    play.log('new contract', `${contractId}${by ? ` recorded by ${by}` : ''}`);
  });
  const interrupted = () => reengaged !== undefined || contract !== undefined || play.isCancelled;

  const close = async (status: 'completed' | 'cancelled', outcome?: string): Promise<PlayState> => {
    closing = true;
    phase = 'closed';
    return play.finish(status, outcome);
  };

  play.log('churn reason', `${churnReason}: ${wording.reason}; lost on ${isoDate(lostMs)}`);

  // The improvement proposal names the reason the client left (title and description).
  const steps: PlayStep[] = input.template.steps.map((step) => {
    if (step.id !== WIN_BACK_STEPS.proposal) return step;
    const proposal = improvementProposalFor(churnReason, step.title, step.description);
    play.stepState(step.id)!.title = proposal.title;
    return { ...step, ...proposal };
  });
  const splitAt = steps.findIndex((s) => s.id === WIN_BACK_STEPS.beforeWait) + 1;

  /**
   * Runs steps one at a time until re-engagement, a contract or cancellation interrupts them.
   * An interrupted open step is superseded: marked done so the runner's waits (and its pending
   * escalation) end, then recorded as cancelled and its tasks closed.
   */
  const runUntilInterrupted = async (list: PlayStep[]): Promise<boolean> => {
    for (const step of list) {
      if (interrupted()) return false;
      const running = play.runSteps([step]);
      await Promise.race([running, condition(interrupted)]);
      if (!interrupted()) continue;
      if (play.isCancelled) return false;
      const state = play.stepState(step.id)!;
      await Promise.race([running, condition(() => state.status !== 'pending')]); // a task being created finishes first
      if (state.status === 'open') {
        state.status = 'done';
        await running;
        state.status = 'cancelled';
        delete state.completedAt;
        delete state.completedBy;
        play.log('step superseded', step.id);
        await playActivities.closePlayTasks({ tenantId: input.tenantId, workflowIdPrefix: `${play.workflowId}/${step.id}`, status: 'cancelled' });
      }
      return false;
    }
    return !interrupted();
  };

  if (await runUntilInterrupted(steps.slice(0, splitAt))) {
    phase = 'waiting';
    waitUntil = Math.max(Date.now(), lostMs + params.waitDays * DAY);
    play.log('waiting', `until ${isoDate(waitUntil)} (${params.waitDays} days after the loss)`);
    await playActivities.recordPlay({ ...play.who(), event: 'step', detail: `waiting until ${isoDate(waitUntil)} (churn reason: ${churnReason})` });
    if (!(await condition(interrupted, Math.max(1, waitUntil - Date.now())))) {
      phase = 'sequence';
      play.log('sequence started');
      await playActivities.recordPlay({ ...play.who(), event: 'step', detail: 'win-back sequence' });
      await runUntilInterrupted(steps.slice(splitAt));
    }
  }
  if (play.isCancelled) return close('cancelled');
  if (!reengaged && !contract) return close('completed', 'no_response');

  if (!contract) {
    phase = 're_engaged';
    play.state.currentStep = undefined;
    const who = reengaged!;
    await play.createTask('re-engagement', `Re-engagement: plan the return of ${input.accountName}`, 'account_lead', isoDate(Date.now() + params.returnPlanDueInDays * DAY),
      `The client got back in touch (recorded by ${who.by}${who.note ? `: ${who.note}` : ''}). They left because ${wording.reason} (churn reason: ${churnReason}): plan the return around ${wording.proposal}, with flexible terms and reduced risk.`);
    await playActivities.recordPlay({ ...play.who(), event: 'step', detail: 're-engaged' });
    await condition(() => contract !== undefined || play.isCancelled, params.contractWaitDays * DAY);
    if (play.isCancelled) return close('cancelled');
    if (!contract) {
      play.log('no contract', `none within ${params.contractWaitDays} days of re-engagement`);
      return close('completed', 're_engaged_no_contract');
    }
  }

  const signed = contract!;
  await winBack.markAccountWonBack({ tenantId: input.tenantId, accountId: input.accountId, contractId: signed.contractId });
  play.log('won back', `contract ${signed.contractId}`);
  // The return was planned and happened: its task is done, not cancelled.
  await playActivities.closePlayTasks({ tenantId: input.tenantId, workflowIdPrefix: `${play.workflowId}/re-engagement`, status: 'done' });
  return close('completed', 'won_back');
}
