import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { PlayStep, PlayTemplate } from './play-types.js';

/**
 * Succession handoff contract (workflow-safe, shared with the API side): what the starter puts
 * into the play's context, the signals people send through the API, the query, and the pure
 * planner that turns a template step into a due date relative to the departure date.
 */

export const DEPARTURE_KINDS = ['departure', 'retirement', 'promotion', 'role_change'] as const;
export type DepartureKind = (typeof DEPARTURE_KINDS)[number];

/** An owner on our side leaves/retires/moves, or the client's champion departs. */
export const SUCCESSION_TRIGGERS = ['owner_departure', 'champion_departed'] as const;
export type SuccessionTrigger = (typeof SUCCESSION_TRIGGERS)[number];

/**
 * `PlayInput.context` of a succession play; `PlayInput.anchorDate` is the departure date (today
 * when missing: the person has already gone).
 */
export interface SuccessionContext {
  /** Default 'owner_departure'. */
  trigger?: SuccessionTrigger;
  departingPersonId?: string | null;
  departureKind?: DepartureKind | null;
  /** Known successor (our side) or new champion (client side); when set, the naming steps are skipped. */
  successorPersonId?: string | null;
}

/** The template step whose due date is the start of the overlap period (`overlapDays` before the departure); its own `due` is ignored. */
export const OVERLAP_STEP_ID = 'overlap';

/** The successor (or the client's new champion) was named; an open naming step is completed by it. */
export const successorNamedSignal = defineSignal<[{ personId: string; by: string }]>('successorNamed');
/** The departure date moved (retirement postponed, notice shortened): steps not yet opened are re-planned. */
export const departureRescheduledSignal = defineSignal<[{ anchorDate: string; by: string; reason?: string }]>('departureRescheduled');

export interface SuccessionView {
  trigger: SuccessionTrigger;
  departureKind: string | null;
  departingPersonId: string | null;
  successorPersonId: string | null;
  /** waiting: before `leadDays` ahead of the departure (a durable timer); transition: steps running. */
  phase: 'waiting' | 'transition' | 'closed';
  departureOn: string;
  transitionStartsOn: string;
  overlapStartsOn: string;
  /** Short notice: the before-departure steps were compressed into the time left. */
  compressed: boolean;
  /** The next step still to open, and when it opens (`openAheadDays` before its due date). */
  nextStep?: { id: string; opensAt: string; dueOn?: string };
}
export const successionStateQuery = defineQuery<SuccessionView>('successionState');

export interface SuccessionParameters {
  /** Days before the departure the transition starts (the play sleeps until then). */
  leadDays: number;
  /** Days before the departure the successor starts co-owning the account. */
  overlapDays: number;
  /** A step's task is created this many days before it is due (not years ahead). */
  openAheadDays: number;
  /** Step ids skipped for an owner departure / a champion departure / when the successor is known. */
  skipForOwnerDeparture: string[];
  skipForChampionDeparture: string[];
  skipWhenSuccessorKnown: string[];
}

export const SUCCESSION_DEFAULTS: SuccessionParameters = {
  leadDays: 180,
  overlapDays: 60,
  openAheadDays: 30,
  skipForOwnerDeparture: [],
  skipForChampionDeparture: [],
  skipWhenSuccessorKnown: [],
};

const DAY = 86_400_000;

/** Reads the template's parameters; invalid values fall back to defaults and are reported (the Node side can refuse such templates). */
export function readSuccessionParameters(template: PlayTemplate): { parameters: SuccessionParameters; problems: string[] } {
  const raw = template.parameters ?? {};
  const problems: string[] = [];
  const stepIds = new Set(template.steps.map((s) => s.id));
  const days = (name: 'leadDays' | 'overlapDays' | 'openAheadDays', min: number): number => {
    const value = raw[name];
    if (value === undefined) return SUCCESSION_DEFAULTS[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 3650) {
      problems.push(`${name} must be a whole number of days between ${min} and 3650 (got ${JSON.stringify(value)})`);
      return SUCCESSION_DEFAULTS[name];
    }
    return value;
  };
  const ids = (name: 'skipForOwnerDeparture' | 'skipForChampionDeparture' | 'skipWhenSuccessorKnown'): string[] => {
    const value = raw[name];
    if (value === undefined || value === '') return [];
    if (typeof value !== 'string') {
      problems.push(`${name} must be a comma-separated list of step ids`);
      return [];
    }
    const list = value.split(',').map((s) => s.trim()).filter(Boolean);
    for (const id of list) if (!stepIds.has(id)) problems.push(`${name} names unknown step '${id}'`);
    return list.filter((id) => stepIds.has(id));
  };
  const parameters: SuccessionParameters = {
    leadDays: days('leadDays', 1),
    overlapDays: days('overlapDays', 0),
    openAheadDays: days('openAheadDays', 0),
    skipForOwnerDeparture: ids('skipForOwnerDeparture'),
    skipForChampionDeparture: ids('skipForChampionDeparture'),
    skipWhenSuccessorKnown: ids('skipWhenSuccessorKnown'),
  };
  if (parameters.overlapDays > parameters.leadDays) {
    problems.push(`overlapDays (${parameters.overlapDays}) exceeds leadDays (${parameters.leadDays})`);
    parameters.overlapDays = parameters.leadDays;
  }
  return { parameters, problems };
}

export interface ResolvedSuccessionContext {
  trigger: SuccessionTrigger;
  departingPersonId: string | null;
  departureKind: DepartureKind | null;
  successorPersonId: string | null;
}

export function readSuccessionContext(context: Record<string, string | number | boolean | null>): ResolvedSuccessionContext {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    trigger: context.trigger === 'champion_departed' ? 'champion_departed' : 'owner_departure',
    departingPersonId: text(context.departingPersonId),
    departureKind: (DEPARTURE_KINDS as readonly string[]).includes(String(context.departureKind)) ? (context.departureKind as DepartureKind) : null,
    successorPersonId: text(context.successorPersonId),
  };
}

/** The times a succession plan is computed from (epoch ms). */
export interface SuccessionClock {
  departureMs: number;
  /** When the transition started (or is planned to start while waiting). */
  transitionStartMs: number;
  playStartMs: number;
  leadDays: number;
  overlapDays: number;
}

/** Short notice: less than `leadDays` (minus a day of slack for a late timer) between the transition start and the departure. */
export function isCompressed(clock: SuccessionClock): boolean {
  return Math.max(clock.transitionStartMs, clock.departureMs) - clock.transitionStartMs < (clock.leadDays - 1) * DAY;
}

/**
 * Due time of a step. Before-departure steps keep their template offsets when the transition has
 * its full `leadDays`; on short notice they are compressed proportionally into the time left (a
 * resignation with four weeks' notice still gets every step, in order, before the departure).
 * After-departure steps count from the departure, or from the transition start when the person
 * has already gone.
 */
export function successionDueMs(step: PlayStep, clock: SuccessionClock, previousDoneMs: number): number | undefined {
  const beforeDays = step.id === OVERLAP_STEP_ID ? clock.overlapDays : step.due.beforeAnchorDays;
  const end = Math.max(clock.transitionStartMs, clock.departureMs);
  if (beforeDays !== undefined) {
    const span = end - clock.transitionStartMs;
    if (!isCompressed(clock)) return clock.departureMs - beforeDays * DAY;
    const fraction = Math.min(1, Math.max(0, (clock.leadDays - beforeDays) / clock.leadDays));
    return clock.transitionStartMs + fraction * span;
  }
  if (step.due.afterAnchorDays !== undefined) return end + step.due.afterAnchorDays * DAY;
  if (step.due.afterStartDays !== undefined) return clock.playStartMs + step.due.afterStartDays * DAY;
  if (step.due.afterPreviousDays !== undefined) return previousDoneMs + step.due.afterPreviousDays * DAY;
  return undefined;
}
