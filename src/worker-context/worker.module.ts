import { Module, type DynamicModule } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { ConfigModule } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { FactsModule } from '../facts/facts.module.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { LoggerModule } from '../logging/logger.module.js';
import { PersistenceModule } from '../persistence/persistence.module.js';
import type { InstalledPlugins } from '../plugin-host/installed-plugins.js';
import { PluginHostModule } from '../plugin-host/plugin-host.module.js';
import { PlayStartingModule } from '../plays/play-starting.module.js';
import { ScoringModule } from '../scoring/scoring.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';

/** The domain services activities use, without the HTTP layer (an application context, not a server). */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, orm: MikroORM, log: Logger, plugins: InstalledPlugins): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), LoggerModule.forRoot(log), PersistenceModule.forRoot(orm), PluginHostModule.forRoot(plugins), TenantsModule, IngestionModule, FactsModule, ScoringModule, PlayStartingModule],
    };
  }
}
