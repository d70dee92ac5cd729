import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { OwnerRole, PlayHistoryEntry, PlayInput, PlayTemplate } from './play-types.js';

/**
 * Touchpoint cadence contract (workflow-safe, shared with the API and scoring sides). The
 * scoring side evaluates the cadence rules and passes the account's tier requirements as data;
 * the workflow only keeps the clocks and reminds people. It never contacts the client.
 */

export interface CadenceRequirement {
  touchpointKind: string;
  everyDays: number;
  description: string;
}

export interface CadencePlan {
  tier: number;
  requirements: CadenceRequirement[];
}

/** State carried from one run to the next through continue-as-new. */
export interface CadenceCarried {
  /** 1 for the first run. */
  run: number;
  /** ISO timestamp the cadence play first started (kinds never touched are due from then). */
  since: string;
  /** Per kind: the due date (ISO date) of the last reminder created. */
  lastReminded: Record<string, string>;
  remindersCreated: number;
  /** The last entries of the previous run's history (the query stays informative). */
  history: PlayHistoryEntry[];
}

export interface CadenceInput extends PlayInput {
  cadence: CadencePlan;
  /** Per touchpoint kind: when the last one happened (ISO date or timestamp), null when never. */
  lastTouchpoints: Record<string, string | null>;
  /** Set by the workflow itself when it continues as new; starters leave it out. */
  carried?: CadenceCarried;
}

/** A person logged a touchpoint (the API signals it): that kind's clock restarts and its open reminders are done. */
export const touchpointRecordedSignal = defineSignal<[{ kind: string; at: string; by?: string }]>('touchpointRecorded');
/** The account's tier changed: re-plan with that tier's requirements (evaluated by the scoring side). */
export const tierChangedSignal = defineSignal<[{ tier: number; requirements: CadenceRequirement[]; by?: string }]>('tierChanged');

export interface CadenceKindView {
  kind: string;
  everyDays: number;
  description: string;
  ownerRole: OwnerRole;
  lastTouchpoint: string | null;
  lastReminded: string | null;
  /** ISO date the next touchpoint of this kind is due. */
  nextDueOn: string;
  /** When its reminder task will be created (ISO timestamp). */
  remindAt: string;
}

export interface CadenceView {
  tier: number;
  run: number;
  cyclesThisRun: number;
  remindersCreated: number;
  since: string;
  lastTouchpoints: Record<string, string | null>;
  kinds: CadenceKindView[];
}
export const cadenceStateQuery = defineQuery<CadenceView>('cadenceState');

export interface CadenceParameters {
  /** Reminder cycles per run before continuing as new (history stays small). */
  cyclesPerRun: number;
  /** A reminder is created this many days before the touchpoint is due (at most a quarter of its interval). */
  remindAheadDays: number;
  /** Reminders of other kinds due within this many days are named in each task, so people coordinate. */
  coordinationWindowDays: number;
  /** Owner role per touchpoint kind (`<kind>OwnerRole` parameters); unknown kinds go to the account lead. */
  ownerRoles: Record<string, OwnerRole>;
}

export const DEFAULT_CADENCE_OWNER_ROLES: Record<string, OwnerRole> = {
  executive: 'executive_sponsor',
  strategic: 'account_lead',
  operational: 'delivery_lead',
  maintenance: 'account_lead',
};

const OWNER_ROLES: readonly OwnerRole[] = ['account_lead', 'executive_sponsor', 'partner', 'delivery_lead', 'specialist', 'program_owner', 'client_success'];

/** Reads the template's parameters; invalid values fall back to defaults and are reported (the Node side can refuse such templates). */
export function readCadenceParameters(template: PlayTemplate): { parameters: CadenceParameters; problems: string[] } {
  const raw = template.parameters ?? {};
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number) => {
    const value = raw[name];
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be a whole number between ${min} and ${max} (got ${JSON.stringify(value)})`);
    return fallback;
  };
  const ownerRoles = { ...DEFAULT_CADENCE_OWNER_ROLES };
  for (const [name, value] of Object.entries(raw)) {
    const match = /^(.+)OwnerRole$/.exec(name);
    if (!match) continue;
    if (typeof value === 'string' && (OWNER_ROLES as readonly string[]).includes(value)) ownerRoles[match[1]] = value as OwnerRole;
    else problems.push(`${name} must be one of ${OWNER_ROLES.join(', ')}`);
  }
  return {
    parameters: { cyclesPerRun: int('cyclesPerRun', 50, 1, 1000), remindAheadDays: int('remindAheadDays', 7, 0, 90), coordinationWindowDays: int('coordinationWindowDays', 7, 0, 90), ownerRoles },
    problems,
  };
}

const DAY = 86_400_000;

/** Per kind: when the next touchpoint is due (epoch ms), from the later of the last touchpoint and the last reminder's due date. */
export function nextDueMs(requirement: CadenceRequirement, lastTouchpoint: string | null | undefined, lastReminded: string | undefined, sinceMs: number): number {
  const last = Math.max(lastTouchpoint ? Date.parse(lastTouchpoint) || 0 : 0, lastReminded ? Date.parse(lastReminded) || 0 : 0);
  return last > 0 ? last + requirement.everyDays * DAY : sinceMs;
}

/** When a kind's reminder is created: `remindAheadDays` before it is due, at most a quarter of its interval ahead. */
export function remindAtMs(requirement: CadenceRequirement, dueMs: number, remindAheadDays: number): number {
  return dueMs - Math.min(remindAheadDays, Math.floor(requirement.everyDays / 4)) * DAY;
}
