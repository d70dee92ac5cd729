import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessController } from './access.controller.js';
import { AccessService } from './access.service.js';
import { AccountAccess } from './account-access.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { Authenticator } from './authenticator.js';
import { RateLimiter } from './rate-limiter.js';
import { TokenIssuer } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';

/** Authentication, the global deny-by-default guard, and users/API keys. Global: every module's routes need the guard's account scope. */
@Global()
@Module({
  controllers: [AuthController, AccessController],
  providers: [Authenticator, TokenVerifier, TokenIssuer, RateLimiter, AccountAccess, AccessService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccountAccess, TokenIssuer],
})
export class AuthModule {}
