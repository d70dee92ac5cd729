import { Module } from '@nestjs/common';
import { INSTALLED_PLUGINS, type InstalledPlugins } from '../plugin-host/installed-plugins.js';
import { OperatorRegistry } from './engine/operator-registry.js';
import { DEFAULT_RULE_SETS, RULE_PACKS, RuleSetRegistry } from './registry/rule-set-registry.service.js';

/**
 * Operators, the validated default rule files, plugin rule packs and the live-version registry.
 * The plugin host built and validated all of them at boot (naming file:line on any problem).
 */
@Module({
  providers: [
    { provide: OperatorRegistry, useFactory: (installed: InstalledPlugins) => installed.operators, inject: [INSTALLED_PLUGINS] },
    { provide: DEFAULT_RULE_SETS, useFactory: (installed: InstalledPlugins) => installed.defaults, inject: [INSTALLED_PLUGINS] },
    { provide: RULE_PACKS, useFactory: (installed: InstalledPlugins) => installed.packs, inject: [INSTALLED_PLUGINS] },
    RuleSetRegistry,
  ],
  exports: [OperatorRegistry, DEFAULT_RULE_SETS, RULE_PACKS, RuleSetRegistry],
})
export class RulesModule {}
