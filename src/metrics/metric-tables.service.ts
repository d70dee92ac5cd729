import { Injectable } from '@nestjs/common';
import { NotFound } from '../api/api-errors.js';
import type { PortfolioScope } from './data/portfolio-scope.js';
import { TABLE_DEFINITIONS, TABLE_NAMES, type TableName } from './definitions/table-definitions.js';
import { MetricFiguresService } from './metric-figures.service.js';
import { churnByTenureTable, churnReasonsTable, winBackPipelineTable } from './tables/churn-tables.js';
import { figuresTable } from './tables/figures-table.js';
import type { TableBuilder, TableContent } from './tables/metric-table.js';
import { concentrationTable, tenureByTierTable, tierMixTable } from './tables/portfolio-tables.js';
import { retentionBySegmentTable, retentionTrendTable } from './tables/retention-tables.js';
import { atRiskBySeverityTable, atRiskTable, healthDistributionTable, touchpointCoverageTable } from './tables/risk-tables.js';

export interface MetricTable extends TableContent {
  name: TableName;
  label: string;
  definition: string;
}

/** The catalogue of tables and building one of them for a request's scope. */
@Injectable()
export class MetricTablesService {
  private readonly builders: Record<TableName, TableBuilder>;

  constructor(figures: MetricFiguresService) {
    this.builders = {
      'at-risk': atRiskTable,
      'at-risk-by-severity': atRiskBySeverityTable,
      concentration: concentrationTable,
      'tenure-by-tier': tenureByTierTable,
      'tier-mix': tierMixTable,
      'churn-reasons': churnReasonsTable,
      'churn-by-tenure': churnByTenureTable,
      'touchpoint-coverage': touchpointCoverageTable,
      'win-back-pipeline': winBackPipelineTable,
      'retention-by-segment': retentionBySegmentTable,
      'health-distribution': healthDistributionTable,
      'retention-trend': retentionTrendTable,
      figures: async (scope) => figuresTable(await figures.all(scope)),
    };
  }

  catalogue(): { name: TableName; label: string; definition: string }[] {
    return TABLE_NAMES.map((name) => ({ name, ...TABLE_DEFINITIONS[name] }));
  }

  /** Unknown names are a 404 listing the known ones. */
  assertKnown(name: string): TableName {
    if (!(TABLE_NAMES as string[]).includes(name)) throw new NotFound(`no metrics table '${name}'; tables: ${TABLE_NAMES.join(', ')}`);
    return name as TableName;
  }

  async build(name: TableName, scope: PortfolioScope): Promise<MetricTable> {
    return { name, ...TABLE_DEFINITIONS[name], ...(await this.builders[name](scope)) };
  }
}
