import { Controller, Get, Query } from '@nestjs/common';
import { parseOrThrow } from '../api/zod-issues.js';
import { AccountAccess } from '../auth/account-access.js';
import type { Principal } from '../auth/principal.js';
import { CurrentPrincipal } from '../auth/request-principal.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { inboxQuery } from './inbox.query.js';
import { InboxService } from './inbox.service.js';
import { Requires } from '../auth/policy.decorators.js';

/** A person's work across plays, escalations and manual tasks (complete/reassign live in the plays API). */
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService, private readonly tenants: TenantsService, private readonly access: AccountAccess) {}

  @Get()
  @Requires('accounts.read')
  async list(@TenantId() tenantId: string, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const parsed = parseOrThrow(inboxQuery, query, 'query');
    await this.tenants.assertExists(tenantId);
    const accountIds = await this.access.accessibleAccountIds(principal);
    return this.inbox.list(tenantId, parsed, accountIds ? { accountIds, personId: principal.personId } : null);
  }
}
