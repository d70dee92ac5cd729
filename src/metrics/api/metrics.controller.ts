import { Controller, Get, Query } from '@nestjs/common';
import { Requires } from '../../auth/policy.decorators.js';
import { TenantId } from '../../tenants/tenant-id.decorator.js';
import { TenantsService } from '../../tenants/tenants.service.js';
import { DashboardService } from '../dashboard.service.js';
import { MetricFiguresService } from '../metric-figures.service.js';
import { MetricsScopeFactory } from '../metrics-scope.factory.js';
import { describeRequest, parseMetricsRequest } from './metrics-query.schema.js';

/** Retention metrics computed from the database (DOMAIN.md §9): every figure, and the monthly dashboard. */
@Controller('metrics')
@Requires('metrics.read')
export class MetricsController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly scopes: MetricsScopeFactory,
    private readonly figures: MetricFiguresService,
    private readonly dashboard: DashboardService,
  ) {}

  @Get()
  async all(@TenantId() tenantId: string, @Query() query: unknown) {
    await this.tenants.assertExists(tenantId);
    const request = parseMetricsRequest(query, new Date());
    return { ...describeRequest(request), figures: await this.figures.all(this.scopes.create(tenantId, request)) };
  }

  @Get('dashboard')
  async monthly(@TenantId() tenantId: string, @Query() query: unknown) {
    await this.tenants.assertExists(tenantId);
    const request = parseMetricsRequest(query, new Date());
    return { ...describeRequest(request), ...(await this.dashboard.build(this.scopes.create(tenantId, request))) };
  }
}
