import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { tenantId } from '../api/zod-fields.js';
import { parseOrThrow } from '../api/zod-issues.js';

export const TENANT_HEADER = 'x-tenant-id';

/** The firm a request acts for, from the `x-tenant-id` header (authentication will bind it to the caller). */
export const TenantId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<Request>();
  return parseOrThrow(tenantId(), request.headers[TENANT_HEADER] ?? '', `header ${TENANT_HEADER}`);
});
