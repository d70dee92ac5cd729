import { Injectable } from '@nestjs/common';
import { AcquisitionCostsService } from './acquisition-costs/acquisition-costs.service.js';
import type { PortfolioScope } from './data/portfolio-scope.js';
import { trailingYear } from './period/metrics-period.js';
import { METRIC_IDS } from './definitions/metric-definitions.js';
import type { MetricFigure } from './definitions/metric-figure.js';
import { churnFigures, churnOf } from './families/churn.family.js';
import { coverageFigure, coverageOf } from './families/coverage.family.js';
import { economicsFigures } from './families/economics.family.js';
import { playsFigures, playsOf } from './families/plays.family.js';
import { portfolioFigures, portfolioOf } from './families/portfolio.family.js';
import { retentionFigures, retentionOver } from './families/retention.family.js';
import { detectionToIntervention, interventionTimingFigure, riskFigures, riskOf } from './families/risk.family.js';

/** Every scalar figure of a scope, in the catalogue's order (one family after another, sharing the scope's data). */
@Injectable()
export class MetricFiguresService {
  constructor(private readonly costs: AcquisitionCostsService) {}

  async all(scope: PortfolioScope): Promise<MetricFigure[]> {
    const { period } = scope;
    // Every revenue window the families read, in one scan of the invoices.
    scope.prefetchRevenue([period.current, period.previous, trailingYear(period)]);
    const figures = [
      ...portfolioFigures(await portfolioOf(scope), period.asOfDay),
      ...retentionFigures(await retentionOver(scope, period)),
      ...churnFigures(await churnOf(scope)),
      ...(await economicsFigures(scope, await this.costs.forPeriod(scope.tenantId, period.kind, period.asOfDay))),
      ...riskFigures(await riskOf(scope)),
      interventionTimingFigure(await detectionToIntervention(scope)),
      ...playsFigures(await playsOf(scope)),
      coverageFigure(await coverageOf(scope)),
    ];
    return figures.sort((a, b) => METRIC_IDS.indexOf(a.id) - METRIC_IDS.indexOf(b.id));
  }
}
