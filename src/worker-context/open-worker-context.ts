import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.schema.js';
import { NestPinoLogger } from '../logging/nest-pino-logger.js';
import { openOrm } from '../persistence/open-orm.js';
import { WorkerModule } from './worker.module.js';
import { installPluginsFor } from '../plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../plugin-host/installed-plugins.js';
import type { MikroORM } from '@mikro-orm/core';

export class PendingMigrations extends Error {}

/** Database + domain services for the worker's activities; refuses an outdated schema like the API. */
export async function openWorkerContext(config: AppConfig, log: Logger): Promise<{ context: INestApplicationContext; orm: MikroORM; plugins: InstalledPlugins }> {
  const plugins = await installPluginsFor(config);
  const orm = await openOrm(config);
  const pending = await orm.migrator.getPending();
  if (pending.length) {
    await orm.close(true);
    throw new PendingMigrations(`database schema is behind (${pending.map((m) => m.name).join(', ')}): run node dist/src/persistence/migrate.js first`);
  }
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, orm, log, plugins), { logger: new NestPinoLogger(log) });
  return { context, orm, plugins };
}
