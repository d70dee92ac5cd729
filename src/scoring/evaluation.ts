import type { FactValue, FactValues } from '../facts/fact-definition.js';
import type { SignalSeverity } from '../rules/schema/signals-rule-set.schema.js';

/** A rule that fired, with the fact values it read: the raw material of every explanation. */
export interface FiredRule {
  id: string;
  description: string;
  points?: number;
  reason: string;
  facts: Record<string, FactValue>;
}

export interface ComponentResult {
  id: string;
  name: string;
  weight: number;
  points: number;
  rules: FiredRule[];
}

export interface SignalResult {
  id: string;
  name: string;
  category: string;
  severity: SignalSeverity;
  explanation: string;
  facts: Record<string, FactValue>;
}

export interface CadenceStatus {
  touchpointKind: string;
  everyDays: number;
  daysSinceLast: number | null;
  applicable: boolean;
  overdue: boolean;
  description: string;
}

export type HealthBand = 'healthy' | 'intervention' | 'critical';

/** Everything the rules concluded about one account at one instant. Pure data. */
export interface AccountEvaluation {
  score: number;
  band: HealthBand;
  components: ComponentResult[];
  tier: number;
  tierName: string;
  rawTier: number;
  tierBelowSince: string | null;
  tierReasons: FiredRule[];
  stage: number;
  stageName: string;
  tenureBand: string;
  signals: SignalResult[];
  /** Escalation protocols whose conditions hold now (firing is decided against the previous snapshot). */
  protocols: string[];
  cadence: CadenceStatus[];
  facts: FactValues;
}

/** What evaluation needs to know about the account's past. */
export interface ScoreHistory {
  previous?: { score: number; tier: number; tierBelowSince: string | null; protocols: string[]; computedAt: Date };
  /** Scores of snapshots in the 30 days before asOf, oldest first, with their instants. */
  recent: { at: Date; score: number }[];
  /** The latest score at or before asOf − 30 days, if any. */
  score30DaysAgo?: number;
}
