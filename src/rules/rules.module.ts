import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { FactCatalog } from '../facts/fact-catalog.js';
import { loadDefaultRuleSets } from './defaults/default-rule-sets.js';
import { OperatorRegistry } from './engine/operator-registry.js';
import { DEFAULT_RULE_SETS, RuleSetRegistry } from './registry/rule-set-registry.service.js';

/** Rule-set schemas, operators, the validated default files and the live-version registry. */
@Module({
  providers: [
    { provide: OperatorRegistry, useFactory: () => new OperatorRegistry() },
    // Boot fails here, naming file:line, when a default rule file is invalid.
    {
      provide: DEFAULT_RULE_SETS,
      useFactory: (catalog: FactCatalog, operators: OperatorRegistry, config: AppConfig) => loadDefaultRuleSets(catalog, operators, config.RULES_DIR),
      inject: [FactCatalog, OperatorRegistry, APP_CONFIG],
    },
    RuleSetRegistry,
  ],
  exports: [OperatorRegistry, DEFAULT_RULE_SETS, RuleSetRegistry],
})
export class RulesModule {}
