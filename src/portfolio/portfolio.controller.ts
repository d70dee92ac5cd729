import { Controller, Get, Query } from '@nestjs/common';
import { parseOrThrow } from '../api/zod-issues.js';
import { AccountAccess } from '../auth/account-access.js';
import type { Principal } from '../auth/principal.js';
import { CurrentPrincipal } from '../auth/request-principal.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { portfolioAccountsQuery } from './portfolio-accounts.query.js';
import { PortfolioAccountsService } from './portfolio-accounts.service.js';
import { Requires } from '../auth/policy.decorators.js';

/** Read views across the portfolio for people (the console): accounts with their current health. */
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly accounts: PortfolioAccountsService, private readonly tenants: TenantsService, private readonly access: AccountAccess) {}

  @Get('accounts')
  @Requires('accounts.read')
  async list(@TenantId() tenantId: string, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const parsed = parseOrThrow(portfolioAccountsQuery, query, 'query');
    await this.tenants.assertExists(tenantId);
    return this.accounts.list(tenantId, parsed, await this.access.accessibleAccountIds(principal));
  }
}
