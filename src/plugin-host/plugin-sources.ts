import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** Where a plugin was found: its folder (holding plugin.json) and how to name it in messages. */
export interface PluginSource {
  root: string;
  origin: string;
}

/**
 * Plugins come from two places: every folder of `plugins/` that has a plugin.json, and the npm
 * packages (or folders) named in PLUGIN_PACKAGES. Packages resolve from the working directory,
 * like any dependency of the deployment.
 */
export function discoverPluginSources(pluginsDir: string, packages: readonly string[], cwd = process.cwd()): PluginSource[] {
  const sources: PluginSource[] = [];
  if (existsSync(pluginsDir)) {
    for (const entry of readdirSync(pluginsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const root = join(pluginsDir, entry.name);
      if (existsSync(join(root, 'plugin.json'))) sources.push({ root, origin: `plugins/${entry.name}` });
    }
  }
  const require = createRequire(join(cwd, 'package.json'));
  for (const spec of packages) {
    if (spec.startsWith('.') || isAbsolute(spec)) {
      const root = resolve(cwd, spec);
      if (!existsSync(join(root, 'plugin.json'))) throw new PluginSourceMissing(`PLUGIN_PACKAGES: ${spec}: no plugin.json in ${root}`);
      sources.push({ root, origin: spec });
      continue;
    }
    let manifest: string;
    try {
      manifest = require.resolve(`${spec}/plugin.json`);
    } catch {
      throw new PluginSourceMissing(`PLUGIN_PACKAGES: package '${spec}' is not installed (or has no plugin.json); install it next to the service (npm install ${spec})`);
    }
    sources.push({ root: dirname(manifest), origin: `package ${spec}` });
  }
  return sources;
}

export class PluginSourceMissing extends Error {}
