import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from './principal.js';

type AuthenticatedRequest = Request & { principal?: Principal };

export function principalOf(request: Request): Principal | undefined {
  return (request as AuthenticatedRequest).principal;
}

export function attachPrincipal(request: Request, principal: Principal): void {
  (request as AuthenticatedRequest).principal = principal;
}

/** The authenticated caller (the guard has run). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = principalOf(ctx.switchToHttp().getRequest<Request>());
  if (!principal) throw new UnauthorizedException('authentication required');
  return principal;
});

/** Who acts, as recorded in audit logs and play histories: the caller's name, never a client-chosen header. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const principal = principalOf(ctx.switchToHttp().getRequest<Request>());
  if (!principal) throw new UnauthorizedException('authentication required');
  return principal.name;
});
