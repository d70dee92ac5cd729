import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Requires } from '../../auth/policy.decorators.js';
import { TenantId } from '../../tenants/tenant-id.decorator.js';
import { TenantsService } from '../../tenants/tenants.service.js';
import { MetricTablesService } from '../metric-tables.service.js';
import { MetricsScopeFactory } from '../metrics-scope.factory.js';
import { toCsv } from '../tables/csv-writer.js';
import { describeRequest, parseTableRequest } from './metrics-query.schema.js';

/** Metric tables: the catalogue, and one table as JSON or as a CSV download. */
@Controller('metrics/tables')
@Requires('metrics.read')
export class MetricTablesController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly scopes: MetricsScopeFactory,
    private readonly tables: MetricTablesService,
  ) {}

  @Get()
  async catalogue(@TenantId() tenantId: string) {
    await this.tenants.assertExists(tenantId);
    return { tables: this.tables.catalogue() };
  }

  @Get(':name')
  async table(@TenantId() tenantId: string, @Param('name') name: string, @Query() query: unknown, @Res({ passthrough: true }) res: Response) {
    await this.tenants.assertExists(tenantId);
    const known = this.tables.assertKnown(name);
    const request = parseTableRequest(query, new Date());
    const table = await this.tables.build(known, this.scopes.create(tenantId, request));
    if (request.format === 'csv') {
      const { from, asOfDay } = request.period;
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${known}_${from}_${asOfDay}.csv"`);
      return toCsv(table.columns, table.rows);
    }
    return { ...describeRequest(request), ...table };
  }
}
