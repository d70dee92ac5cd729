import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, type Type } from '@nestjs/common';
import { AccountAccess } from '../auth/account-access.js';
import { Requires } from '../auth/policy.decorators.js';
import type { Principal } from '../auth/principal.js';
import { CurrentPrincipal } from '../auth/request-principal.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import type { AccountScope } from './crud-access.js';
import { CrudService } from './crud.service.js';
import type { ResourceDefinition } from './resource-definition.js';

/** Builds the REST controller of one resource; every resource gets the same five routes. */
export function crudControllerFor(def: ResourceDefinition): Type<unknown> {
  @Controller(def.path)
  class ResourceController {
    constructor(@Inject(CrudService) private readonly crud: CrudService, @Inject(AccountAccess) private readonly access: AccountAccess) {}

    /** Null for callers who see the whole firm; the accounts (and own tasks) of an account manager otherwise. */
    private async scope(principal: Principal): Promise<AccountScope | null> {
      const accountIds = await this.access.accessibleAccountIds(principal);
      return accountIds ? { accountIds, personId: principal.personId } : null;
    }

    @Get()
    @Requires('accounts.read')
    async list(@TenantId() tenantId: string, @Query() query: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
      return this.crud.list(tenantId, def, query, await this.scope(principal));
    }

    @Get(':id')
    @Requires('accounts.read')
    async get(@TenantId() tenantId: string, @Param('id') id: string, @CurrentPrincipal() principal: Principal) {
      return this.crud.get(tenantId, def, id, await this.scope(principal));
    }

    @Post()
    @Requires('accounts.write')
    async create(@TenantId() tenantId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
      return this.crud.create(tenantId, def, body, await this.scope(principal));
    }

    @Patch(':id')
    @Requires('accounts.write')
    async update(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
      return this.crud.update(tenantId, def, id, body, await this.scope(principal));
    }

    @Delete(':id')
    @Requires('accounts.write')
    @HttpCode(204)
    async remove(@TenantId() tenantId: string, @Param('id') id: string, @CurrentPrincipal() principal: Principal) {
      await this.crud.remove(tenantId, def, id, await this.scope(principal));
    }
  }
  const name = def.path.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
  Object.defineProperty(ResourceController, 'name', { value: `${name}Controller` });
  return ResourceController;
}
