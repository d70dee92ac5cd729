import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, type Type } from '@nestjs/common';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { CrudService } from './crud.service.js';
import type { ResourceDefinition } from './resource-definition.js';

/** Builds the REST controller of one resource; every resource gets the same five routes. */
export function crudControllerFor(def: ResourceDefinition): Type<unknown> {
  @Controller(def.path)
  class ResourceController {
    constructor(@Inject(CrudService) private readonly crud: CrudService) {}

    @Get()
    list(@TenantId() tenantId: string, @Query() query: Record<string, unknown>) {
      return this.crud.list(tenantId, def, query);
    }

    @Get(':id')
    get(@TenantId() tenantId: string, @Param('id') id: string) {
      return this.crud.get(tenantId, def, id);
    }

    @Post()
    create(@TenantId() tenantId: string, @Body() body: unknown) {
      return this.crud.create(tenantId, def, body);
    }

    @Patch(':id')
    update(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown) {
      return this.crud.update(tenantId, def, id, body);
    }

    @Delete(':id')
    @HttpCode(204)
    async remove(@TenantId() tenantId: string, @Param('id') id: string) {
      await this.crud.remove(tenantId, def, id);
    }
  }
  const name = def.path.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
  Object.defineProperty(ResourceController, 'name', { value: `${name}Controller` });
  return ResourceController;
}
