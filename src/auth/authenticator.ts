import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Request } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { ApiKey } from './api-key.entity.js';
import type { Principal } from './principal.js';
import { constantTimeEquals, parseApiKey, secretMatches } from './secrets.js';
import { InvalidToken, TokenVerifier } from './token-verifier.js';
import { User } from './user.entity.js';

export const PLATFORM_KEY_HEADER = 'x-platform-key';

/** Who is calling: a bearer token (user), an API key (integration) or the platform key (operator). Null: no credentials. */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly tokens: TokenVerifier,
  ) {}

  async authenticate(request: Request): Promise<Principal | null> {
    const platformKey = request.headers[PLATFORM_KEY_HEADER];
    if (typeof platformKey === 'string') return this.platform(platformKey);
    const apiKey = request.headers['x-api-key'];
    const authorization = request.headers.authorization;
    const bearer = typeof authorization === 'string' && /^Bearer\s+/i.test(authorization) ? authorization.replace(/^Bearer\s+/i, '').trim() : undefined;
    if (typeof authorization === 'string' && bearer === undefined) throw new UnauthorizedException('only Bearer credentials are accepted');
    const credential = typeof apiKey === 'string' ? apiKey : bearer;
    if (!credential) return null;
    return credential.startsWith('rk_') ? this.apiKey(credential) : this.user(credential);
  }

  private platform(key: string): Principal {
    if (!this.config.PLATFORM_ADMIN_KEY || !constantTimeEquals(key, this.config.PLATFORM_ADMIN_KEY)) throw new UnauthorizedException('invalid platform key');
    return { kind: 'platform', tenantId: null, subject: 'platform', name: 'platform operator', roles: [], personId: null };
  }

  private async apiKey(token: string): Promise<Principal> {
    const parsed = parseApiKey(token);
    const key = parsed ? await this.orm.em.fork().findOne(ApiKey, { id: parsed.keyId }) : null;
    if (!parsed || !key || key.revokedAt || !secretMatches(parsed.secret, key.secretHash)) throw new UnauthorizedException('invalid or revoked API key');
    return { kind: 'api-key', tenantId: key.tenantId, subject: key.id, name: `api-key:${key.name}`, roles: [key.role], personId: null, ...(key.rateLimitPerMinute ? { rateLimitPerMinute: key.rateLimitPerMinute } : {}) };
  }

  private async user(token: string): Promise<Principal> {
    let principal: Principal;
    try {
      principal = await this.tokens.verify(token);
    } catch (error) {
      throw new UnauthorizedException(error instanceof InvalidToken ? `invalid token: ${error.message}` : 'invalid token');
    }
    // The service's own users (uuid subjects) can be disabled after a token was issued: check on every request.
    const ownUser = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(principal.subject);
    const user = ownUser ? await this.orm.em.fork().findOne(User, { tenantId: principal.tenantId!, id: principal.subject }, { fields: ['id', 'disabledAt', 'roles', 'personId', 'name'] }) : null;
    if (user?.disabledAt) throw new UnauthorizedException('user disabled');
    // Roles and the person link as they are now, not as they were at sign-in: a demotion applies at once.
    return user ? { ...principal, roles: user.roles, personId: user.personId ?? null, name: user.name } : principal;
  }
}
