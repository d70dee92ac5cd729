/**
 * Workflow-safe play contracts: plain data only (templates travel into workflows as input,
 * so editing a template never changes a running play).
 */
export type PlayKind = 'renewal' | 'recovery' | 'win_back' | 'succession' | 'onboarding' | 'cadence';

export type OwnerRole = 'account_lead' | 'executive_sponsor' | 'partner' | 'delivery_lead' | 'specialist' | 'program_owner' | 'client_success';

export type Attention = 'normal' | 'elevated' | 'critical';

/** When a step is due: relative to the play's start, to an anchor date (contract end...), or to the previous step. */
export interface StepDue {
  afterStartDays?: number;
  beforeAnchorDays?: number;
  afterAnchorDays?: number;
  afterPreviousDays?: number;
}

export interface PlayStep {
  id: string;
  title: string;
  description?: string;
  ownerRole: OwnerRole;
  due: StepDue;
  /** Wait for the task's completion (default) or only create it and move on. */
  wait?: 'completion' | 'none';
  /** Escalate to this role when the task is this many days late (once). */
  escalateAfterDays?: number;
  escalateToRole?: OwnerRole;
  /** Only run the step when the play's attention is at least this level. */
  onlyWhenAttention?: Attention;
  /** An automated step: runs this plugin activity (`<plugin>.<name>`) instead of creating a task. */
  activity?: string;
}

export interface HealthThreshold {
  /** Score strictly below this raises attention. */
  below: number;
  attention: Attention;
  /** A task created once when the threshold is crossed (e.g. involve the partner). */
  task?: { title: string; ownerRole: OwnerRole; dueInDays: number };
}

export interface PlayTemplate {
  id: string;
  version: number;
  play: PlayKind;
  name: string;
  description: string;
  /** Play-specific numbers (lead days, waits, horizons...), validated per play on the Node side. */
  parameters: Record<string, number | string | boolean>;
  steps: PlayStep[];
  healthThresholds: HealthThreshold[];
  /** Set on templates a plugin contributes: they replace the core template for its industries. */
  plugin?: string;
  industries?: string[];
}

export interface PlayInput {
  tenantId: string;
  accountId: string;
  accountName: string;
  template: PlayTemplate;
  /** ISO date the play's due dates are anchored to (contract end, departure date, churn date...). */
  anchorDate?: string;
  /** Play-specific context (contract id, churn reason, departing person...). */
  context: Record<string, string | number | boolean | null>;
  /** Why the play started (escalation, schedule, person). */
  reason: string;
  /** The play carries the Retention* search attributes (status is updated when it closes). */
  indexed?: boolean;
}

export interface HealthUpdate {
  score: number;
  band: 'healthy' | 'intervention' | 'critical';
  tier: number;
  at: string;
  signals: { id: string; category: string; severity: string }[];
}

export interface StepState {
  id: string;
  title: string;
  ownerRole: OwnerRole;
  status: 'pending' | 'open' | 'done' | 'skipped' | 'cancelled';
  dueOn?: string;
  taskId?: string;
  completedAt?: string;
  completedBy?: string;
  escalated?: boolean;
}

export interface PlayHistoryEntry {
  at: string;
  event: string;
  detail?: string;
}

export interface PlayState {
  play: PlayKind;
  templateId: string;
  templateVersion: number;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  attention: Attention;
  currentStep?: string;
  steps: StepState[];
  lastHealth?: HealthUpdate;
  outcome?: string;
  history: PlayHistoryEntry[];
}
