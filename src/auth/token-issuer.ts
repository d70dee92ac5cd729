import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type CallerClaims } from './token-claims.js';

/** Signs the service's own sign-in tokens (the console's session). */
@Injectable()
export class TokenIssuer {
  private readonly secret: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.secret = resolveJwtSecret(config);
  }

  async issue(claims: CallerClaims): Promise<{ token: string; expiresAt: string }> {
    return signLocalToken(this.secret, claims, this.config.AUTH_TOKEN_TTL_MINUTES);
  }
}

export async function signLocalToken(secret: Uint8Array, claims: CallerClaims, ttlMinutes: number): Promise<{ token: string; expiresAt: string }> {
  const expires = Math.floor(Date.now() / 1000) + ttlMinutes * 60;
  const { sub, ...rest } = claims;
  const token = await new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(secret);
  return { token, expiresAt: new Date(expires * 1000).toISOString() };
}
