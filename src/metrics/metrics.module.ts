import { Module } from '@nestjs/common';
import { AcquisitionCostsController } from './api/acquisition-costs.controller.js';
import { MetricTablesController } from './api/metric-tables.controller.js';
import { MetricsController } from './api/metrics.controller.js';
import { AcquisitionCostsService } from './acquisition-costs/acquisition-costs.service.js';
import { DashboardService } from './dashboard.service.js';
import { MetricFiguresService } from './metric-figures.service.js';
import { MetricTablesService } from './metric-tables.service.js';
import { MetricsScopeFactory } from './metrics-scope.factory.js';

/** Retention metrics (DOMAIN.md §9): read-only over the domain data, plus the acquisition-cost inputs it owns. */
@Module({
  controllers: [MetricsController, MetricTablesController, AcquisitionCostsController],
  providers: [MetricsScopeFactory, AcquisitionCostsService, MetricFiguresService, DashboardService, MetricTablesService],
})
export class MetricsModule {}
