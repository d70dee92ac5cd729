/**
 * Full-portfolio rescoring, end to end: facts from the database, all default rule sets plus the
 * plugins' packs for their industries, snapshots stored, escalations detected. Seeds a generated
 * portfolio (the demo generator with the plugins' sample attributes) into a database (SQLite in a
 * folder, or PostgreSQL when DATABASE_URL is set), then rescores it twice through ScoringService:
 * cold (every account gets its first snapshot, every escalation fires) and warm (nothing changed:
 * facts + rules, no snapshot writes).
 *
 *   node dist/bench/rescore-portfolio.js --accounts 10000
 *   node --max-old-space-size=16384 dist/bench/rescore-portfolio.js --accounts 100000 --data-dir /tmp/bench-100k
 *
 * --data-dir keeps the seeded SQLite file for the next run (seeding 100,000 accounts takes
 * minutes; --seed-only stops after seeding); scoring results of a previous run are cleared
 * first, so "cold" stays cold. On PostgreSQL the seeded tenant is reused the same way.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import type { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/logging/logger.js';
import { openOrm } from '../src/persistence/open-orm.js';
import { countTenantRows, seedDemoPortfolio } from '../src/persistence/demo/seed-demo.js';
import { addPluginDemoAttributes } from '../src/plugin-host/demo-attributes.js';
import { installPluginsFor } from '../src/plugin-host/install-plugins.js';
import { ScoringService, type RescoreStats } from '../src/scoring/scoring.service.js';
import { WorkerModule } from '../src/worker-context/worker.module.js';
import { machineInfo } from './machine.js';

const TARGET_ACCOUNTS_PER_SECOND = 100_000 / 30;

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '200' }, seed: { type: 'string', default: '42' }, 'data-dir': { type: 'string' }, 'seed-only': { type: 'boolean', default: false }, tenant: { type: 'string' } } });
const accounts = Number(values.accounts);
// One tenant per portfolio size and seed: a database (PostgreSQL) can hold several, each reused by its own runs.
const TENANT = values.tenant ?? `bench-${accounts}-${values.seed}`;
const keep = values['data-dir'];
const dir = keep ?? mkdtempSync(join(tmpdir(), 'retention-bench-'));
mkdirSync(dir, { recursive: true });
const machine = machineInfo();
const config = loadConfig({ ...process.env, DATA_DIR: dir, SQLITE_FILE: `bench-${accounts}-${values.seed}.sqlite`, LOG_LEVEL: 'silent', TEMPORAL_ADDRESS: '127.0.0.1:1' });
const log = createLogger('silent', 'bench');
const plugins = await installPluginsFor(config);
const orm = await openOrm(config);
await orm.migrator.up();

let t = performance.now();
const seeded = await seedDemoPortfolio(orm, { tenantId: TENANT, seed: Number(values.seed), asOf: new Date(), accounts, decorate: (portfolio, asOf) => addPluginDemoAttributes(plugins, portfolio, asOf) });
const seedMs = performance.now() - t;
const rows = Object.values(seeded.created ? seeded.counts : await countTenantRows(orm.em.fork(), TENANT)).reduce((a, b) => a + b, 0);
if (!seeded.created) await clearScoring(orm);
if (values['seed-only']) {
  await orm.close(true);
  console.log(JSON.stringify({ benchmark: 'rescore-portfolio', seeded: seeded.created ? { seconds: Math.round(seedMs / 100) / 10 } : 'reused', accounts, historyRows: rows, dataDir: dir }));
  process.exit(0);
}

const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, orm, log, plugins), { logger: false });
const scoring = context.get(ScoringService);
const cold = await scoring.rescore(TENANT, 'all', 'manual');
const warm = await scoring.rescore(TENANT, 'all', 'manual');
await context.close();
await orm.close(true);
if (!keep && !process.env.DATABASE_URL) rmSync(dir, { recursive: true, force: true });

const rate = (s: RescoreStats) => Math.round((s.accounts / s.ms) * 1000);
const perAccount = (s: RescoreStats) => Object.fromEntries(Object.entries(s.phases).map(([k, v]) => [k, Math.round((v / Math.max(1, s.accounts)) * 1000) / 1000]));
console.log(JSON.stringify({
  benchmark: 'rescore-portfolio',
  machine,
  database: process.env.DATABASE_URL ? 'postgresql' : 'sqlite',
  plugins: plugins.plugins.map((p) => p.id),
  accounts,
  historyRows: rows,
  seeded: seeded.created ? { seconds: Math.round(seedMs / 100) / 10 } : 'reused',
  cold: { ...cold, accountsPerSecond: rate(cold), msPerAccountByPhase: perAccount(cold) },
  warm: { ...warm, accountsPerSecond: rate(warm), msPerAccountByPhase: perAccount(warm) },
  targets: [{ name: 'full-portfolio rescoring (cold, end to end)', target: `>= ${Math.round(TARGET_ACCOUNTS_PER_SECOND)} accounts/s (100,000 in 30 s)`, measured: `${rate(cold)} accounts/s`, met: rate(cold) >= TARGET_ACCOUNTS_PER_SECOND }],
}, null, 2));

/** A reused database keeps its history; the previous run's scoring results go, so the cold run is cold again. */
async function clearScoring(db: MikroORM): Promise<void> {
  const conn = db.em.getConnection();
  for (const table of ['health_snapshots', 'account_health', 'escalation_records', 'play_commands']) await conn.execute(`delete from ${table} where tenant_id = ?`, [TENANT]);
  await conn.execute(`delete from tasks where tenant_id = ? and source = 'escalation'`, [TENANT]);
}
