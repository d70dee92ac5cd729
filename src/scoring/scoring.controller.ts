import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { z } from 'zod';
import { NotFound } from '../api/api-errors.js';
import { queryInt, uuid } from '../api/zod-fields.js';
import { parseOrThrow } from '../api/zod-issues.js';
import { assertAccountExists } from '../accounts/find-account.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { HealthSnapshot } from './health-snapshot.entity.js';
import { ScoringService } from './scoring.service.js';
import { Requires } from '../auth/policy.decorators.js';

const historyQuery = z.strictObject({ limit: queryInt(1, 500).default(50) });
const rescoreBody = z.strictObject({ accountIds: z.array(uuid()).min(1).max(10_000).optional() });

/** Explained health: the current snapshot, its history with deltas, and manual rescoring. */
@Controller()
export class ScoringController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly scoring: ScoringService,
    private readonly tenants: TenantsService,
  ) {}

  @Get('accounts/:id/health')
  @Requires('accounts.read', { param: 'id', is: 'account' })
  async current(@TenantId() tenantId: string, @Param('id') accountId: string) {
    await this.tenants.assertExists(tenantId);
    const em = this.orm.em.fork();
    await assertAccountExists(em, tenantId, accountId);
    const [latest] = await em.find(HealthSnapshot, { tenantId, accountId }, { orderBy: { computedAt: 'desc', id: 'desc' }, limit: 1 });
    if (!latest) throw new NotFound(`no health snapshot for account ${accountId} (unknown account, churned, or not scored yet)`);
    return latest;
  }

  @Get('accounts/:id/health/history')
  @Requires('accounts.read', { param: 'id', is: 'account' })
  async history(@TenantId() tenantId: string, @Param('id') accountId: string, @Query() query: unknown) {
    await this.tenants.assertExists(tenantId);
    const { limit } = parseOrThrow(historyQuery, query, 'query');
    const em = this.orm.em.fork();
    await assertAccountExists(em, tenantId, accountId);
    const items = await em.find(HealthSnapshot, { tenantId, accountId }, {
      orderBy: { computedAt: 'desc', id: 'desc' },
      limit,
      fields: ['id', 'accountId', 'computedAt', 'trigger', 'score', 'band', 'tier', 'stage', 'scoreDelta', 'delta', 'ruleVersions', 'signals'],
    });
    return { items };
  }

  @Post('scoring/rescore')
  @Requires('scoring.rescore')
  @HttpCode(200)
  async rescore(@TenantId() tenantId: string, @Body() body: unknown) {
    await this.tenants.assertExists(tenantId);
    const { accountIds } = parseOrThrow(rescoreBody, body ?? {}, 'body');
    return this.scoring.rescore(tenantId, accountIds ?? 'all', 'manual');
  }
}
