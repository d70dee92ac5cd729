import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { PlayTemplate } from './play-types.js';
import { numberParameter } from './template-parameters.js';

/**
 * Win-back (DOMAIN.md section 8): workflow-safe contract shared by the workflow, the API
 * (signals, query), the activities and tests. Pure data and pure functions only.
 */

/**
 * Churn reasons the play knows how to answer. Same spelling as CHURN_REASONS in
 * src/domain/vocabulary.ts (workflows may not import src/; a test keeps the two in step).
 */
export const WIN_BACK_CHURN_REASONS = ['taken_for_granted', 'inconsistent_service_or_team_changes', 'competitor_better_value', 'budget_cuts_or_restructuring', 'key_contact_left', 'other'] as const;
export type WinBackChurnReason = (typeof WIN_BACK_CHURN_REASONS)[number];

export const WIN_BACK_OUTCOMES = ['won_back', 're_engaged_no_contract', 'no_response'] as const;
export type WinBackOutcome = (typeof WIN_BACK_OUTCOMES)[number];

/** Template step ids the workflow gives a meaning to (every other step just runs in order). */
export const WIN_BACK_STEPS = {
  /** The last step before the wait (exit interview and root-cause analysis come first). */
  beforeWait: 'root-cause-analysis',
  /** Its title and description are completed with the proposal that answers the churn reason. */
  proposal: 'improvement-proposal',
} as const;

/** The client got back in touch (recorded by a person through the API). */
export const clientReengagedSignal = defineSignal<[{ by: string; note?: string }]>('clientReengaged');
/** A new contract with the client was signed (its id in the platform). */
export const newContractSignal = defineSignal<[{ contractId: string; by?: string }]>('newContract');

export type WinBackPhase = 'exit' | 'waiting' | 'sequence' | 're_engaged' | 'closed';

/** Win-back-specific view (the generic one is `playStateQuery`). */
export interface WinBackView {
  phase: WinBackPhase;
  churnReason: WinBackChurnReason;
  lostOn: string;
  /** When the sequence starts (ISO date), once known. */
  waitUntil?: string;
  reengaged?: { by: string; note?: string; at: string };
  contractId?: string;
}
export const winBackQuery = defineQuery<WinBackView>('winBackState');

/** Side effects only the win-back play causes. Idempotent. */
export interface WinBackActivities {
  /** Sets the account's status to 'won_back' (no-op when it already is). */
  markAccountWonBack(input: { tenantId: string; accountId: string; contractId: string }): Promise<void>;
}

export interface WinBackParameters {
  /** Days after the loss (lostOn, else the start) before the sequence starts: 3-6 months. */
  waitDays: number;
  /** Days to wait for a new contract once the client re-engaged. */
  contractWaitDays: number;
  /** Days the "plan the return" task is due after the client re-engaged. */
  returnPlanDueInDays: number;
}

export const WIN_BACK_DEFAULTS: WinBackParameters = { waitDays: 120, contractWaitDays: 90, returnPlanDueInDays: 5 };


/** The template's parameters with defaults for anything missing or out of range. */
export function winBackParameters(parameters: PlayTemplate['parameters']): WinBackParameters {
  return {
    waitDays: numberParameter(parameters.waitDays, WIN_BACK_DEFAULTS.waitDays, 0),
    contractWaitDays: numberParameter(parameters.contractWaitDays, WIN_BACK_DEFAULTS.contractWaitDays, 1),
    returnPlanDueInDays: numberParameter(parameters.returnPlanDueInDays, WIN_BACK_DEFAULTS.returnPlanDueInDays, 0),
  };
}

/** The churn reason from the play's context; anything unknown or missing is 'other'. */
export function churnReasonOf(value: unknown): WinBackChurnReason {
  return typeof value === 'string' && (WIN_BACK_CHURN_REASONS as readonly string[]).includes(value) ? (value as WinBackChurnReason) : 'other';
}

/** How each churn reason is named to people, and what the improvement proposal must offer to answer it. */
export const WIN_BACK_PROPOSALS: Record<WinBackChurnReason, { reason: string; proposal: string }> = {
  taken_for_granted: {
    reason: 'they felt taken for granted',
    proposal: 'a proactive service model: a named senior contact, quarterly strategic reviews and ideas brought to them before they ask',
  },
  inconsistent_service_or_team_changes: {
    reason: 'inconsistent service and team changes',
    proposal: 'a stable named team with a continuity commitment, a written service standard and a handover plan for any change',
  },
  competitor_better_value: {
    reason: 'a competitor offered better value',
    proposal: 'a value case with measurable outcomes, a sharper scope and price, and reduced-risk terms',
  },
  budget_cuts_or_restructuring: {
    reason: 'budget cuts or restructuring',
    proposal: 'a right-sized or phased scope that fits the new budget and the new organisation',
  },
  key_contact_left: {
    reason: 'their key contact left',
    proposal: 'an introduction to the new decision-makers with a fresh view of their priorities and several relationship threads',
  },
  other: {
    reason: 'the reason found in the exit interview',
    proposal: 'changes that answer the root cause found in the analysis',
  },
};

/** The improvement-proposal task's title and description for a churn reason (both name the reason). */
export function improvementProposalFor(reason: WinBackChurnReason, baseTitle: string, baseDescription?: string): { title: string; description: string } {
  const wording = WIN_BACK_PROPOSALS[reason];
  return {
    title: `${baseTitle}: ${wording.reason}`,
    description: [baseDescription, `They left because ${wording.reason} (churn reason: ${reason}). Propose ${wording.proposal}.`].filter(Boolean).join(' '),
  };
}
