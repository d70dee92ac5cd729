import { join, relative } from 'node:path';
import type { AppConfig } from '../config/config.schema.js';
import { createCoreFactCatalog } from '../facts/core-fact-providers.js';
import { playTemplateSchema } from '../plays/play-template.schema.js';
import { loadPlayTemplates } from '../plays/play-template-catalog.js';
import { canonicalHash } from '../rules/defaults/canonical-hash.js';
import { loadDefaultRuleSets } from '../rules/defaults/default-rule-sets.js';
import { projectRoot } from '../rules/defaults/project-root.js';
import { OperatorRegistry } from '../rules/engine/operator-registry.js';
import type { PackDefault } from '../rules/packs/pack-default.js';
import { rulePackId } from '../rules/schema/rule-pack.schema.js';
import { validateRulePack } from '../rules/validation/rule-pack-validator.js';
import type { PlayTemplate } from '../../workflows/shared/play-types.js';
import { coreVersion } from './core-version.js';
import type { InstalledPlugin, InstalledPlugins } from './installed-plugins.js';
import { locate, parseJsonFile } from './json-files.js';
import { loadPlugin, type LoadedPlugin } from './load-plugin.js';
import { duplicateIds, incompatible, overlappingOverrides } from './plugin-conflicts.js';
import { discoverPluginSources, PluginSourceMissing, type PluginSource } from './plugin-sources.js';
import { registerCodeContributions } from './register-contributions.js';

export class PluginBootError extends Error {
  constructor(readonly problems: string[]) {
    super(`plugins cannot be installed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface PluginInstallOptions {
  pluginsDir?: string;
  /** npm package names or folders (PLUGIN_PACKAGES). */
  packages?: readonly string[];
  rulesDir?: string;
  playTemplatesDir?: string;
  coreVersion?: string;
}

/**
 * Boot-time installation: discover, load, check every contribution with its schema and against
 * the core and each other, then build the catalog, operators, rule defaults, packs and templates.
 * Any problem refuses the boot, all problems listed at once.
 */
export async function installPlugins(options: PluginInstallOptions = {}): Promise<InstalledPlugins> {
  const version = options.coreVersion ?? coreVersion();
  const problems: string[] = [];
  const loaded: LoadedPlugin[] = [];
  let sources: PluginSource[];
  try {
    sources = discoverPluginSources(options.pluginsDir ?? join(projectRoot(), 'plugins'), options.packages ?? []);
  } catch (error) {
    if (error instanceof PluginSourceMissing) throw new PluginBootError([error.message]);
    throw error;
  }
  for (const source of sources) {
    const plugin = await loadPlugin(source, problems);
    if (plugin) loaded.push(plugin);
  }
  problems.push(...duplicateIds(loaded));
  const compatible = loaded.filter((plugin) => {
    const problem = incompatible(plugin, version);
    if (problem) problems.push(problem);
    return !problem;
  });
  if (problems.length) throw new PluginBootError(problems);

  const catalog = createCoreFactCatalog();
  const operators = new OperatorRegistry();
  for (const plugin of compatible) registerCodeContributions(plugin, catalog, operators, problems);
  if (problems.length) throw new PluginBootError(problems);

  const defaults = await loadDefaultRuleSets(catalog, operators, options.rulesDir);
  const packs: PackDefault[] = [];
  for (const plugin of compatible) packs.push(...validatePacks(plugin, defaults.bundle, catalog, operators, problems));
  problems.push(...overlappingOverrides(packs));

  const templates = loadPlayTemplates(options.playTemplatesDir);
  const pluginTemplates = new Map<string, string[]>();
  for (const plugin of compatible) pluginTemplates.set(plugin.manifest.id, registerTemplates(plugin, compatible, templates, problems));
  if (problems.length) throw new PluginBootError(problems);

  const plugins: InstalledPlugin[] = compatible.map((plugin) => ({
    id: plugin.manifest.id,
    name: plugin.manifest.name,
    version: plugin.manifest.version,
    compatibility: plugin.manifest.compatibility,
    industries: [...plugin.manifest.industries],
    description: plugin.manifest.description,
    origin: plugin.source.origin,
    moduleClass: plugin.moduleClass,
    contributions: plugin.contributions,
    facts: (plugin.contributions.facts ?? []).flatMap((p) => p.facts.map((f) => f.name)),
    operators: (plugin.contributions.operators ?? []).map((o) => o.name),
    activities: Object.keys(plugin.contributions.activities ?? {}).map((name) => `${plugin.manifest.id}.${name}`),
    rulePacks: packs.filter((p) => p.plugin === plugin.manifest.id).map((p) => p.id),
    playTemplates: pluginTemplates.get(plugin.manifest.id) ?? [],
  }));
  return { coreVersion: version, plugins, catalog, operators, defaults, packs, templates };
}

/** installPlugins with the process configuration (plugins dir, packages, rule and template folders). */
export function installPluginsFor(config: Pick<AppConfig, 'PLUGINS_DIR' | 'PLUGIN_PACKAGES' | 'RULES_DIR' | 'PLAY_TEMPLATES_DIR'>): Promise<InstalledPlugins> {
  return installPlugins({ pluginsDir: config.PLUGINS_DIR, packages: config.PLUGIN_PACKAGES, rulesDir: config.RULES_DIR, playTemplatesDir: config.PLAY_TEMPLATES_DIR });
}

function validatePacks(plugin: LoadedPlugin, base: InstalledPlugins['defaults']['bundle'], catalog: InstalledPlugins['catalog'], operators: OperatorRegistry, problems: string[]): PackDefault[] {
  const out: PackDefault[] = [];
  const { id, industries } = plugin.manifest;
  for (const json of plugin.rulePackFiles) {
    const file = displayPath(json.file);
    const result = validateRulePack(json.raw, { catalog, operators, plugin: id, base });
    for (const issue of result.issues.filter((i) => i.severity === 'error')) problems.push(locate(file, json.text, issue.path, issue.message));
    if (!result.document) continue;
    const packId = rulePackId(id, result.document.extends);
    const twin = out.find((p) => p.id === packId);
    if (twin) {
      problems.push(`${file}: plugin '${id}' has two packs extending ${result.document.extends} (also ${twin.file}); merge them`);
      continue;
    }
    out.push({ id: packId, plugin: id, industries, document: result.document, hash: canonicalHash(result.document), file });
  }
  return out;
}

function registerTemplates(plugin: LoadedPlugin, all: readonly LoadedPlugin[], catalog: InstalledPlugins['templates'], problems: string[]): string[] {
  const ids: string[] = [];
  const activities = new Set(all.flatMap((p) => Object.keys(p.contributions.activities ?? {}).map((name) => `${p.manifest.id}.${name}`)));
  for (const json of plugin.templateFiles) {
    const file = displayPath(json.file);
    const parsed = parseJsonFile({ ...json, file }, playTemplateSchema, problems);
    if (!parsed) continue;
    const { $schema: _, ...template } = parsed;
    if (!template.id.startsWith(`${plugin.manifest.id}.`)) {
      problems.push(locate(file, json.text, 'id', `template ids of plugin '${plugin.manifest.id}' must start with '${plugin.manifest.id}.'`));
      continue;
    }
    template.steps.forEach((step, index) => {
      if (step.activity && !activities.has(step.activity)) problems.push(locate(file, json.text, `steps[${index}].activity`, `no installed plugin provides activity '${step.activity}'`));
    });
    try {
      catalog.register({ ...template, plugin: plugin.manifest.id, industries: [...plugin.manifest.industries] } as PlayTemplate, file);
      ids.push(template.id);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return ids;
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
