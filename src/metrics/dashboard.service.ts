import { Injectable } from '@nestjs/common';
import { AcquisitionCostsService } from './acquisition-costs/acquisition-costs.service.js';
import type { PortfolioScope } from './data/portfolio-scope.js';
import { DASHBOARD_METRIC_IDS } from './definitions/metric-definitions.js';
import type { MetricFigure } from './definitions/metric-figure.js';
import { churnOf, churnReasons } from './families/churn.family.js';
import { economicsFigures } from './families/economics.family.js';
import { playsFigures, playsInFlight, playsOf } from './families/plays.family.js';
import { portfolioOf, tierMix } from './families/portfolio.family.js';
import { retentionFigures, retentionOver, retentionTrend } from './families/retention.family.js';
import { healthDistribution, riskFigures, riskOf, severityCounts } from './families/risk.family.js';
import { trailingYear } from './period/metrics-period.js';

/** How many churn reasons the dashboard lists. */
const TOP_CHURN_REASONS = 5;

/** The monthly dashboard (DOMAIN.md §9): its figures and the breakdowns the console charts. */
@Injectable()
export class DashboardService {
  constructor(private readonly costs: AcquisitionCostsService) {}

  async build(scope: PortfolioScope) {
    const { period } = scope;
    scope.prefetchRevenue([period.current, period.previous, trailingYear(period)]);
    const retention = await retentionOver(scope, period);
    const risk = await riskOf(scope);
    const plays = await playsOf(scope);
    const economics = await economicsFigures(scope, await this.costs.forPeriod(scope.tenantId, period.kind, period.asOfDay));
    const all: MetricFigure[] = [...retentionFigures(retention), ...riskFigures(risk), ...playsFigures(plays), ...economics];
    const figures = DASHBOARD_METRIC_IDS.map((id) => all.find((f) => f.id === id)!);
    return {
      figures,
      retentionTrend: (await retentionTrend(scope)).map(({ month, logoRetention, grossRevenueRetention, netRevenueRetention }) => ({ month, logoRetention, grossRevenueRetention, netRevenueRetention })),
      healthDistribution: healthDistribution(risk),
      tierMix: tierMix(await portfolioOf(scope)),
      atRiskBySeverity: severityCounts(risk),
      playsInFlight: playsInFlight(plays),
      topChurnReasons: churnReasons(await churnOf(scope)).slice(0, TOP_CHURN_REASONS),
    };
  }
}
