import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/config/load-config.js';
import type { AppConfig } from '../../src/config/config.schema.js';
import { TEST_JWT_SECRET, TEST_PLATFORM_KEY } from './test-credentials.js';

export interface TestDatabase {
  config: AppConfig;
  drop(): Promise<void>;
}

export interface TestDialect {
  name: 'sqlite' | 'postgresql';
  create(extraEnv?: Record<string, string>): Promise<TestDatabase>;
}

/** An unreachable Temporal so tests that don't need it never wait on one; fixed credentials secrets (tests/support/test-credentials.ts). */
const BASE_ENV = { TEMPORAL_ADDRESS: '127.0.0.1:1', LOG_LEVEL: 'silent', AUTH_JWT_SECRET: TEST_JWT_SECRET, PLATFORM_ADMIN_KEY: TEST_PLATFORM_KEY } as const;

const sqlite: TestDialect = {
  name: 'sqlite',
  async create(extraEnv = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'retention-test-'));
    return {
      config: loadConfig({ ...BASE_ENV, DATA_DIR: dir, SQLITE_FILE: 'test.sqlite', ...extraEnv }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/** A fresh database per call on the server named by TEST_DATABASE_URL (dropped afterwards). */
const postgresql = (adminUrl: string): TestDialect => ({
  name: 'postgresql',
  async create(extraEnv = {}) {
    const name = `retention_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      config: loadConfig({ ...BASE_ENV, DATABASE_URL: url.toString(), ...extraEnv }),
      drop: async () => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  },
});

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is configured (CI sets it). */
export function testDialects(): TestDialect[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [sqlite, postgresql(url)] : [sqlite];
}
