import { existsSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pluginContributionsOf, type PluginContributions } from '../plugin-api/retention-plugin.js';
import { pluginManifestSchema, type PluginManifest } from '../plugin-api/plugin-manifest.schema.js';
import { projectRoot } from '../rules/defaults/project-root.js';
import { parseJsonFile, readJsonDir, readJsonFile, type JsonFile } from './json-files.js';
import type { PluginSource } from './plugin-sources.js';

/** A plugin read from disk: manifest checked, code imported, data files read (not yet validated against the core). */
export interface LoadedPlugin {
  source: PluginSource;
  manifest: PluginManifest;
  /** The decorated plugin class (a Nest module), when the plugin has code. */
  moduleClass?: new (...args: never[]) => unknown;
  contributions: PluginContributions;
  rulePackFiles: JsonFile[];
  templateFiles: JsonFile[];
}

const runningFromSource = extname(fileURLToPath(import.meta.url)) === '.ts';

/**
 * The file to import for a manifest's entry. Published packages ship JavaScript. Plugins in this
 * repository are TypeScript: from source (tests) the .ts file is imported, from a build its
 * compiled twin under dist/.
 */
export function entryFile(root: string, entry: string): string {
  const direct = join(root, entry);
  const project = projectRoot();
  const inRepo = !relative(project, root).startsWith('..') && !root.includes('node_modules');
  if (runningFromSource && inRepo && entry.endsWith('.js') && existsSync(direct.replace(/\.js$/, '.ts'))) return direct.replace(/\.js$/, '.ts');
  if (!runningFromSource && inRepo && !existsSync(direct)) {
    const compiled = join(project, 'dist', relative(project, root), entry);
    if (existsSync(compiled)) return compiled;
  }
  return direct;
}

export async function loadPlugin(source: PluginSource, problems: string[]): Promise<LoadedPlugin | undefined> {
  const manifestFile = readJsonFile(join(source.root, 'plugin.json'), problems);
  if (!manifestFile) return undefined;
  const manifest = parseJsonFile(manifestFile, pluginManifestSchema, problems);
  if (!manifest) return undefined;
  let moduleClass: LoadedPlugin['moduleClass'];
  let contributions: PluginContributions = {};
  if (manifest.entry) {
    const file = entryFile(source.root, manifest.entry);
    if (!existsSync(file)) {
      problems.push(`${source.origin}: plugin '${manifest.id}': entry ${manifest.entry} not found (${file})`);
      return undefined;
    }
    let exported: unknown;
    try {
      exported = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
    } catch (error) {
      problems.push(`${source.origin}: plugin '${manifest.id}': importing ${manifest.entry} failed: ${(error as Error).message}`);
      return undefined;
    }
    const found = pluginContributionsOf(exported);
    if (!found) {
      problems.push(`${source.origin}: plugin '${manifest.id}': ${manifest.entry} must default-export a class decorated with @RetentionPlugin(...)`);
      return undefined;
    }
    moduleClass = exported as LoadedPlugin['moduleClass'];
    contributions = found;
  }
  return {
    source,
    manifest,
    moduleClass,
    contributions,
    rulePackFiles: readJsonDir(join(source.root, manifest.rules), problems),
    templateFiles: readJsonDir(join(source.root, manifest.playTemplates), problems),
  };
}
