import { Controller, Get, Query } from '@nestjs/common';
import { parseOrThrow } from '../api/zod-issues.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { inboxQuery } from './inbox.query.js';
import { InboxService } from './inbox.service.js';

/** A person's work across plays, escalations and manual tasks (complete/reassign live in the plays API). */
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService, private readonly tenants: TenantsService) {}

  @Get()
  async list(@TenantId() tenantId: string, @Query() query: unknown) {
    const parsed = parseOrThrow(inboxQuery, query, 'query');
    await this.tenants.assertExists(tenantId);
    return this.inbox.list(tenantId, parsed);
  }
}
