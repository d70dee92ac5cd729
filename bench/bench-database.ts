/**
 * A fresh database a benchmark owns: SQLite in a temp dir by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (created and dropped here, so a run
 * never meets rows of an earlier one and never touches the database the URL names).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface BenchDatabase {
  dialect: 'sqlite' | 'postgresql';
  /** Scratch dir (SQLite file, worker log); also DATA_DIR for PostgreSQL runs. */
  dir: string;
  /** The variables that point the app's config (ours and the worker's) at this database. */
  env: { DATA_DIR: string; SQLITE_FILE?: string; DATABASE_URL?: string };
  /** Deletes the temp dir, and drops the PostgreSQL database. Call after every connection closed. */
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'retention-bench-'));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  if (!serverUrl) return { dialect: 'sqlite', dir, env: { DATA_DIR: dir, SQLITE_FILE: 'retention.sqlite' }, drop: removeDir };

  const name = `retention_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    dialect: 'postgresql',
    dir,
    env: { DATA_DIR: dir, DATABASE_URL: url.toString() },
    drop: async () => {
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      await removeDir();
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
