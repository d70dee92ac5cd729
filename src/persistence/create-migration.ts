import { loadConfigOrExit } from '../config/load-config.js';
import { dialectOf } from './orm-options.js';
import { openOrm } from './open-orm.js';

/**
 * Developer tool: diff the entities against a database migrated to the latest chain and write
 * the next migration file for this dialect (run once with SQLite, once with DATABASE_URL set).
 * Then add the new class to migrations/<dialect>/index.ts.
 */
const config = loadConfigOrExit();
const orm = await openOrm(config);
try {
  await orm.migrator.up();
  const result = await orm.migrator.create(`src/persistence/migrations/${dialectOf(config)}`);
  process.stdout.write(result.fileName ? `created ${result.fileName}\n` : 'no schema changes\n');
} finally {
  await orm.close(true);
}
