import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { shortText, tenantId } from '../api/zod-fields.js';
import { parseOrThrow } from '../api/zod-issues.js';
import { TenantsService } from './tenants.service.js';

export const tenantCreateSchema = z.strictObject({ id: tenantId(), name: shortText() });

@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  create(@Body() body: unknown) {
    const { id, name } = parseOrThrow(tenantCreateSchema, body, 'body');
    return this.tenants.create(id, name);
  }

  @Get()
  list() {
    return this.tenants.list();
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.tenants.get(id);
  }
}
