import { ForbiddenException, HttpException, HttpStatus, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { NotFound } from '../api/api-errors.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { currentRequest } from '../audit/request-context.js';
import { TENANT_HEADER } from '../tenants/tenant-id.decorator.js';
import { AccountAccess } from './account-access.js';
import { Authenticator } from './authenticator.js';
import { POLICY_KEY, type RoutePolicy } from './policy.decorators.js';
import { can, isAccountScoped, type Principal } from './principal.js';
import { RateLimiter } from './rate-limiter.js';
import { attachPrincipal } from './request-principal.js';

/**
 * The one gate of every route, deny by default: a route without a declared policy is refused.
 * Order: authenticate (401) → rate limit per credential (429) → platform/firm separation and the
 * firm header (403) → permission of the caller's roles (403) → the account a route names, for
 * account-scoped callers (404, as for an id of another firm).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly limiter: RateLimiter,
    private readonly access: AccountAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (!policy) throw new ForbiddenException('this route has no access policy');
    if (policy.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const principal = await this.authenticator.authenticate(request);
    if (!principal) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('authentication required: a Bearer token or an API key');
    }
    this.limit(principal, context.switchToHttp().getResponse<Response>());
    if (policy.kind === 'platform') {
      if (principal.kind !== 'platform') throw new ForbiddenException('only the platform operator may do this');
    } else {
      if (principal.kind === 'platform') throw new ForbiddenException('the platform key cannot act inside a firm');
      const header = request.headers[TENANT_HEADER];
      if (header !== undefined && header !== principal.tenantId) throw new ForbiddenException(`your credential belongs to firm ${principal.tenantId}, not ${String(header)}`);
      if (policy.kind === 'permission') {
        if (!can(principal, policy.permission)) throw new ForbiddenException(`your role (${principal.roles.join(', ')}) may not ${policy.permission}`);
        // Indistinguishable from a missing row: an account manager learns nothing about other accounts.
        const named = policy.account ? String(request.params[policy.account.param] ?? '') : '';
        if (policy.account && isAccountScoped(principal) && !(await this.access.canReach(principal, policy.account, named))) {
          throw new NotFound(`${policy.account.is} ${named} not found`);
        }
      }
    }
    attachPrincipal(request, principal);
    const requestContext = currentRequest();
    if (requestContext) requestContext.principal = principal; // the audit log attributes this request's changes
    return true;
  }

  private limit(principal: Principal, response: Response): void {
    const perMinute = principal.rateLimitPerMinute ?? this.config.RATE_LIMIT_PER_MINUTE;
    const wait = this.limiter.take(`${principal.kind}:${principal.subject}`, perMinute);
    if (wait > 0) {
      response.setHeader('Retry-After', String(wait));
      throw new HttpException(`rate limit of ${perMinute} requests per minute exceeded; retry in ${wait} s`, HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
