import { Controller, Get, Inject, Param } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { computeFactsForAccounts } from './batch-fact-computer.js';
import { FactCatalog } from './fact-catalog.js';
import { Requires } from '../auth/policy.decorators.js';
import { assertAccountExists } from '../accounts/find-account.js';

@Controller()
export class FactsController {
  constructor(
    private readonly catalog: FactCatalog,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly tenants: TenantsService,
  ) {}

  /** Every fact a rule may reference: name, type, unit, label, how it is computed. */
  @Get('facts')
  @Requires('rules.read')
  list() {
    return { facts: this.catalog.definitions() };
  }

  /** An account's fact values right now. */
  @Get('accounts/:id/facts')
  @Requires('accounts.read', { param: 'id', is: 'account' })
  async forAccount(@TenantId() tenantId: string, @Param('id') id: string) {
    await this.tenants.assertExists(tenantId);
    const em = this.orm.em.fork();
    await assertAccountExists(em, tenantId, id);
    const asOf = new Date();
    const facts = await computeFactsForAccounts(this.catalog, em, tenantId, [id], asOf);
    return { accountId: id, asOf: asOf.toISOString(), facts: facts.get(id) };
  }
}
