/**
 * Full-portfolio rescoring, end to end: facts from the database, all default rule sets,
 * snapshots stored, escalations detected. Seeds a generated portfolio into a fresh database
 * (SQLite in a temp dir, or PostgreSQL when DATABASE_URL is set), then rescores it twice:
 * cold (every account gets its first snapshot) and warm (nothing changed: facts + rules only).
 *
 *   node dist/bench/rescore-portfolio.js --accounts 10000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/logging/logger.js';
import { openOrm } from '../src/persistence/open-orm.js';
import { seedDemoPortfolio } from '../src/persistence/demo/seed-demo.js';
import { ScoringService } from '../src/scoring/scoring.service.js';
import { WorkerModule } from '../src/worker-context/worker.module.js';
import { installPluginsFor } from '../src/plugin-host/install-plugins.js';

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '200' }, seed: { type: 'string', default: '42' } } });
const accounts = Number(values.accounts);
const dir = mkdtempSync(join(tmpdir(), 'retention-bench-'));
const config = loadConfig({ ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', TEMPORAL_ADDRESS: '127.0.0.1:1' });
const log = createLogger('silent', 'bench');
const orm = await openOrm(config);
await orm.migrator.up();

let t = performance.now();
const seeded = await seedDemoPortfolio(orm, { tenantId: 'bench', seed: Number(values.seed), asOf: new Date(), accounts });
const seedMs = performance.now() - t;
const rows = Object.values(seeded.counts).reduce((a, b) => a + b, 0);

const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, orm, log, await installPluginsFor(config)), { logger: false });
const scoring = context.get(ScoringService);
const cold = await scoring.rescore('bench', 'all', 'manual');
const warm = await scoring.rescore('bench', 'all', 'manual');
await context.close();
await orm.close(true);
if (!process.env.DATABASE_URL) rmSync(dir, { recursive: true, force: true });

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
console.log(JSON.stringify({
  benchmark: 'rescore-portfolio',
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  database: process.env.DATABASE_URL ? 'postgresql' : 'sqlite',
  accounts, historyRows: rows, seedSeconds: Math.round(seedMs / 100) / 10,
  cold: { ...cold, accountsPerSecond: rate(cold.accounts, cold.ms) },
  warm: { ...warm, accountsPerSecond: rate(warm.accounts, warm.ms) },
}, null, 2));
