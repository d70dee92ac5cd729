import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Post, Req, UnauthorizedException } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Request } from 'express';
import { parseOrThrow } from '../api/zod-issues.js';
import { loginBody } from './access.schemas.js';
import { Authenticated, Public } from './policy.decorators.js';
import { permissionsOf } from './roles.js';
import type { Principal } from './principal.js';
import { RateLimiter } from './rate-limiter.js';
import { CurrentPrincipal } from './request-principal.js';
import { verifyPassword } from './secrets.js';
import { TokenIssuer } from './token-issuer.js';
import { User } from './user.entity.js';

/** Sign-in attempts allowed per minute per account, and per client address (offices share one behind NAT): guessing passwords is slow. */
const LOGIN_ATTEMPTS_PER_USER = 10;
const LOGIN_ATTEMPTS_PER_ADDRESS = 60;

/** Sign-in for people (the console) and "who am I". */
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly issuer: TokenIssuer,
    private readonly limiter: RateLimiter,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Body() body: unknown, @Req() request: Request) {
    const { tenant, email, password } = parseOrThrow(loginBody, body ?? {}, 'body');
    for (const [key, perMinute] of [[`login-ip:${request.ip}`, LOGIN_ATTEMPTS_PER_ADDRESS], [`login-user:${tenant}:${email.toLowerCase()}`, LOGIN_ATTEMPTS_PER_USER]] as const) {
      const wait = this.limiter.take(key, perMinute);
      if (wait > 0) {
        request.res?.setHeader('Retry-After', String(wait));
        throw new HttpException(`too many sign-in attempts; retry in ${wait} s`, HttpStatus.TOO_MANY_REQUESTS);
      }
    }
    const user = await this.orm.em.fork().findOne(User, { tenantId: tenant, email: email.toLowerCase() });
    const ok = await verifyPassword(password, user?.passwordHash);
    // One answer for unknown firm, unknown email, wrong password and disabled user.
    if (!user || !ok || user.disabledAt) throw new UnauthorizedException('wrong firm, email or password');
    const session = await this.issuer.issue({ sub: user.id, tenant, roles: user.roles, name: user.name, personId: user.personId ?? null });
    return { ...session, user: { id: user.id, email: user.email, name: user.name, roles: user.roles, personId: user.personId ?? null, tenant } };
  }

  @Get('me')
  @Authenticated()
  me(@CurrentPrincipal() principal: Principal) {
    return { ...principal, permissions: [...permissionsOf(principal.roles)].sort() };
  }
}
