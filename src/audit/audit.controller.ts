import { Controller, Get, Query } from '@nestjs/common';
import { parseOrThrow } from '../api/zod-issues.js';
import { Requires } from '../auth/policy.decorators.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { auditQuery } from './audit.query.js';
import { AuditService } from './audit.service.js';

/** The firm's append-only audit log (administrators). */
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Requires('audit.read')
  list(@TenantId() tenantId: string, @Query() query: unknown) {
    return this.audit.list(tenantId, parseOrThrow(auditQuery, query, 'query'));
  }
}
