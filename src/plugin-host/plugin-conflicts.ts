import { satisfies } from 'semver';
import { packItemKey } from '../rules/schema/rule-pack.schema.js';
import type { PackDefault } from '../rules/packs/pack-default.js';
import type { LoadedPlugin } from './load-plugin.js';

/** Two plugins with one id: the second would silently shadow the first. */
export function duplicateIds(plugins: readonly LoadedPlugin[]): string[] {
  const seen = new Map<string, LoadedPlugin>();
  const problems: string[] = [];
  for (const plugin of plugins) {
    const first = seen.get(plugin.manifest.id);
    if (first) problems.push(`duplicate plugin id '${plugin.manifest.id}': ${first.source.origin} and ${plugin.source.origin} both declare it; remove one`);
    else seen.set(plugin.manifest.id, plugin);
  }
  return problems;
}

/** A plugin built for another core version. */
export function incompatible(plugin: LoadedPlugin, coreVersion: string): string | undefined {
  const { id, version, compatibility } = plugin.manifest;
  if (satisfies(coreVersion, compatibility, { includePrerelease: true })) return undefined;
  return `plugin '${id}' ${version} (${plugin.source.origin}) requires core ${compatibility}, but this is core ${coreVersion}`;
}

/**
 * Two plugins overriding the same rule for the same accounts: which one wins would depend on load
 * order. Plugins serving disjoint industries may override the same rule (each for its own clients).
 */
export function overlappingOverrides(packs: readonly PackDefault[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < packs.length; i++) {
    for (let j = i + 1; j < packs.length; j++) {
      const [a, b] = [packs[i], packs[j]];
      if (a.document.extends !== b.document.extends || a.plugin === b.plugin) continue;
      const shared = a.industries.filter((industry) => b.industries.includes(industry));
      if (!shared.length) continue;
      const keysOf = (p: PackDefault) => new Set((p.document.override as unknown[]).map((item) => packItemKey(p.document, item)));
      const bKeys = keysOf(b);
      for (const key of keysOf(a)) {
        if (bKeys.has(key)) {
          problems.push(`plugins '${a.plugin}' (${a.file}) and '${b.plugin}' (${b.file}) both override ${a.document.extends} rule '${key}' for ${shared.join(', ')} accounts; only one plugin may override a rule`);
        }
      }
    }
  }
  return problems;
}
