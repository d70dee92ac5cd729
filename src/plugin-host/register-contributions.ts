import type { FactCatalog } from '../facts/fact-catalog.js';
import type { FactProvider } from '../facts/fact-provider.js';
import type { OperatorRegistry } from '../rules/engine/operator-registry.js';
import type { LoadedPlugin } from './load-plugin.js';

const inNamespace = (plugin: string, name: string) => name.startsWith(`${plugin}.`) && name.length > plugin.length + 1;

/**
 * Registers a plugin's fact providers (computed for its industries only) and operators. Names must
 * carry the plugin's namespace; a clash with the core or another plugin is reported, not resolved.
 */
export function registerCodeContributions(plugin: LoadedPlugin, catalog: FactCatalog, operators: OperatorRegistry, problems: string[]): void {
  const { id, industries } = plugin.manifest;
  const where = `plugin '${id}' (${plugin.source.origin})`;
  for (const provider of plugin.contributions.facts ?? []) {
    if (!inNamespace(id, provider.id)) {
      problems.push(`${where}: fact provider '${provider.id}' must be named '${id}.<name>'`);
      continue;
    }
    const outside = provider.facts.filter((f) => !inNamespace(id, f.name)).map((f) => f.name);
    if (outside.length) {
      problems.push(`${where}: fact(s) ${outside.map((n) => `'${n}'`).join(', ')} must be named '${id}.<name>'`);
      continue;
    }
    const scoped: FactProvider = { id: provider.id, facts: provider.facts, industries, compute: (ctx) => provider.compute(ctx) };
    try {
      catalog.register(scoped);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  for (const operator of plugin.contributions.operators ?? []) {
    if (!inNamespace(id, operator.name)) {
      problems.push(`${where}: operator '${operator.name}' must be named '${id}.<name>'`);
      continue;
    }
    try {
      operators.register(operator, id);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  for (const name of Object.keys(plugin.contributions.activities ?? {})) {
    if (!/^[a-z][A-Za-z0-9]{0,60}$/.test(name)) problems.push(`${where}: activity '${name}' must be a bare camelCase name (the host prefixes '${id}.')`);
  }
}
