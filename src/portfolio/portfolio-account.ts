import type { SignalSeverity } from '../rules/schema/signals-rule-set.schema.js';

/** One row of GET /portfolio/accounts (a type-only file: the console imports it too). */
export interface PortfolioAccount {
  id: string;
  name: string;
  industry: string;
  status: string;
  tier: number | null;
  score: number | null;
  band: string | null;
  stage: number | null;
  change30d: number | null;
  severity: SignalSeverity | null;
  signalCount: number;
  criticalSignalCount: number;
  owner: { id: string; name: string } | null;
  nextRenewalOn: string | null;
  annualValue: number | null;
  computedAt: string | null;
}
