import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { AccountAttributesValidator } from './account-attributes.validator.js';
import { INSTALLED_PLUGINS, type InstalledPlugins } from './installed-plugins.js';

/**
 * Makes the installed plugins available to the core (catalog, operators, rule defaults, packs,
 * templates) and mounts each plugin's own Nest module. Installation happened before Nest started
 * (installPlugins), so a conflicting plugin never gets this far.
 */
@Global()
@Module({})
export class PluginHostModule {
  static forRoot(installed: InstalledPlugins): DynamicModule {
    return {
      module: PluginHostModule,
      imports: installed.plugins.flatMap((p) => (p.moduleClass ? [p.moduleClass as Type<unknown>] : [])),
      providers: [{ provide: INSTALLED_PLUGINS, useValue: installed }, AccountAttributesValidator],
      exports: [INSTALLED_PLUGINS, AccountAttributesValidator],
    };
  }
}
