import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { PortfolioScope } from './data/portfolio-scope.js';
import type { MetricsRequest } from './api/metrics-query.schema.js';

/** A fresh scope (own EntityManager, empty caches) per metrics request. */
@Injectable()
export class MetricsScopeFactory {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  create(tenantId: string, request: MetricsRequest): PortfolioScope {
    return new PortfolioScope(this.orm.em.fork(), tenantId, request.period, request.filters);
  }
}
