import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { resolveJwtSecret } from './jwt-secret.js';
import type { Principal } from './principal.js';
import { callerClaims, LOCAL_AUDIENCE, LOCAL_ISSUER } from './token-claims.js';

export class InvalidToken extends Error {}

/**
 * Verifies bearer tokens: the service's own (HS256, console sign-in) and, when configured, those
 * of the firm's OIDC provider (JWKS), whose claim names are configurable.
 */
@Injectable()
export class TokenVerifier {
  private readonly secret: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.secret = resolveJwtSecret(config);
    if (config.AUTH_OIDC_JWKS_URL) this.jwks = createRemoteJWKSet(new URL(config.AUTH_OIDC_JWKS_URL));
  }

  async verify(token: string): Promise<Principal> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new InvalidToken('malformed token');
    }
    const payload = issuer === LOCAL_ISSUER ? await this.verifyLocal(token) : await this.verifyOidc(token, issuer);
    const claims = callerClaims.safeParse(payload);
    if (!claims.success) throw new InvalidToken('token lacks tenant or roles');
    const { sub, tenant, roles, name, personId } = claims.data;
    return { kind: 'user', tenantId: tenant, subject: sub, name: name ?? sub, roles, personId: personId ?? null };
  }

  private async verifyLocal(token: string): Promise<JWTPayload> {
    try {
      return (await jwtVerify(token, this.secret, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['HS256'] })).payload;
    } catch (error) {
      throw new InvalidToken((error as Error).message);
    }
  }

  private async verifyOidc(token: string, issuer: string | undefined): Promise<JWTPayload> {
    if (!this.jwks || !this.config.AUTH_OIDC_ISSUER || issuer !== this.config.AUTH_OIDC_ISSUER) throw new InvalidToken('unknown token issuer');
    try {
      const { payload } = await jwtVerify(token, this.jwks, { issuer: this.config.AUTH_OIDC_ISSUER, ...(this.config.AUTH_OIDC_AUDIENCE ? { audience: this.config.AUTH_OIDC_AUDIENCE } : {}) });
      const c = this.config;
      // Map the provider's claim names onto ours.
      return { sub: payload.sub, tenant: payload[c.AUTH_TENANT_CLAIM], roles: payload[c.AUTH_ROLES_CLAIM], name: payload.name ?? payload.email, personId: payload[c.AUTH_PERSON_CLAIM] ?? null };
    } catch (error) {
      throw new InvalidToken((error as Error).message);
    }
  }
}
