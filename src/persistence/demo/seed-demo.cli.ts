import { loadConfigOrExit } from '../../config/load-config.js';
import { createLogger } from '../../logging/logger.js';
import { addPluginDemoAttributes } from '../../plugin-host/demo-attributes.js';
import { installPluginsOrExit } from '../../plugin-host/install-plugins-or-exit.js';
import { openOrm } from '../open-orm.js';
import { seedDemoUsers } from './demo-users.js';
import { demoSeedSettingsFromEnv, seedDemoPortfolio, type DemoSeedSettings } from './seed-demo.js';

/**
 * `node dist/src/persistence/demo/seed-demo.cli.js`: seeds the demo tenant once (idempotent).
 * Env: DEMO_SEED (42), DEMO_ACCOUNTS (200), DEMO_AS_OF (YYYY-MM-DD, default today UTC),
 * DEMO_TENANT_ID ('demo'). Run after the migrations (`node dist/src/persistence/migrate.js`).
 */
const config = loadConfigOrExit();
const log = createLogger(config.LOG_LEVEL, 'seed-demo');

let settings: DemoSeedSettings;
try {
  settings = demoSeedSettingsFromEnv(process.env, new Date());
} catch (error) {
  process.stderr.write(`Invalid demo settings: ${(error as Error).message}\n`);
  process.exit(78); // EX_CONFIG, like loadConfigOrExit
}

// Installed plugins add their sample attributes (fiscal year ends, usage, conflict flags…).
const plugins = await installPluginsOrExit(config, log);
const orm = await openOrm(config);
try {
  const started = performance.now();
  const result = await seedDemoPortfolio(orm, { ...settings, decorate: (portfolio, asOf) => addPluginDemoAttributes(plugins, portfolio, asOf) });
  log.info(
    {
      tenantId: result.tenantId,
      seed: settings.seed,
      asOf: settings.asOf.toISOString().slice(0, 10),
      accounts: settings.accounts,
      created: result.created,
      counts: result.counts,
      ms: Math.round(performance.now() - started),
    },
    result.created ? 'demo portfolio seeded' : 'demo tenant already has accounts; nothing seeded',
  );
  // Users are seeded on their own so data folders from before sign-in existed get them too.
  const users = await seedDemoUsers(orm, result.tenantId);
  if (users) log.info({ tenantId: result.tenantId, users }, 'demo users created (one per role, see ./retention start)');
} catch (error) {
  log.error({ err: error }, 'demo seeding failed');
  process.exitCode = 1;
} finally {
  await orm.close(true);
}
