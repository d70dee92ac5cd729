import type { Logger } from 'pino';
import { installPluginsFor, PluginBootError } from './install-plugins.js';
import type { InstalledPlugins } from './installed-plugins.js';

/**
 * For the processes (API, worker, seeder): installs the configured plugins, or prints every
 * problem (file:line where there is one) and exits 1 without a stack trace.
 */
export async function installPluginsOrExit(config: Parameters<typeof installPluginsFor>[0], log: Logger): Promise<InstalledPlugins> {
  try {
    return await installPluginsFor(config);
  } catch (error) {
    if (!(error instanceof PluginBootError)) throw error;
    log.fatal({ problems: error.problems }, 'plugins cannot be installed');
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
