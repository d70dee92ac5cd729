import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { parseOrThrow } from '../api/zod-issues.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { apiKeyCreateBody, userCreateBody, userUpdateBody } from './access.schemas.js';
import { AccessService } from './access.service.js';
import { Requires } from './policy.decorators.js';
import { Actor } from './request-principal.js';

/** Firm administrators manage who signs in (users, roles) and which integrations call (API keys). */
@Controller()
export class AccessController {
  constructor(private readonly access: AccessService) {}

  @Get('users')
  @Requires('access.manage')
  users(@TenantId() tenantId: string) {
    return this.access.users(tenantId).then((items) => ({ items }));
  }

  @Post('users')
  @Requires('access.manage')
  createUser(@TenantId() tenantId: string, @Body() body: unknown) {
    return this.access.createUser(tenantId, parseOrThrow(userCreateBody, body, 'body'));
  }

  @Patch('users/:id')
  @Requires('access.manage')
  updateUser(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown) {
    return this.access.updateUser(tenantId, id, parseOrThrow(userUpdateBody, body, 'body'));
  }

  @Get('api-keys')
  @Requires('access.manage')
  apiKeys(@TenantId() tenantId: string) {
    return this.access.apiKeys(tenantId).then((items) => ({ items }));
  }

  @Post('api-keys')
  @Requires('access.manage')
  createApiKey(@TenantId() tenantId: string, @Body() body: unknown, @Actor() actor: string) {
    return this.access.createApiKey(tenantId, parseOrThrow(apiKeyCreateBody, body, 'body'), actor);
  }

  @Delete('api-keys/:id')
  @Requires('access.manage')
  revokeApiKey(@TenantId() tenantId: string, @Param('id') id: string) {
    return this.access.revokeApiKey(tenantId, id);
  }
}
