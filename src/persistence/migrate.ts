import { loadConfigOrExit } from '../config/load-config.js';
import { createLogger } from '../logging/logger.js';
import { dialectOf } from './orm-options.js';
import { openOrm } from './open-orm.js';

/** `node dist/src/persistence/migrate.js`: applies pending migrations, as its own step before the service boots. */
const config = loadConfigOrExit();
const log = createLogger(config.LOG_LEVEL, 'migrate');
const orm = await openOrm(config);
try {
  const applied = await orm.migrator.up();
  log.info({ dialect: dialectOf(config), applied: applied.map((m) => m.name) }, applied.length ? 'migrations applied' : 'schema up to date');
} finally {
  await orm.close(true);
}
