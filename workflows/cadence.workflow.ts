import { condition, continueAsNew, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import {
  cadenceStateQuery,
  nextDueMs,
  readCadenceParameters,
  remindAtMs,
  tierChangedSignal,
  touchpointRecordedSignal,
  type CadenceCarried,
  type CadenceInput,
  type CadenceRequirement,
  type CadenceView,
} from './shared/cadence.contract.js';
import { PlayRunner, playActivities } from './shared/play-runner.js';
import type { PlayState, StepState } from './shared/play-types.js';

const DAY = 86_400_000;
/** Continue as new before this many history events whatever the cycle count (signals add events too). */
const MAX_HISTORY_EVENTS = 10_000;
const CARRIED_HISTORY = 20;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Touchpoint cadence for one account: a long-lived reminder loop. Per touchpoint kind of the
 * account's tier requirements (data from the scoring side; the workflow evaluates no rules) it
 * sleeps until the next touchpoint is nearly due, creates one reminder task for the kind's role
 * (idempotent by kind + due date), records it and plans the next due date. Logged touchpoints
 * restart a kind's clock; a tier change re-plans. Continues as new every `cyclesPerRun`
 * reminder cycles (or when Temporal suggests it), carrying tier, requirements and clocks.
 * Reminds people only: it never contacts the client.
 */
export async function cadenceWorkflow(input: CadenceInput): Promise<PlayState> {
  const play = new PlayRunner(input);
  const { parameters: p, problems } = readCadenceParameters(input.template);
  const carried: CadenceCarried = input.carried ?? { run: 1, since: new Date().toISOString(), lastReminded: {}, remindersCreated: 0, history: [] };
  if (input.carried) {
    play.state.history.splice(0, play.state.history.length, ...input.carried.history, { at: new Date().toISOString(), event: 'continued as new', detail: `run ${carried.run}` });
  } else {
    for (const problem of problems) play.log('template parameter ignored', problem);
  }

  const sinceMs = Date.parse(carried.since);
  const lastTouchpoints: Record<string, string | null> = { ...input.lastTouchpoints };
  const lastReminded: Record<string, string> = { ...carried.lastReminded };
  const taskIds: Record<string, string> = {};
  let tier = input.cadence.tier;
  let requirements = usable(input.cadence.requirements);
  let remindersCreated = carried.remindersCreated;
  let cycles = 0;
  let dirty = false;
  let tierDirty = false;
  // Side effects decided by signal handlers, carried out by the loop.
  const toClose: { kind: string; status: 'done' | 'cancelled' }[] = [];
  const toRecord: string[] = [];

  function usable(list: CadenceRequirement[]): CadenceRequirement[] {
    const byKind = new Map<string, CadenceRequirement>();
    for (const r of list ?? []) {
      if (!r || typeof r.touchpointKind !== 'string' || !/^[a-z0-9_-]{1,40}$/.test(r.touchpointKind) || !(Number.isFinite(r.everyDays) && r.everyDays >= 1)) {
        play.log('requirement ignored', JSON.stringify(r));
        continue;
      }
      byKind.set(r.touchpointKind, r);
    }
    return [...byKind.values()];
  }

  const ownerRole = (kind: string) => p.ownerRoles[kind] ?? 'account_lead';
  const plan = () =>
    requirements.map((requirement) => {
      const kind = requirement.touchpointKind;
      const due = nextDueMs(requirement, lastTouchpoints[kind], lastReminded[kind], sinceMs);
      return { requirement, kind, due, remindAt: remindAtMs(requirement, due, p.remindAheadDays) };
    });

  /** The play state's steps mirror the kinds: open while a reminder waits for its touchpoint. */
  const syncSteps = (planned: ReturnType<typeof plan>) => {
    const steps: StepState[] = planned.map(({ requirement, kind, due }) => ({
      id: kind,
      title: requirement.description,
      ownerRole: ownerRole(kind),
      status: lastReminded[kind] ? 'open' : 'pending',
      dueOn: isoDate(lastReminded[kind] ? Date.parse(lastReminded[kind]) : due),
      ...(lastReminded[kind] && taskIds[kind] ? { taskId: taskIds[kind] } : {}),
    }));
    play.state.steps.splice(0, play.state.steps.length, ...steps);
    play.state.currentStep = undefined;
  };

  setHandler(cadenceStateQuery, (): CadenceView => ({
    tier,
    run: carried.run,
    cyclesThisRun: cycles,
    remindersCreated,
    since: carried.since,
    lastTouchpoints: { ...lastTouchpoints },
    kinds: plan().map(({ requirement, kind, due, remindAt }) => ({
      kind, everyDays: requirement.everyDays, description: requirement.description, ownerRole: ownerRole(kind),
      lastTouchpoint: lastTouchpoints[kind] ?? null, lastReminded: lastReminded[kind] ?? null, nextDueOn: isoDate(due), remindAt: new Date(remindAt).toISOString(),
    })),
  }));

  setHandler(touchpointRecordedSignal, ({ kind, at, by }) => {
    const parsed = Date.parse(at);
    if (typeof kind !== 'string' || Number.isNaN(parsed)) return play.log('touchpoint ignored', JSON.stringify({ kind, at }));
    const atMs = Math.min(parsed, Date.now()); // a touchpoint logged ahead of time does not push the clock into the future
    const previous = lastTouchpoints[kind] ? Date.parse(lastTouchpoints[kind]!) : Number.NEGATIVE_INFINITY;
    if (atMs < previous) return play.log('touchpoint recorded', `${kind} at ${at}${by ? ` by ${by}` : ''} (older than ${lastTouchpoints[kind]}; clock unchanged)`);
    lastTouchpoints[kind] = new Date(atMs).toISOString();
    if (lastReminded[kind]) toClose.push({ kind, status: 'done' });
    delete lastReminded[kind];
    play.log('touchpoint recorded', `${kind} at ${at}${by ? ` by ${by}` : ''}`);
    syncSteps(plan());
    dirty = true;
  });

  setHandler(tierChangedSignal, ({ tier: next, requirements: list, by }) => {
    const kept = usable(list);
    for (const r of requirements) {
      if (kept.some((k) => k.touchpointKind === r.touchpointKind)) continue;
      if (lastReminded[r.touchpointKind]) toClose.push({ kind: r.touchpointKind, status: 'cancelled' });
      delete lastReminded[r.touchpointKind];
    }
    const detail = `tier ${tier} → ${next}: ${kept.map((r) => `${r.touchpointKind} every ${r.everyDays}d`).join(', ') || 'no requirements'}${by ? ` (by ${by})` : ''}`;
    tier = next;
    requirements = kept;
    play.log('tier changed', detail);
    toRecord.push(detail);
    syncSteps(plan());
    tierDirty = true;
    dirty = true;
  });

  for (;;) {
    dirty = false; // any signal from here on wakes the wait below at once
    if (play.isCancelled) return play.finish('cancelled');
    while (toClose.length) {
      const { kind, status } = toClose.shift()!;
      await playActivities.closePlayTasks({ tenantId: input.tenantId, workflowIdPrefix: `${play.workflowId}/reminder/${kind}/`, status });
    }
    if (tierDirty && input.indexed) upsertSearchAttributes({ RetentionTier: [tier] });
    tierDirty = false;
    while (toRecord.length) await playActivities.recordPlay({ ...play.who(), event: 'step', detail: toRecord.shift()! });
    if (play.isCancelled) return play.finish('cancelled');

    const now = Date.now();
    const planned = plan();
    const due = planned.filter((x) => x.remindAt <= now);
    if (due.length) {
      // One reminder per due kind; each names the other touchpoints due around then, so
      // people coordinate (the client should not hear from three people in the same week).
      const windowEnd = now + p.coordinationWindowDays * DAY;
      for (const x of due) {
        // An overdue kind gets one reminder due today (no catch-up reminders for missed periods).
        const dueOn = isoDate(Math.max(x.due, now));
        const others = planned.filter((o) => o.kind !== x.kind && o.due <= Math.max(windowEnd, x.due + p.coordinationWindowDays * DAY));
        const last = lastTouchpoints[x.kind];
        const description = [
          `Tier ${tier} cadence: ${x.requirement.description} (every ${x.requirement.everyDays} days). Last ${x.kind} touchpoint: ${last ? isoDate(Date.parse(last)) : 'none recorded'}.`,
          ...(others.length ? [`Also due around then: ${others.map((o) => `${o.kind} (${ownerRole(o.kind)}, ${isoDate(Math.max(o.due, now))})`).join(', ')}. Coordinate so the client hears from one person at a time.`] : []),
          'Log the touchpoint once it happened; this play only reminds.',
        ].join(' ');
        taskIds[x.kind] = await play.createTask(`reminder/${x.kind}/${dueOn}`, `${capitalised(x.kind)} touchpoint due for ${input.accountName}: ${x.requirement.description}`, ownerRole(x.kind), dueOn, description);
        lastReminded[x.kind] = dueOn;
        remindersCreated++;
      }
      cycles++;
      const detail = due.map((x) => `${x.kind} due ${lastReminded[x.kind]} (${ownerRole(x.kind)})`).join(', ');
      play.log('reminders created', detail);
      await playActivities.recordPlay({ ...play.who(), event: 'step', detail: `reminders: ${detail}` });
      continue;
    }
    syncSteps(planned);

    const info = workflowInfo();
    if (cycles >= p.cyclesPerRun || info.continueAsNewSuggested || info.historyLength > MAX_HISTORY_EVENTS) {
      play.log('continuing as new', `run ${carried.run + 1} after ${cycles} reminder cycles`);
      await playActivities.recordPlay({ ...play.who(), event: 'step', detail: `continued as new (run ${carried.run + 1})` });
      if (play.isCancelled || toClose.length || toRecord.length) continue; // a signal arrived meanwhile: handle it first
      const next: CadenceInput = {
        ...input,
        cadence: { tier, requirements },
        lastTouchpoints,
        carried: { run: carried.run + 1, since: carried.since, lastReminded, remindersCreated, history: play.state.history.slice(-CARRIED_HISTORY) },
      };
      return continueAsNew<typeof cadenceWorkflow>(next);
    }

    const wakeAt = Math.min(...planned.map((x) => x.remindAt));
    if (Number.isFinite(wakeAt)) await condition(() => dirty || play.isCancelled, wakeAt - Date.now());
    else await condition(() => dirty || play.isCancelled);
  }
}
