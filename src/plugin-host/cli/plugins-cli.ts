import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../../config/load-config.js';
import { projectRoot } from '../../rules/defaults/project-root.js';
import { installPlugins, PluginBootError } from '../install-plugins.js';
import type { InstalledPlugins } from '../installed-plugins.js';

const USAGE = `usage: plugins <command>
  list                      the plugins this configuration installs (PLUGINS_DIR, PLUGIN_PACKAGES) and what each contributes
  validate [folder...]      install them exactly as the service does, plus the plugin folders given (a plugin you are
                            writing): manifest, code, facts, operators, rule packs and templates are checked against the
                            core and each other; problems as file:line:column
exit codes: 0 ok, 1 the plugins cannot be installed, 2 usage error`;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' } } });
const [command, ...folders] = positionals;
const config = loadConfigOrExit();
const pluginsDir = config.PLUGINS_DIR ?? join(projectRoot(), 'plugins');

/** A folder already inside PLUGINS_DIR is discovered there; naming it again must not count as a duplicate. */
function extraFolders(paths: string[]): string[] {
  const bundled = (() => {
    try {
      return realpathSync(pluginsDir);
    } catch {
      return undefined;
    }
  })();
  return paths.map((p) => resolve(p)).filter((p) => dirname(realpathSync(p)) !== bundled);
}

function describe(installed: InstalledPlugins): string {
  const lines = [`core ${installed.coreVersion}: ${installed.plugins.length} plugin(s)`];
  for (const p of installed.plugins) {
    lines.push(`  ${p.id}@${p.version} (${p.origin}) for ${p.industries.join(', ')}; compatible with core ${p.compatibility}`);
    lines.push(`    facts: ${p.facts.join(', ') || '-'}`);
    lines.push(`    operators: ${p.operators.join(', ') || '-'}; activities: ${p.activities.join(', ') || '-'}`);
    lines.push(`    rule packs: ${p.rulePacks.join(', ') || '-'}; play templates: ${p.playTemplates.join(', ') || '-'}; account attributes: ${p.contributions.accountAttributes ? 'yes' : 'no'}`);
  }
  return lines.join('\n');
}

async function run(): Promise<number> {
  if (command !== 'list' && command !== 'validate') {
    process.stderr.write(`${command ? `unknown command '${command}'\n` : ''}${USAGE}\n`);
    return 2;
  }
  if (command === 'list' && folders.length) {
    process.stderr.write(`list takes no folders\n${USAGE}\n`);
    return 2;
  }
  let installed: InstalledPlugins;
  try {
    installed = await installPlugins({ pluginsDir, packages: [...config.PLUGIN_PACKAGES, ...extraFolders(folders)], rulesDir: config.RULES_DIR, playTemplatesDir: config.PLAY_TEMPLATES_DIR });
  } catch (error) {
    if (!(error instanceof PluginBootError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ coreVersion: installed.coreVersion, plugins: installed.plugins.map(({ moduleClass: _, contributions: __, ...p }) => p) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${describe(installed)}\n`);
    if (command === 'validate') process.stdout.write('ok: every plugin installs cleanly\n');
  }
  return 0;
}

process.exitCode = await run();
