import { Module, type DynamicModule } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { DocsController } from './api/openapi/docs.controller.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';
import { HealthModule } from './health/health.module.js';
import { InboxModule } from './inbox/inbox.module.js';
import { IngestionModule } from './ingestion/ingestion.module.js';
import { FactsModule } from './facts/facts.module.js';
import { LoggerModule } from './logging/logger.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { RuleAuthoringModule } from './rule-authoring/rule-authoring.module.js';
import { ScoringModule } from './scoring/scoring.module.js';
import { PortfolioModule } from './portfolio/portfolio.module.js';
import { PlaysModule } from './plays/plays.module.js';
import { ScoringSchedulesModule } from './scoring/scoring-schedules.module.js';
import { PersistenceModule } from './persistence/persistence.module.js';
import { PluginAdminModule } from './plugin-host/plugin-admin.module.js';
import { PluginHostModule } from './plugin-host/plugin-host.module.js';
import type { InstalledPlugins } from './plugin-host/installed-plugins.js';
import { ResourcesModule } from './resources/resources.module.js';
import { TemporalModule } from './temporal/temporal.module.js';
import { TenantsModule } from './tenants/tenants.module.js';

/** Composes the domain modules around an already-opened ORM and validated config. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, orm: MikroORM, log: Logger, plugins: InstalledPlugins): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(log),
        PersistenceModule.forRoot(orm),
        PluginHostModule.forRoot(plugins),
        TemporalModule,
        AuthModule,
        AuditModule,
        TenantsModule,
        ResourcesModule,
        IngestionModule,
        FactsModule,
        ScoringModule,
        ScoringSchedulesModule,
        PlaysModule,
        RuleAuthoringModule,
        HealthModule,
        PluginAdminModule,
        PortfolioModule,
        InboxModule,
        MetricsModule,
      ],
      controllers: [DocsController],
    };
  }
}
