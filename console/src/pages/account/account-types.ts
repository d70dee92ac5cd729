// Shapes of the API answers the account page reads (see /openapi.json).
import type { FactValue } from '../../../../src/facts/fact-definition';
import type { ComponentResult, FiredRule, SignalResult as Signal } from '../../../../src/scoring/evaluation';

export type { FactValue };

export interface Account {
  id: string;
  name: string;
  industry: string;
  segment: string | null;
  region: string | null;
  status: string;
  clientSince: string;
  churnedAt: string | null;
  churnReason: string | null;
  churnNotes: string | null;
}
// The score's explanation, exactly as the service's evaluator types it.
export type { ComponentResult, FiredRule, Signal };
export type RuleVersions = Record<string, { version: number; hash: string }>;
export interface ScoreDelta {
  from: number;
  to: number;
  delta: number;
  components: { id: string; name: string; delta: number; rulesAdded: string[]; rulesRemoved: string[]; factChanges: { fact: string; label: string; before: FactValue; after: FactValue }[] }[];
  tier?: { from: number; to: number };
  signalsAdded: string[];
  signalsRemoved: string[];
  summary: string;
}
/** An item of GET /accounts/:id/health/history. */
export interface HistoryItem {
  id: string;
  computedAt: string;
  trigger: string;
  score: number;
  band: string;
  tier: number;
  stage: number;
  scoreDelta: number | null;
  delta: ScoreDelta | null;
  ruleVersions: RuleVersions;
  signals: Signal[];
}
/** GET /accounts/:id/health: the current snapshot. */
export interface HealthSnapshot extends HistoryItem {
  components: ComponentResult[];
  tierName: string;
  tierReasons: FiredRule[];
  stageName: string;
  tenureBand: string;
  cadence: { touchpointKind: string; everyDays: number; daysSinceLast: number | null; applicable: boolean; overdue: boolean; description: string }[];
}
export interface Stakeholder {
  id: string;
  name: string;
  title: string | null;
  role: string;
  seniority: string;
  strength: string;
  metInPerson: boolean;
  reachesOutProactively: boolean;
  isFirmAlumnus: boolean;
  departedAt: string | null;
}
export interface Contract {
  id: string;
  kind: string;
  title: string;
  value: number | string;
  annualValue: number | string;
  currency: string;
  startDate: string;
  endDate: string | null;
  noticePeriodDays: number;
  autoRenew: boolean;
  renewalStatus: string;
}
export interface TeamAssignment {
  id: string;
  personId: string;
  role: string;
  fromDate: string;
  toDate: string | null;
}
export interface PlayInstance {
  id: string;
  workflowId: string;
  play: string;
  status: string;
  attention: string;
  outcome: string | null;
  reason: string | null;
  startedAt: string;
  closedAt: string | null;
  lastEvent: string | null;
}
export interface PlayStep {
  id: string;
  title: string;
  ownerRole: string;
  status: 'pending' | 'open' | 'done' | 'skipped' | 'cancelled';
  dueOn?: string;
  taskId?: string;
  completedAt?: string;
  completedBy?: string;
  escalated?: boolean;
}
export interface PlayState {
  play: string;
  status: string;
  attention: string;
  currentStep?: string;
  steps: PlayStep[];
  outcome?: string;
  history: { at: string; event: string; detail?: string }[];
}
export interface InboxItem {
  id: string;
  title: string;
  description: string | null;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  ownerRole: string;
  source: string;
  owner: { id: string; name: string } | null;
  play: { id: string; play: string; status: string } | null;
}
export interface List<T> {
  items: T[];
  total?: number;
}
