import { Global, Module } from '@nestjs/common';
import { INSTALLED_PLUGINS, type InstalledPlugins } from '../plugin-host/installed-plugins.js';
import { FactCatalog } from './fact-catalog.js';
import { FactsController } from './facts.controller.js';

/** The fact catalog: core providers now, plugin providers registered by the plugin host. */
@Global()
@Module({
  controllers: [FactsController],
  providers: [{ provide: FactCatalog, useFactory: (installed: InstalledPlugins) => installed.catalog, inject: [INSTALLED_PLUGINS] }],
  exports: [FactCatalog],
})
export class FactsModule {}
