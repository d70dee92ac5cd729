import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { principalOf } from '../auth/request-principal.js';

/** Optional on requests: when sent, it must name the caller's own firm (the guard checks). */
export const TENANT_HEADER = 'x-tenant-id';

/** The firm a request acts for: always the authenticated caller's own, never a client-chosen value. */
export const TenantId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const principal = principalOf(ctx.switchToHttp().getRequest<Request>());
  if (!principal?.tenantId) throw new UnauthorizedException('authentication required');
  return principal.tenantId;
});
