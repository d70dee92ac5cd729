import { Global, Module, type DynamicModule } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';

/**
 * Provides the ORM opened (and migrated) before Nest starts. Services fork their own
 * EntityManager per unit of work, so no request-scoped global context is needed.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(orm: MikroORM): DynamicModule {
    return { module: PersistenceModule, providers: [{ provide: MikroORM, useValue: orm }], exports: [MikroORM] };
  }
}
