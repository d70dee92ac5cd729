import { mkdirSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../config/config.schema.js';
import { dialectOf, ormOptions } from './orm-options.js';
import { releaseDeadConnections } from './release-dead-pg-connections.js';

/** Opens the ORM and applies per-connection settings (SQLite: WAL for concurrent readers, busy timeout; PostgreSQL: a pool that survives server crashes). */
export async function openOrm(config: AppConfig): Promise<MikroORM> {
  if (dialectOf(config) === 'sqlite' && config.SQLITE_FILE !== ':memory:') mkdirSync(config.DATA_DIR, { recursive: true });
  const orm = await MikroORM.init(ormOptions(config));
  if (dialectOf(config) === 'postgresql') {
    const connection = orm.em.getConnection() as unknown as { getNativeClient(): Promise<Parameters<typeof releaseDeadConnections>[0]> };
    releaseDeadConnections(await connection.getNativeClient());
  }
  if (dialectOf(config) === 'sqlite') {
    const connection = orm.em.getConnection();
    await connection.execute('pragma journal_mode = wal');
    await connection.execute('pragma busy_timeout = 5000');
    await connection.execute('pragma synchronous = normal');
    // The read connection (see orm-options.ts) waits too instead of failing while a checkpoint runs.
    if (orm.config.get('replicas')?.length) await orm.em.getConnection('read').execute('pragma busy_timeout = 5000');
  }
  return orm;
}

/**
 * Refreshes the planner's statistics after a bulk load (PostgreSQL: ANALYZE, which autovacuum
 * would do later). SQLite needs none: its queries are served by (tenant_id, account_id) and
 * (tenant_id, id) indexes whatever the statistics say (sampled statistics misled its planner).
 */
export async function refreshPlannerStatistics(orm: MikroORM): Promise<void> {
  if (orm.em.getPlatform().constructor.name === 'PostgreSqlPlatform') await orm.em.getConnection().execute('analyze');
}
