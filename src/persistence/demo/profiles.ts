import type { CHURN_REASONS } from '../../domain/vocabulary.js';
import type { DemoIndustry } from './roster.js';

export type Tier = 1 | 2 | 3 | 4;
export type Health = 'healthy' | 'cooling' | 'at_risk';
export type DemoAccountStatus = 'active' | 'churned' | 'won_back';
export type DemoChurnReason = (typeof CHURN_REASONS)[number];

/** Annual value bands of the relationship tiers (DOMAIN.md section 1): lower bound inclusive. */
export const TIER_LOWER_BOUNDS: Record<Tier, number> = { 1: 0, 2: 50_000, 3: 200_000, 4: 1_000_000 };

export function tierOfAnnualValue(annualValue: number): Tier {
  if (annualValue >= TIER_LOWER_BOUNDS[4]) return 4;
  if (annualValue >= TIER_LOWER_BOUNDS[3]) return 3;
  if (annualValue >= TIER_LOWER_BOUNDS[2]) return 2;
  return 1;
}

/** Deliberate features of an account's history, so demos and tests can find them. */
export type DemoStory =
  | 'new_client'
  | 'single_threaded'
  | 'departed_champion'
  | 'new_executive'
  | 'firm_alumnus'
  | 'quiet_between_campaigns'
  | 'unpaid_overdue'
  | 'over_budget'
  | 'recent_complaint'
  | 'competitor_mentioned'
  | 'team_change'
  | 'retiring_partner_lead'
  | 'owner_departing';

/**
 * What the generator intended for one account. Not a table: the data itself carries all of it
 * (tier = annual value, health = the activity pattern); this is the answer key for demos and tests.
 */
export interface DemoAccountProfile {
  index: number;
  accountId: string;
  name: string;
  industry: DemoIndustry;
  segment: string;
  region: string;
  tier: Tier;
  /** Annual value the contracts are sized to (at asOf; for churned accounts at churn). */
  targetAnnualValue: number;
  /** Trajectory at asOf; churned accounts carry the at-risk trajectory that preceded their exit. */
  health: Health;
  status: DemoAccountStatus;
  churnReason: DemoChurnReason | null;
  stories: DemoStory[];
}
