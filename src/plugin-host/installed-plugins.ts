import type { FactCatalog } from '../facts/fact-catalog.js';
import type { PluginContributions } from '../plugin-api/retention-plugin.js';
import type { PlayTemplateCatalog } from '../plays/play-template-catalog.js';
import type { DefaultRuleSets } from '../rules/defaults/default-rule-sets.js';
import type { OperatorRegistry } from '../rules/engine/operator-registry.js';
import type { PackDefault } from '../rules/packs/pack-default.js';

export const INSTALLED_PLUGINS = Symbol('INSTALLED_PLUGINS');

/** One plugin as installed: what it is and what it contributed. */
export interface InstalledPlugin {
  id: string;
  name: string;
  version: string;
  compatibility: string;
  industries: string[];
  description: string;
  origin: string;
  moduleClass?: new (...args: never[]) => unknown;
  contributions: PluginContributions;
  facts: string[];
  operators: string[];
  activities: string[];
  rulePacks: string[];
  playTemplates: string[];
}

/**
 * Everything the core needs from its plugins, built and validated once at boot: the fact catalog
 * and operator registry (core + plugins), the default rule sets with every pack validated against
 * them, and the play templates.
 */
export interface InstalledPlugins {
  coreVersion: string;
  plugins: InstalledPlugin[];
  catalog: FactCatalog;
  operators: OperatorRegistry;
  defaults: DefaultRuleSets;
  packs: PackDefault[];
  templates: PlayTemplateCatalog;
}
