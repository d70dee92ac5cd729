import type { Severity } from './account-vocabulary';

/** One row of GET /portfolio/accounts. */
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
  severity: Severity | null;
  signalCount: number;
  criticalSignalCount: number;
  owner: { id: string; name: string } | null;
  nextRenewalOn: string | null;
  annualValue: number | null;
  computedAt: string | null;
}
export interface PortfolioPage {
  total: number;
  items: PortfolioAccount[];
}
