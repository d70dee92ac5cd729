import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';

export const APP_LOGGER = Symbol('APP_LOGGER');

/** The process's structured logger, injectable where services need to log. */
@Global()
@Module({})
export class LoggerModule {
  static forRoot(log: Logger): DynamicModule {
    return { module: LoggerModule, providers: [{ provide: APP_LOGGER, useValue: log }], exports: [APP_LOGGER] };
  }
}
