import { condition, setHandler } from '@temporalio/workflow';
import { playActivities, PlayRunner } from './shared/play-runner.js';
import type { OwnerRole, PlayInput, PlayState, PlayStep } from './shared/play-types.js';
import {
  addRecoveryActionSignal,
  identifyIssue,
  RECOVERY_ISSUE_GUIDE,
  RECOVERY_STEPS,
  recoveryParameters,
  recoveryPlanReadySignal,
  recoveryQuery,
  type RecoveryAction,
  type RecoveryPhase,
  type RecoveryView,
} from './shared/recovery.contract.js';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const OWNER_ROLES: readonly OwnerRole[] = ['account_lead', 'executive_sponsor', 'partner', 'delivery_lead', 'specialist', 'program_owner', 'client_success'];

/**
 * Recovery plan for an at-risk account (DOMAIN.md section 8), started by the escalation
 * protocol (score below 40) or by a person:
 *
 * 1. identify the issue (relationship, service quality, value perception, competitive threat)
 *    from the active signals in the input context (`identifyIssue`, a pure documented mapping);
 * 2. the template's steps: assemble the response team (account lead, partner, a specialist for
 *    the issue), the diagnostic conversation within `diagnosticWithinDays` (escalated per its
 *    step when late), then the recovery plan: people add actions (`addRecoveryAction`, one task
 *    each, idempotent by action id) and say when it is ready (`recoveryPlanReady`);
 * 3. execution: a follow-up task every `followUpEveryDays` while health is watched; the plan
 *    closes as `recovered` once every health update for `sustainedDays` of execution was at or
 *    above `recoveredAbove` (workflow time); when `horizonDays` after the start pass without
 *    that, it closes as failed (`not_recovered`) and hands an executive escalation task over.
 *
 * `cancelPlay` stops it at any point. History stays small: weekly follow-ups over 120 days, and
 * health updates wake the execution loop only when they start or break a healthy stretch.
 */
export async function recoveryWorkflow(input: PlayInput): Promise<PlayState> {
  const play = new PlayRunner(input);
  const params = recoveryParameters(input.template.parameters);
  const startedAt = Date.now();
  const horizonAt = startedAt + params.horizonDays * DAY;
  const issue = identifyIssue(input.context);
  const guide = RECOVERY_ISSUE_GUIDE[issue.category];

  let phase: RecoveryPhase = 'diagnosis';
  let planReady: { by: string; note?: string } | undefined;
  let healthySince: number | undefined;
  let followUps = 0;
  let closing = false;
  const actions = new Map<string, RecoveryView['actions'][number]>();
  const pendingActions: RecoveryAction[] = [];

  setHandler(recoveryQuery, () => ({
    phase,
    issue,
    actions: [...actions.values()],
    followUps,
    ...(healthySince !== undefined ? { healthySince: new Date(healthySince).toISOString() } : {}),
    horizonOn: isoDate(horizonAt),
  }));

  setHandler(addRecoveryActionSignal, (action) => {
    const id = String(action.id ?? '').trim();
    if (closing || !id) return;
    if (actions.has(id)) {
      play.log('action already in the plan', id);
      return;
    }
    const ownerRole = OWNER_ROLES.includes(action.ownerRole) ? action.ownerRole : 'account_lead';
    const dueInDays = Number.isFinite(action.dueInDays) ? Math.max(0, Math.round(action.dueInDays)) : 7;
    actions.set(id, { id, title: action.title, ownerRole, dueOn: isoDate(Date.now() + dueInDays * DAY) });
    pendingActions.push({ ...action, id, ownerRole, dueInDays });
    play.log('action added', `${id}: ${action.title} (${ownerRole}, due in ${dueInDays} days${action.by ? `, by ${action.by}` : ''})`);
  });

  const planStep = play.stepState(RECOVERY_STEPS.plan);
  const completePlanStep = () => {
    if (!planReady || !planStep || planStep.status !== 'open') return;
    planStep.status = 'done';
    planStep.completedAt = new Date().toISOString();
    planStep.completedBy = planReady.by;
  };
  setHandler(recoveryPlanReadySignal, (ready) => {
    if (closing || planReady) return;
    planReady = ready;
    play.log('plan ready', `by ${ready.by}${ready.note ? `: ${ready.note}` : ''}`);
    completePlanStep();
  });
  // The plan may be declared ready before its step opens: complete the step as soon as it does.
  void condition(() => planReady !== undefined && planStep?.status === 'open').then(completePlanStep);

  play.onHealth((update) => {
    if (update.score >= params.recoveredAbove) healthySince ??= Date.now();
    else healthySince = undefined;
  });
  play.watchHealth();

  // One task per action, created in order by this loop (signal handlers stay synchronous).
  const actionTasks = (async () => {
    for (;;) {
      await condition(() => pendingActions.length > 0 || closing);
      const action = pendingActions.shift();
      if (!action) return;
      const entry = actions.get(action.id)!;
      try {
        entry.taskId = await play.createTask(`action/${action.id}`, action.title, action.ownerRole, entry.dueOn, `Recovery action for ${input.accountName} (issue: ${guide.label}).`);
      } catch (error) {
        play.log('action task failed', `${action.id}: ${(error as Error).message}`); // retries exhausted; visible in the play's history
      }
    }
  })();

  const close = async (status: 'completed' | 'cancelled' | 'failed', outcome?: string): Promise<PlayState> => {
    closing = true;
    await actionTasks; // every accepted action has its task before the play's tasks are closed
    phase = 'closed';
    return play.finish(status, outcome);
  };

  play.log('issue identified', `${issue.category}: ${issue.rule}${issue.evidence.length ? ` (${issue.evidence.join(', ')})` : ''}`);
  // The score the play started with (context.score, from the escalation) is the first health observation:
  // scoring signals plays only when the score changes, so a healthy start must count too.
  if (typeof input.context.score === 'number' && input.context.score >= params.recoveredAbove) healthySince = startedAt;

  // Steps: team, diagnostic (deadline from the parameters), plan. The issue travels in every description.
  const issueLine = `Issue: ${guide.label} (${issue.rule}${issue.evidence.length ? `: ${issue.evidence.join(', ')}` : ''}). Levers: ${guide.levers}.`;
  const steps: PlayStep[] = input.template.steps.map((step) => ({
    ...step,
    ...(step.id === RECOVERY_STEPS.diagnostic ? { due: { afterStartDays: params.diagnosticWithinDays } } : {}),
    description: [step.description, step.ownerRole === 'specialist' ? `Specialist for this issue: ${guide.specialist}.` : undefined, issueLine].filter(Boolean).join(' '),
  }));
  const diagnosticAt = steps.findIndex((s) => s.id === RECOVERY_STEPS.diagnostic);

  const preparation = async () => {
    if (!(await play.runSteps(steps.slice(0, diagnosticAt + 1)))) return;
    phase = 'planning';
    await playActivities.recordPlay({ ...play.who(), event: 'step', detail: `planning (issue: ${issue.category})` });
    if (!(await play.runSteps(steps.slice(diagnosticAt + 1)))) return;
    // The plan step's task completed through the API counts as the plan being ready.
    if (!planReady && planStep?.status === 'done') {
      planReady = { by: planStep.completedBy ?? 'unknown', note: 'plan task completed' };
      play.log('plan ready', `by ${planReady.by}: plan task completed`);
    }
    await condition(() => planReady !== undefined || play.isCancelled);
  };
  // Preparation races the horizon: a plan that never gets made fails at the horizon too.
  let prepared = false;
  await Promise.race([
    preparation().then(() => {
      prepared = true;
    }),
    condition(() => prepared || play.isCancelled, Math.max(1, horizonAt - Date.now())),
  ]);
  if (play.isCancelled) return close('cancelled');

  if (prepared) {
    phase = 'execution';
    const executionStart = Date.now();
    play.state.currentStep = undefined;
    play.log('execution started', `follow-up every ${params.followUpEveryDays} days; recovered when health stays at or above ${params.recoveredAbove} for ${params.sustainedDays} days`);
    await playActivities.recordPlay({ ...play.who(), event: 'step', detail: `execution (issue: ${issue.category})` });
    let nextFollowUp = executionStart + params.followUpEveryDays * DAY;
    for (;;) {
      if (play.isCancelled) return close('cancelled');
      const now = Date.now();
      // Only health inside execution counts: the plan has to be carried out and the result has to stick.
      const healthyFrom = healthySince !== undefined ? Math.max(healthySince, executionStart) : undefined;
      if (healthyFrom !== undefined && now - healthyFrom >= params.sustainedDays * DAY) {
        play.log('recovered', `health at or above ${params.recoveredAbove} since ${new Date(healthyFrom).toISOString()} (last ${play.state.lastHealth?.score ?? 'n/a'})`);
        return close('completed', 'recovered');
      }
      if (now >= horizonAt) break;
      if (now >= nextFollowUp) {
        followUps += 1;
        const score = play.state.lastHealth?.score;
        await play.createTask(`follow-up/${followUps}`, `Weekly recovery follow-up ${followUps} for ${input.accountName}`, 'account_lead', isoDate(now + params.followUpDueInDays * DAY),
          `Check every recovery action against its deadline, talk with the client about progress and record what changed. ${issueLine} Health ${score ?? 'not reported yet'}; recovered when it stays at or above ${params.recoveredAbove} for ${params.sustainedDays} days.`);
        play.log('follow-up', `${followUps}${score !== undefined ? ` (health ${score})` : ''}`);
        nextFollowUp += params.followUpEveryDays * DAY;
        continue;
      }
      const wakeAt = Math.min(nextFollowUp, horizonAt, healthyFrom !== undefined ? healthyFrom + params.sustainedDays * DAY : Infinity);
      const seen = healthySince;
      await condition(() => play.isCancelled || healthySince !== seen, Math.max(1, wakeAt - now));
    }
  }

  // The horizon passed without a sustained recovery (or without a plan at all).
  const last = play.state.lastHealth?.score;
  play.log('horizon passed', `${params.horizonDays} days without sustained health at or above ${params.recoveredAbove}${last !== undefined ? ` (last ${last})` : ''}; executive escalation`);
  const state = await close('failed', 'not_recovered');
  // Created after closing, so it stays open: the executive sponsor takes over from here.
  await play.createTask('executive-escalation', `Recovery plan failed for ${input.accountName}: executive escalation`, 'executive_sponsor', isoDate(Date.now() + params.escalationDueInDays * DAY),
    `The recovery plan (issue: ${guide.label}) did not bring health back to ${params.recoveredAbove} or above for ${params.sustainedDays} days within ${params.horizonDays} days${last !== undefined ? `; last health ${last}` : ''}. Levers: ${guide.levers}.`);
  return state;
}
