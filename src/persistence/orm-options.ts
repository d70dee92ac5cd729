import { join } from 'node:path';
import type { Options as FullOptions } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import type { AppConfig } from '../config/config.schema.js';
import { AuditSubscriber } from '../audit/audit.subscriber.js';
import { ENTITIES } from './entities.js';
import { POSTGRESQL_MIGRATIONS } from './migrations/postgresql/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

export type Dialect = 'sqlite' | 'postgresql';

export function dialectOf(config: Pick<AppConfig, 'DATABASE_URL'>): Dialect {
  return config.DATABASE_URL ? 'postgresql' : 'sqlite';
}

export function sqlitePath(config: Pick<AppConfig, 'DATA_DIR' | 'SQLITE_FILE'>): string {
  return config.SQLITE_FILE === ':memory:' ? ':memory:' : join(config.DATA_DIR, config.SQLITE_FILE);
}

/**
 * ORM options for either dialect. Migrations are listed in code (not discovered on disk) so the
 * compiled service, the CLI and vitest all run the same classes.
 */
export type Options = Partial<FullOptions>;

export function ormOptions(config: AppConfig): Options {
  const dialect = dialectOf(config);
  const common = {
    entities: ENTITIES,
    // Changes made in a person's or integration's request are audited in the same flush.
    subscribers: [new AuditSubscriber()],
    extensions: [Migrator],
    debug: false,
    allowGlobalContext: false,
    // Each dialect keeps its own migration chain: the DDL differs.
    migrations: {
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      path: join('src/persistence/migrations', dialect),
      migrationsList: dialect === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRESQL_MIGRATIONS,
    },
    // SQLite's planner statistics (ANALYZE, see open-orm.ts) are not part of the schema.
    schemaGenerator: { skipTables: [/^sqlite_stat\d$/] },
  } satisfies Options;
  if (dialect === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: config.DATABASE_URL, pool: { min: 1, max: 10 } };
  }
  const dbName = sqlitePath(config);
  // A second connection for reads outside transactions: in WAL mode it reads committed data while
  // a long write transaction (a full rescoring chunk) holds the first, so API reads do not queue
  // behind it. (Not for :memory:, which is private to one connection.)
  const replicas = dbName === ':memory:' ? [] : [{ name: 'read', dbName }];
  return { ...common, driver: SqliteDriver, dbName, replicas };
}
