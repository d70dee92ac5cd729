import type { MetricFigure } from '../../components/metric-card';
import type { Severity } from '../accounts/account-vocabulary';

/** GET /metrics/dashboard (contract: docs/metrics.md). */
export interface MetricsPeriod {
  kind: string;
  from: string;
  to: string;
}
export interface DashboardData {
  period: MetricsPeriod;
  filters: Record<string, unknown>;
  figures: MetricFigure[];
  retentionTrend: { month: string; logoRetention: number | null; grossRevenueRetention: number | null; netRevenueRetention: number | null }[];
  healthDistribution: { band: '0-39' | '40-59' | '60-79' | '80-100'; accounts: number }[];
  tierMix: { tier: 1 | 2 | 3 | 4; accounts: number; revenue: number }[];
  atRiskBySeverity: { severity: Severity; accounts: number }[];
  playsInFlight: { play: string; running: number }[];
  topChurnReasons: { reason: string; accounts: number; revenue: number }[];
}
export interface MetricTableSummary {
  name: string;
  label: string;
  definition: string;
}
export interface Person {
  id: string;
  name: string;
  title: string;
}
