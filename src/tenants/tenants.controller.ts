import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { shortText, tenantId } from '../api/zod-fields.js';
import { parseOrThrow } from '../api/zod-issues.js';
import { assertOwnFirm } from './own-firm.js';
import { TenantId } from './tenant-id.decorator.js';
import { TenantsService } from './tenants.service.js';
import { Authenticated, PlatformOnly } from '../auth/policy.decorators.js';

export const tenantCreateSchema = z.strictObject({ id: tenantId(), name: shortText() });

@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @PlatformOnly()
  create(@Body() body: unknown) {
    const { id, name } = parseOrThrow(tenantCreateSchema, body, 'body');
    return this.tenants.create(id, name);
  }

  @Get()
  @PlatformOnly()
  list() {
    return this.tenants.list();
  }

  @Get(':id')
  @Authenticated()
  get(@Param('id') id: string, @TenantId() tenantId: string) {
    assertOwnFirm(id, tenantId);
    return this.tenants.get(id);
  }
}
