import { Controller, Get, Inject, Query } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { z } from 'zod';
import { queryInt, uuid } from '../api/zod-fields.js';
import { parseOrThrow } from '../api/zod-issues.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { EscalationRecord } from './escalation-record.entity.js';
import { PLAY_COMMAND_STATUSES, PlayCommand } from './play-command.entity.js';
import { Requires } from '../auth/policy.decorators.js';

const recordQuery = z.strictObject({ accountId: uuid().optional(), limit: queryInt(1, 500).default(100) });
const commandQuery = z.strictObject({ accountId: uuid().optional(), status: z.enum(PLAY_COMMAND_STATUSES).optional(), limit: queryInt(1, 500).default(100) });

/** Read side of escalations: what fired, and the durable play commands it produced. */
@Controller()
export class EscalationsController {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM, private readonly tenants: TenantsService) {}

  @Get('escalations')
  @Requires('portfolio.read')
  async records(@TenantId() tenantId: string, @Query() query: unknown) {
    await this.tenants.assertExists(tenantId);
    const { accountId, limit } = parseOrThrow(recordQuery, query, 'query');
    const items = await this.orm.em.fork().find(EscalationRecord, { tenantId, ...(accountId ? { accountId } : {}) }, { orderBy: { firedAt: 'desc', id: 'asc' }, limit });
    return { items };
  }

  @Get('play-commands')
  @Requires('portfolio.read')
  async commands(@TenantId() tenantId: string, @Query() query: unknown) {
    await this.tenants.assertExists(tenantId);
    const { accountId, status, limit } = parseOrThrow(commandQuery, query, 'query');
    const items = await this.orm.em.fork().find(PlayCommand, { tenantId, ...(accountId ? { accountId } : {}), ...(status ? { status } : {}) }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
    return { items };
  }
}
