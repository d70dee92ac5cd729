import { Global, Module } from '@nestjs/common';
import { createCoreFactCatalog } from './core-fact-providers.js';
import { FactCatalog } from './fact-catalog.js';
import { FactsController } from './facts.controller.js';

/** The fact catalog: core providers now, plugin providers registered by the plugin host. */
@Global()
@Module({
  controllers: [FactsController],
  providers: [{ provide: FactCatalog, useFactory: () => createCoreFactCatalog() }],
  exports: [FactCatalog],
})
export class FactsModule {}
