import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ValidationFailed } from '../../api/api-errors.js';
import { zodIssuesToFieldIssues } from '../../api/zod-issues.js';
import { Requires } from '../../auth/policy.decorators.js';
import { TenantId } from '../../tenants/tenant-id.decorator.js';
import { TenantsService } from '../../tenants/tenants.service.js';
import { acquisitionCostBodySchema } from '../acquisition-costs/acquisition-cost.schema.js';
import { AcquisitionCostsService } from '../acquisition-costs/acquisition-costs.service.js';
import { parseCostPeriod } from '../acquisition-costs/cost-period.js';

/** What the firm spent to win clients, per year or quarter (CAC, CLV, payback and program ROI inputs). */
@Controller('metrics/acquisition-costs')
export class AcquisitionCostsController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly costs: AcquisitionCostsService,
  ) {}

  @Get()
  @Requires('metrics.read')
  async list(@TenantId() tenantId: string) {
    await this.tenants.assertExists(tenantId);
    return { items: await this.costs.list(tenantId) };
  }

  /** Idempotent upsert of one period's inputs ('YYYY' or 'YYYY-Qn'). */
  @Put(':period')
  @Requires('metrics.inputs')
  async put(@TenantId() tenantId: string, @Param('period') raw: string, @Body() body: unknown) {
    await this.tenants.assertExists(tenantId);
    const period = parseCostPeriod(raw);
    const issues = period ? [] : [{ path: 'path.period', code: 'invalid_format', message: `expected a year 'YYYY' or a quarter 'YYYY-Qn' (n = 1-4), got '${raw}'` }];
    // Body problems are reported together with a bad period.
    const parsed = acquisitionCostBodySchema.safeParse(body ?? {});
    const bodyIssues = parsed.success ? [] : zodIssuesToFieldIssues(parsed.error, 'body');
    if (!period || !parsed.success) throw new ValidationFailed([...issues, ...bodyIssues]);
    return this.costs.upsert(tenantId, period, parsed.data);
  }
}
