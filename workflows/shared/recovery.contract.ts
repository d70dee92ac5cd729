import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { OwnerRole, PlayTemplate } from './play-types.js';
import { numberParameter } from './template-parameters.js';

/**
 * Recovery plan (at-risk intervention, DOMAIN.md section 8): workflow-safe contract shared by
 * the workflow, the API (signals, query) and tests. Pure data and pure functions only.
 */

/** The four kinds of issue a recovery addresses (DOMAIN.md section 8). */
export const RECOVERY_ISSUE_CATEGORIES = ['relationship', 'service_quality', 'value_perception', 'competitive_threat'] as const;
export type RecoveryIssueCategory = (typeof RECOVERY_ISSUE_CATEGORIES)[number];

export const RECOVERY_OUTCOMES = ['recovered', 'not_recovered'] as const;
export type RecoveryOutcome = (typeof RECOVERY_OUTCOMES)[number];

/** Template step ids the workflow gives a meaning to (every other step just runs in order). */
export const RECOVERY_STEPS = {
  /** Its deadline is `parameters.diagnosticWithinDays` after the start (the step's own `due` is ignored). */
  diagnostic: 'diagnostic-conversation',
  /** Completed by `recoveryPlanReady` (or by completing its task); execution starts after it. */
  plan: 'recovery-plan',
} as const;

/** A concrete action of the recovery plan, entered by a person; one task each (idempotent by id). */
export interface RecoveryAction {
  id: string;
  title: string;
  ownerRole: OwnerRole;
  dueInDays: number;
  /** Who entered it (optional; recorded in the history). */
  by?: string;
}

/** Adds an action to the recovery plan. Sending the same action id again changes nothing. */
export const addRecoveryActionSignal = defineSignal<[RecoveryAction]>('addRecoveryAction');
/** The plan (actions, deadlines, owners) is agreed: the play moves to execution. */
export const recoveryPlanReadySignal = defineSignal<[{ by: string; note?: string }]>('recoveryPlanReady');

export type RecoveryPhase = 'diagnosis' | 'planning' | 'execution' | 'closed';

/** Recovery-specific view (the generic one is `playStateQuery`). */
export interface RecoveryView {
  phase: RecoveryPhase;
  issue: IdentifiedIssue;
  actions: { id: string; title: string; ownerRole: OwnerRole; dueOn: string; taskId?: string }[];
  followUps: number;
  /** Workflow time since when every health update has been at or above `recoveredAbove` (ISO), if it has. */
  healthySince?: string;
  horizonOn: string;
}
export const recoveryQuery = defineQuery<RecoveryView>('recoveryState');

export interface RecoveryParameters {
  /** Days after the start by which the diagnostic conversation is due (escalated per its step when late). */
  diagnosticWithinDays: number;
  /** Days between weekly follow-up tasks during execution. */
  followUpEveryDays: number;
  /** Days a follow-up task is due after it is created. */
  followUpDueInDays: number;
  /** Health at or above this counts as recovered... */
  recoveredAbove: number;
  /** ...when it has held (every update) for this many days of execution. */
  sustainedDays: number;
  /** Days after the start after which an unrecovered plan is escalated to the executive sponsor and closed as failed. */
  horizonDays: number;
  /** Days the executive escalation task is due after the horizon. */
  escalationDueInDays: number;
}

export const RECOVERY_DEFAULTS: RecoveryParameters = {
  diagnosticWithinDays: 7,
  followUpEveryDays: 7,
  followUpDueInDays: 2,
  recoveredAbove: 60,
  sustainedDays: 14,
  horizonDays: 120,
  escalationDueInDays: 2,
};


/** The template's parameters with defaults for anything missing or out of range. */
export function recoveryParameters(parameters: PlayTemplate['parameters']): RecoveryParameters {
  return {
    diagnosticWithinDays: numberParameter(parameters.diagnosticWithinDays, RECOVERY_DEFAULTS.diagnosticWithinDays, 0),
    followUpEveryDays: numberParameter(parameters.followUpEveryDays, RECOVERY_DEFAULTS.followUpEveryDays, 1),
    followUpDueInDays: numberParameter(parameters.followUpDueInDays, RECOVERY_DEFAULTS.followUpDueInDays, 0),
    recoveredAbove: numberParameter(parameters.recoveredAbove, RECOVERY_DEFAULTS.recoveredAbove, 0),
    sustainedDays: numberParameter(parameters.sustainedDays, RECOVERY_DEFAULTS.sustainedDays, 0),
    horizonDays: numberParameter(parameters.horizonDays, RECOVERY_DEFAULTS.horizonDays, 1),
    escalationDueInDays: numberParameter(parameters.escalationDueInDays, RECOVERY_DEFAULTS.escalationDueInDays, 0),
  };
}

export interface IdentifiedIssue {
  category: RecoveryIssueCategory;
  /** The signal ids / categories that decided it (empty when it fell through to relationship). */
  evidence: string[];
  /** Which rule decided it, in words (recorded in the play's history). */
  rule: string;
}

/** Signal ids (rules/signals.json) that name a competitor at the door. */
const COMPETITIVE_IDS = ['competitor-mentioned', 'exploring-options', 'rfp-as-incumbent'];
/** Signal ids that name a delivery failure. */
const SERVICE_QUALITY_IDS = ['recent-complaint', 'project-trouble'];
/** Signal ids that name money: spend, discounts, commitments, payment. */
const VALUE_IDS = ['spend-declining', 'flat-spend-at-renewal', 'discount-pressure', 'refused-commitment', 'late-payment'];

const list = (value: string | number | boolean | null | undefined): string[] =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : [];

/**
 * Identifies the issue a recovery addresses from the account's active warning signals.
 * `context.signals` holds comma-separated signal ids, `context.signalCategories` the
 * comma-separated categories of those signals (rules/signals.json). The first rule that
 * matches wins, most acute first:
 *
 * 1. competitive threat: any signal of category `competitive`, or an id naming a competitor,
 *    options being explored or an RFP (competitor-mentioned, exploring-options, rfp-as-incumbent);
 * 2. service quality: a complaint or project trouble (recent-complaint, project-trouble, or an id
 *    containing "complaint" / "project");
 * 3. value perception: any signal of category `financial`, or an id about spend, discounts,
 *    commitments or payment (spend-declining, flat-spend-at-renewal, discount-pressure,
 *    refused-commitment, late-payment, or an id containing "spend" / "discount");
 * 4. relationship: everything else (including no signals at all).
 *
 * A person who starts the play may name the category outright with `context.issueCategory`.
 */
export function identifyIssue(context: Record<string, string | number | boolean | null>): IdentifiedIssue {
  const explicit = typeof context.issueCategory === 'string' ? context.issueCategory : undefined;
  if (explicit && (RECOVERY_ISSUE_CATEGORIES as readonly string[]).includes(explicit)) {
    return { category: explicit as RecoveryIssueCategory, evidence: [], rule: 'named by the person who started the plan' };
  }
  const ids = list(context.signals);
  const categories = list(context.signalCategories);
  const match = (idTest: (id: string) => boolean, category?: string): string[] => [...ids.filter(idTest), ...(category && categories.includes(category) ? [`category:${category}`] : [])];

  const competitive = match((id) => COMPETITIVE_IDS.includes(id) || id.includes('competitor') || id.includes('rfp'), 'competitive');
  if (competitive.length) return { category: 'competitive_threat', evidence: competitive, rule: 'competitive signals present' };
  const service = match((id) => SERVICE_QUALITY_IDS.includes(id) || id.includes('complaint') || id.includes('project'));
  if (service.length) return { category: 'service_quality', evidence: service, rule: 'complaint or project trouble' };
  const value = match((id) => VALUE_IDS.includes(id) || id.includes('spend') || id.includes('discount'), 'financial');
  if (value.length) return { category: 'value_perception', evidence: value, rule: 'spend, discount or financial signals' };
  return { category: 'relationship', evidence: ids, rule: ids.length ? 'no competitive, service or financial signal' : 'no signals given' };
}

/** Human wording per issue: who the specialist is and which recovery levers to reach for. */
export const RECOVERY_ISSUE_GUIDE: Record<RecoveryIssueCategory, { label: string; specialist: string; levers: string }> = {
  relationship: {
    label: 'relationship',
    specialist: 'a senior colleague new to the account who brings a fresh perspective',
    levers: 'direct conversation, fresh perspective, executive escalation',
  },
  service_quality: {
    label: 'service quality',
    specialist: 'a delivery-quality specialist who owns the fix plan with a timeline and an owner',
    levers: 'acknowledge and own it, fix plan with timeline and owner, deliver faster than promised, confirm it stuck, change the process',
  },
  value_perception: {
    label: 'value perception',
    specialist: 'a specialist who runs a value audit of what was delivered against what was paid',
    levers: 'value audit, price/terms adjustment, process improvement',
  },
  competitive_threat: {
    label: 'competitive threat',
    specialist: 'a specialist who prepares quick wins and a short value-proving engagement',
    levers: 'executive engagement, quick wins, new capabilities, a short value-proving engagement',
  },
};
