import type { PluginActivityDeps, PluginActivityInput, PluginActivityResult } from '../plugin-api/retention-plugin.js';
import type { InstalledPlugins } from '../plugin-host/installed-plugins.js';

/** Every plugin's activities, registered as `<plugin>.<name>` with the worker's dependencies bound. */
export function createPluginActivities(plugins: InstalledPlugins, deps: PluginActivityDeps): Record<string, (input: PluginActivityInput) => Promise<PluginActivityResult>> {
  const out: Record<string, (input: PluginActivityInput) => Promise<PluginActivityResult>> = {};
  for (const plugin of plugins.plugins) {
    for (const [name, activity] of Object.entries(plugin.contributions.activities ?? {})) {
      out[`${plugin.id}.${name}`] = (input) => activity(input, { ...deps, log: deps.log.child({ plugin: plugin.id, activity: name }) });
    }
  }
  return out;
}
