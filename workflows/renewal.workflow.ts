import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { PlayRunner } from './shared/play-runner.js';
import type { PlayInput, PlayState } from './shared/play-types.js';
import { renewalOutcomeSignal, type RenewalFollowUps, type RenewalOutcome } from './shared/renewal.contract.js';

const followUps = proxyActivities<RenewalFollowUps>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 20 } });
const DAY = 86_400_000;

/**
 * Renewal planning for one contract, started `leadDays` before it ends: value recap,
 * stakeholder re-mapping, business review, "what would make us more valuable?", proposal,
 * negotiation, decision by the end date. Health drops raise attention and involve the partner.
 * A lost renewal starts the win-back play and a churn post-mortem.
 */
export async function renewalWorkflow(input: PlayInput): Promise<PlayState> {
  const play = new PlayRunner(input);
  let outcome: { outcome: RenewalOutcome; by: string; note?: string } | undefined;
  setHandler(renewalOutcomeSignal, (decision) => {
    outcome ??= decision;
  });
  play.watchHealth();

  // Steps run until done, or until the decision arrives early (a client may renew before the plan ends).
  await Promise.race([play.runSteps(), condition(() => outcome !== undefined || play.isCancelled)]);
  if (play.isCancelled) return play.finish('cancelled');

  const endMs = input.anchorDate ? Date.parse(input.anchorDate) : Date.now();
  const graceDays = Number(input.template.parameters.decisionGraceDays ?? 30);
  if (!outcome && !(await condition(() => outcome !== undefined || play.isCancelled, Math.max(0, endMs - Date.now())))) {
    play.log('decision overdue', `no decision by the contract end ${input.anchorDate}`);
    await play.createTask('decision-overdue', `Renewal decision overdue for ${input.accountName}: the contract ended ${input.anchorDate}`, 'executive_sponsor', new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10));
    await condition(() => outcome !== undefined || play.isCancelled, graceDays * DAY);
  }
  if (play.isCancelled) return play.finish('cancelled');
  if (!outcome) return play.finish('failed', 'undecided', { keep: ['decision-overdue'] });

  play.log('outcome recorded', `${outcome.outcome} by ${outcome.by}${outcome.note ? `: ${outcome.note}` : ''}`);
  if (outcome.outcome === 'lost') {
    await play.createTask('churn-post-mortem', `Churn post-mortem for ${input.accountName}: root cause of the lost renewal`, 'account_lead', new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10));
    await followUps.requestPlay({
      tenantId: input.tenantId, accountId: input.accountId, play: 'win_back', reason: `renewal lost (${outcome.note ?? 'no note'})`,
      idempotencyKey: `${play.workflowId}/win-back`, payload: { contractId: input.context.contractId ?? null, lostOn: new Date(Date.now()).toISOString().slice(0, 10) },
    });
  }
  // The post-mortem outlives the play.
  return play.finish('completed', outcome.outcome, { keep: outcome.outcome === 'lost' ? ['churn-post-mortem'] : [] });
}
