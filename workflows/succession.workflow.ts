import { condition, setHandler } from '@temporalio/workflow';
import { PlayRunner, playActivities } from './shared/play-runner.js';
import type { PlayInput, PlayState, PlayStep } from './shared/play-types.js';
import {
  departureRescheduledSignal,
  isCompressed,
  OVERLAP_STEP_ID,
  readSuccessionContext,
  readSuccessionParameters,
  successionDueMs,
  successionStateQuery,
  successorNamedSignal,
  type SuccessionClock,
  type SuccessionView,
} from './shared/succession.contract.js';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Succession handoff: a relationship owner leaves, retires, is promoted or changes role on a
 * known date (the anchor), or the client's champion departs. The play sleeps (durable timer)
 * until `leadDays` before the departure (years, for a legal-style succession), then runs the
 * template: document the relationship, name the successor, introduce them gradually, an overlap
 * period, tell the client, hand over, and check in 30 and 90 days after the handoff. A step's
 * task is created `openAheadDays` before it is due; late steps escalate once; health drops
 * during the transition raise attention and involve the partner. Never contacts the client.
 */
export async function successionWorkflow(input: PlayInput): Promise<PlayState> {
  const playStartMs = Date.now();
  const parsedDeparture = input.anchorDate ? Date.parse(input.anchorDate) : Number.NaN;
  let departureMs = Number.isNaN(parsedDeparture) ? playStartMs : parsedDeparture;
  // The runner's due dates are expressed against this fixed reference (the departure may move).
  const reference = Number.isNaN(parsedDeparture) ? isoDate(playStartMs) : input.anchorDate!;
  const referenceMs = Date.parse(reference);
  const play = new PlayRunner({ ...input, anchorDate: reference });
  const { parameters: p, problems } = readSuccessionParameters(input.template);
  const context = readSuccessionContext(input.context);
  for (const problem of problems) play.log('template parameter ignored', problem);

  let replan = false;
  let transitionStartMs: number | undefined;
  let previousDoneMs = playStartMs;
  const namedWhileOpen: string[] = [];
  const plannedTransitionStart = () => departureMs - p.leadDays * DAY;
  const clock = (): SuccessionClock => ({ departureMs, transitionStartMs: transitionStartMs ?? Math.max(playStartMs, plannedTransitionStart()), playStartMs, leadDays: p.leadDays, overlapDays: p.overlapDays });

  const view: SuccessionView = {
    trigger: context.trigger,
    departureKind: context.departureKind,
    departingPersonId: context.departingPersonId,
    successorPersonId: context.successorPersonId,
    phase: 'waiting',
    departureOn: '',
    transitionStartsOn: '',
    overlapStartsOn: '',
    compressed: false,
  };
  const skipped = new Set([
    ...(context.trigger === 'champion_departed' ? p.skipForChampionDeparture : p.skipForOwnerDeparture),
    ...(context.successorPersonId ? p.skipWhenSuccessorKnown : []),
  ]);

  /** Planned due dates of the steps not yet opened, and the next one to open (for the query). */
  const refreshPlan = () => {
    const c = clock();
    view.departureOn = isoDate(departureMs);
    view.transitionStartsOn = isoDate(c.transitionStartMs);
    view.overlapStartsOn = isoDate(successionDueMs({ id: OVERLAP_STEP_ID, title: '', ownerRole: 'account_lead', due: {} }, c, previousDoneMs)!);
    view.compressed = isCompressed(c);
    view.nextStep = undefined;
    for (const step of input.template.steps) {
      const state = play.stepState(step.id)!;
      if (state.status !== 'pending' || skipped.has(step.id)) continue;
      const due = successionDueMs(step, c, previousDoneMs);
      state.dueOn = due === undefined ? undefined : isoDate(Math.max(due, Date.now()));
      view.nextStep ??= { id: step.id, opensAt: new Date(Math.max(Date.now(), due === undefined ? 0 : due - p.openAheadDays * DAY)).toISOString(), ...(state.dueOn ? { dueOn: state.dueOn } : {}) };
    }
  };

  setHandler(successionStateQuery, () => view);
  setHandler(departureRescheduledSignal, ({ anchorDate, by, reason }) => {
    const ms = Date.parse(anchorDate);
    if (Number.isNaN(ms) || view.phase === 'closed') return play.log('reschedule ignored', `${anchorDate} by ${by}`);
    departureMs = ms;
    replan = true;
    play.log('departure rescheduled', `to ${isoDate(ms)} by ${by}${reason ? `: ${reason}` : ''}`);
    refreshPlan();
  });
  setHandler(successorNamedSignal, ({ personId, by }) => {
    view.successorPersonId = personId;
    play.log('successor named', `${personId} by ${by}`);
    for (const id of p.skipWhenSuccessorKnown) {
      const state = play.stepState(id);
      if (state?.status === 'open') {
        Object.assign(state, { status: 'done', completedAt: new Date().toISOString(), completedBy: by });
        namedWhileOpen.push(id);
      } else if (state?.status === 'pending') skipped.add(id);
    }
  });
  // Health matters during the transition; a drop while waiting is applied when it starts.
  // Tracked, so closing the play waits for a threshold's task and closes it too.
  const healthWork: Promise<void>[] = [];
  play.onHealth((update) => {
    if (view.phase === 'transition') healthWork.push(play.applyHealth(update));
  });

  refreshPlan();
  const close = async (status: 'completed' | 'cancelled', outcome?: string) => {
    view.phase = 'closed';
    view.nextStep = undefined;
    await Promise.allSettled(healthWork);
    return play.finish(status, outcome);
  };

  // Waiting: a durable timer until `leadDays` before the departure (re-armed when it moves).
  if (Date.now() < plannedTransitionStart()) {
    play.log('transition scheduled', `departure ${view.departureOn}; the transition starts ${view.transitionStartsOn}`);
    await playActivities.recordPlay({ ...play.who(), event: 'step', status: 'running', detail: `waiting: the transition starts ${view.transitionStartsOn}` });
  }
  while (!play.isCancelled && Date.now() < plannedTransitionStart()) {
    replan = false;
    await condition(() => replan || play.isCancelled, plannedTransitionStart() - Date.now());
  }
  if (play.isCancelled) return close('cancelled');

  transitionStartMs = Date.now();
  view.phase = 'transition';
  refreshPlan();
  play.log('transition started', `departure ${view.departureOn}${view.compressed ? ` (short notice: steps compressed into ${Math.max(0, Math.round((departureMs - transitionStartMs) / DAY))} days)` : ''}`);
  await playActivities.recordPlay({ ...play.who(), event: 'step', status: 'running', detail: `transition started: departure ${view.departureOn}` });
  if (play.state.lastHealth) healthWork.push(play.applyHealth(play.state.lastHealth));
  const subject = () => context.trigger === 'champion_departed'
    ? `The client's champion departs on ${isoDate(departureMs)}.`
    : `Succession: the relationship owner's ${(context.departureKind ?? 'departure').replace('_', ' ')} on ${isoDate(departureMs)}.`;

  for (const step of input.template.steps) {
    if (play.isCancelled) break;
    const state = play.stepState(step.id)!;
    if (skipped.has(step.id)) {
      if (state.status === 'pending') {
        state.status = 'skipped';
        state.dueOn = undefined;
        play.log('step skipped', step.id);
      }
      continue;
    }
    // Sleep until the step opens; a rescheduled departure re-plans it.
    for (;;) {
      refreshPlan();
      const due = successionDueMs(step, clock(), previousDoneMs);
      const wait = (due === undefined ? 0 : due - p.openAheadDays * DAY) - Date.now();
      if (wait <= 0 || play.isCancelled || skipped.has(step.id)) break;
      replan = false;
      await condition(() => replan || play.isCancelled || skipped.has(step.id), wait);
    }
    if (play.isCancelled) break;
    if (skipped.has(step.id)) {
      state.status = 'skipped';
      state.dueOn = undefined;
      play.log('step skipped', step.id);
      continue;
    }
    const due = successionDueMs(step, clock(), previousDoneMs);
    const overlap = step.id === OVERLAP_STEP_ID ? ` Overlap from ${isoDate(Math.max(due ?? 0, Date.now()))} until the handoff on ${isoDate(departureMs)}.` : '';
    const planned: PlayStep = {
      ...step,
      description: `${step.description ? `${step.description} ` : ''}${subject()}${overlap}`,
      due: due === undefined ? {} : { beforeAnchorDays: (referenceMs - due) / DAY },
    };
    const ok = await play.runSteps([planned]);
    // A naming step completed by `successorNamed` (not through its task): close the task too.
    while (namedWhileOpen.length) await playActivities.closePlayTasks({ tenantId: input.tenantId, workflowIdPrefix: `${play.workflowId}/${namedWhileOpen.shift()}`, status: 'done' });
    if (!ok) break;
    previousDoneMs = Date.now();
  }
  if (play.isCancelled) return close('cancelled');
  return close('completed', 'handed_over');
}
