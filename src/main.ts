import 'reflect-metadata';
import { createHttpApp } from './app.factory.js';
import { loadConfigOrExit } from './config/load-config.js';
import { createLogger } from './logging/logger.js';
import { dialectOf } from './persistence/orm-options.js';
import { openOrm } from './persistence/open-orm.js';
import { PlayTemplatesInvalid } from './plays/play-template-catalog.js';
import { installPluginsOrExit } from './plugin-host/install-plugins-or-exit.js';
import { DefaultRulesInvalid } from './rules/defaults/default-rule-sets.js';

/** HTTP API process. Migrations are a separate step; boot refuses to run against an old schema. */
const config = loadConfigOrExit();
const log = createLogger(config.LOG_LEVEL, 'api');
// Plugins first: a conflict refuses the boot with every problem named, before anything else is touched.
const plugins = await installPluginsOrExit(config, log);
const orm = await openOrm(config);
const pending = await orm.migrator.getPending();
if (pending.length) {
  log.fatal({ pending: pending.map((m) => m.name) }, 'database schema is behind: run `node dist/src/persistence/migrate.js` (the start command does) first');
  await orm.close(true);
  process.exit(1);
}
let app: Awaited<ReturnType<typeof createHttpApp>>;
try {
  app = await createHttpApp(config, orm, log, plugins);
} catch (error) {
  // An invalid rule file or template names every problem; no stack trace needed.
  if (!(error instanceof DefaultRulesInvalid || error instanceof PlayTemplatesInvalid)) throw error;
  log.fatal(error.message);
  process.stderr.write(`${error.message}\n`);
  await orm.close(true);
  process.exit(1);
}
await app.listen(config.PORT, config.HOST);
log.info({ url: `http://${config.HOST}:${config.PORT}`, dialect: dialectOf(config) }, 'api listening');

// Nest's shutdown hooks close the HTTP server; the ORM closes after it.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await orm.close(true);
    process.exit(0);
  });
}
