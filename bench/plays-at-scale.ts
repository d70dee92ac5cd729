/**
 * Plays at scale, against a real Temporal CLI dev server and the product's worker process.
 *
 *   phase 1: start `--starts` renewal plays through the product's path (PlayStarter with
 *            `--concurrency` calls in flight, or `--via scheduler`: the renewal scheduler
 *            activity) and time first start call → last acknowledged start;
 *   phase 2: top up to `--open` plays, wait until every play has processed its first workflow
 *            tasks and sleeps on a durable timer, hold them for `--hold` seconds, and sample the
 *            worker's resident memory (`node dist/src/worker.js`, its own process) throughout.
 *
 *   node dist/bench/plays-at-scale.js                                    # CI smoke: 20 starts, 50 open
 *   node dist/bench/plays-at-scale.js --starts 1000 --open 10000 --hold 60
 *   DATABASE_URL=postgres://... node dist/bench/plays-at-scale.js ...   # a fresh database on that server
 *
 * Flags: --starts N (20) --open N (50; phase 1's plays count towards it) --concurrency N (16,
 * PlayStarter calls in flight) --via starter|scheduler --isolated-starts (phase 1 before the
 * worker exists) --hold S (5, seconds held after settling) --sample-ms N (250, RSS sampling)
 * --temporal-db memory|file (memory: the dev server's default store) --settle-timeout S
 * --describe-concurrency N (16) --worker-log-level L (warn) --keep-dir (keep files for a post-mortem).
 *
 * Prints one JSON object (figures, machine, targets) on stdout; progress goes to stderr.
 */
import 'reflect-metadata';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { createRenewalSchedulerActivities } from '../src/activities/renewal-scheduler.activities.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/logging/logger.js';
import { openOrm } from '../src/persistence/open-orm.js';
import { PlayInstance } from '../src/plays/play-instance.entity.js';
import { PlayStarter } from '../src/plays/play-starter.service.js';
import { PlayTemplateCatalog } from '../src/plays/play-template-catalog.js';
import { PlayTriggers } from '../src/plays/play-triggers.js';
import { playWorkflowId } from '../src/plays/play-workflows.js';
import { installPluginsFor } from '../src/plugin-host/install-plugins.js';
import { TemporalClientService } from '../src/temporal/temporal-client.service.js';
import { TenantsService } from '../src/tenants/tenants.service.js';
import { WorkerModule } from '../src/worker-context/worker.module.js';
import { machineInfo } from './machine.js';
import { Cleanup } from './plays/cleanup.js';
import { CpuMeter } from './plays/cpu-meter.js';
import { createBenchDatabase } from './bench-database.js';
import { startDevServer, temporalCliPath } from './plays/dev-server.js';
import { ensureTenant, insertRenewalPortfolio, type RenewalContract } from './plays/renewal-portfolio.js';
import { readRss, RssSampler } from './plays/rss-sampler.js';
import { waitForFirstTasks, waitUntilSettled } from './plays/settle.js';
import { percentile, startWithScheduler, startWithStarter, type StartFigures } from './plays/start-renewals.js';
import { spawnWorker, summarizeWorkerLog, waitForPoller, type WorkerProcess } from './plays/worker-process.js';
import { ensureWorkflowBundle } from './plays/workflow-bundle.js';

const { values } = parseArgs({
  options: {
    starts: { type: 'string', default: '20' },
    open: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '16' },
    via: { type: 'string', default: 'starter' },
    'isolated-starts': { type: 'boolean', default: false },
    hold: { type: 'string', default: '5' },
    'sample-ms': { type: 'string', default: '250' },
    'temporal-db': { type: 'string', default: 'memory' },
    'settle-timeout': { type: 'string' },
    'describe-concurrency': { type: 'string', default: '16' },
    'worker-log-level': { type: 'string', default: 'warn' },
    'keep-dir': { type: 'boolean', default: false },
    'max-cached-workflows': { type: 'string', default: '500' },
  },
});
const positive = (name: string, raw: string | undefined) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer (got ${raw})`);
  return n;
};
const starts = positive('starts', values.starts);
// Phase 1's plays stay open and count towards phase 2's total.
const open = Math.max(starts, positive('open', values.open));
const concurrency = positive('concurrency', values.concurrency);
const via = values.via === 'scheduler' ? 'scheduler' : values.via === 'starter' ? 'starter' : (() => { throw new Error('--via is starter or scheduler'); })();
const holdSeconds = Number(values.hold);
if (!(holdSeconds >= 0)) throw new Error(`--hold must be a number of seconds >= 0 (got ${values.hold})`);
const sampleMs = positive('sample-ms', values['sample-ms']);
const describeConcurrency = positive('describe-concurrency', values['describe-concurrency']);
// Generous (10 plays/s; a quiet 2-core machine does several times that): a stuck play fails the run instead of hanging it.
const settleTimeoutMs = (values['settle-timeout'] ? positive('settle-timeout', values['settle-timeout']) : Math.max(120, Math.ceil(open / 10))) * 1000;
if (!['memory', 'file'].includes(values['temporal-db']!)) throw new Error('--temporal-db is memory or file');

const TENANT = 'bench';
const TASK_QUEUE = 'bench-plays';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'); // dist/bench → repo root
const machine = machineInfo();
const progress = (message: string) => process.stderr.write(`[plays-at-scale] ${message}\n`);
const round1 = (n: number) => Math.round(n * 10) / 10;
const seconds = (ms: number) => Math.round(ms / 100) / 10;

const cleanup = new Cleanup();
const report: Record<string, unknown> = {
  benchmark: 'plays-at-scale', machine,
  parameters: {
    starts, open, via, concurrency: via === 'starter' ? concurrency : 1, workerRunningDuringStarts: !values['isolated-starts'],
    holdSeconds, sampleMs, temporalDb: values['temporal-db'], settleTimeoutSeconds: settleTimeoutMs / 1000, taskQueue: TASK_QUEUE,
  },
};
let sampler: RssSampler | undefined;
let worker: WorkerProcess | undefined;
let failed: unknown;

try {
  report.workflowBundle = ensureWorkflowBundle(repoRoot);
  const maxCachedWorkflows = positive('max-cached-workflows', values['max-cached-workflows']);
  const cliPath = temporalCliPath(repoRoot);
  const db = await createBenchDatabase(process.env.DATABASE_URL);
  // --keep-dir leaves the SQLite file, Temporal's db and the worker log (and a PostgreSQL database) for a post-mortem.
  cleanup.add('database', values['keep-dir'] ? async () => progress(`kept ${db.dir}${db.env.DATABASE_URL ? ` and the database ${new URL(db.env.DATABASE_URL).pathname.slice(1)}` : ''}`) : db.drop);
  report.database = db.dialect;

  progress('starting the Temporal dev server');
  const server = await startDevServer({ cliPath, ...(values['temporal-db'] === 'memory' ? {} : { dbFile: join(db.dir, 'temporal.db') }) });
  cleanup.add('temporal dev server', server.stop);
  const cpu = new CpuMeter();
  cpu.watch('devServer', server.pid);

  // One set of variables for this process and the worker: same database, server, queue.
  const env = { ...db.env, TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: server.namespace, TEMPORAL_TASK_QUEUE: TASK_QUEUE };
  const ambient = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TEMPORAL_') && !['DATABASE_URL', 'DATA_DIR', 'SQLITE_FILE'].includes(key)));
  const config = loadConfig({ ...ambient, ...env, LOG_LEVEL: 'silent' });
  const log = createLogger('silent', 'bench');
  const orm = await openOrm(config);
  cleanup.add('orm', () => orm.close(true));
  await orm.migrator.up();

  // The API/scheduler side: the same Nest context the worker's activities use (PlayStarter etc.).
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, orm, log, await installPluginsFor(config)), { logger: false });
  cleanup.add('nest context', () => context.close());
  const starter = context.get(PlayStarter);
  const catalog = context.get(PlayTemplateCatalog);
  const client = await context.get(TemporalClientService).client();
  const leadDaysOf = (industry: string) => Number(catalog.latest('renewal', { industry, enabledPlugins: null }).parameters.leadDays ?? 180);

  const runningRenewals = () => orm.em.fork().count(PlayInstance, { tenantId: TENANT, play: 'renewal', status: 'running' });
  await ensureTenant(orm, TENANT);
  const first = await insertRenewalPortfolio(orm, { tenantId: TENANT, from: 0, count: starts, leadDaysOf });
  const contracts: RenewalContract[] = [...first.contracts];
  const generation = { ...first.rows, ms: first.ms };

  // Seconds relative to the first start call (the worker's readiness is negative unless --isolated-starts).
  let origin = 0;
  const at = () => seconds(performance.now() - origin);
  const timeline: Record<string, number> = {};
  const launchWorker = async () => {
    progress(`spawning the worker (maxCachedWorkflows ${maxCachedWorkflows})`);
    const w = spawnWorker(repoRoot, { ...env, LOG_LEVEL: values['worker-log-level']!, TEMPORAL_MAX_CACHED_WORKFLOWS: String(maxCachedWorkflows) }, join(db.dir, 'worker.log'));
    worker = w;
    cpu.watch('worker', w.pid);
    cleanup.add('worker', () => w.stop());
    sampler = new RssSampler(w.pid, sampleMs);
    const readyMs = await waitForPoller(client, TASK_QUEUE, w, 120_000);
    report.worker = { command: 'node dist/src/worker.js', pid: w.pid, logLevel: values['worker-log-level'], maxCachedWorkflows, readyMs: Math.round(readyMs) };
    sampler.mark('idle');
    return performance.now();
  };

  // Phase 1. By default the worker is already running, as in production (the renewal scheduler
  // is one of its activities): the first plays get their workflow tasks while the rest start.
  const readyAt = values['isolated-starts'] ? undefined : await launchWorker();
  sampler?.mark('starts');
  progress(`phase 1: starting ${starts} renewal plays via ${via}`);
  origin = performance.now();
  const cpuAtStart = cpu.snapshot();
  if (readyAt !== undefined) timeline.workerReady = seconds(readyAt - origin);
  let phase1: StartFigures;
  if (via === 'scheduler') {
    const scheduler = createRenewalSchedulerActivities(orm, starter, catalog, context.get(PlayTriggers), context.get(TenantsService));
    phase1 = await startWithScheduler(scheduler.startDueRenewals, TENANT, runningRenewals);
  } else phase1 = await startWithStarter(starter, TENANT, contracts, concurrency);
  timeline.startsEnd = at();
  const cpuAfterStarts = cpu.snapshot();
  report.phase1 = { ...phase1, cpuSeconds: CpuMeter.between(cpuAtStart, cpuAfterStarts) };
  // Cross-check with the product's own record: one running play row per started renewal.
  if (phase1.started !== starts || (await runningRenewals()) !== starts) throw new Error(`phase 1 started ${phase1.started} plays (${await runningRenewals()} play rows), expected ${starts}`);
  if (readyAt === undefined) timeline.workerReady = seconds((await launchWorker()) - origin);

  // Phase 2: the rest of the open plays through the same starter (timed, but not a target).
  sampler!.mark('top-up');
  let topUp: StartFigures | undefined;
  if (open > starts) {
    const rest = await insertRenewalPortfolio(orm, { tenantId: TENANT, from: starts, count: open - starts, leadDaysOf });
    generation.accounts += rest.rows.accounts;
    generation.contracts += rest.rows.contracts;
    generation.people += rest.rows.people;
    generation.teamAssignments += rest.rows.teamAssignments;
    generation.ms += rest.ms;
    contracts.push(...rest.contracts);
    progress(`phase 2: starting ${open - starts} more plays (worker running)`);
    topUp = await startWithStarter(starter, TENANT, rest.contracts, concurrency);
    if (topUp.started !== open - starts) throw new Error(`the top-up started ${topUp.started} plays, expected ${open - starts}`);
  }
  timeline.allStarted = at();
  report.generation = { ...generation, ms: Math.round(generation.ms) };

  sampler!.mark('settling');
  const deadline = performance.now() + settleTimeoutMs;
  let lastLog = 0;
  await waitForFirstTasks(orm, TENANT, open, deadline, (count) => {
    if (performance.now() - lastLog < 5_000) return;
    lastLog = performance.now();
    progress(`${count}/${open} plays have created their first task; worker RSS ${Math.round(sampler!.sample()?.rssMiB ?? 0)} MiB`);
  });
  timeline.allFirstTasks = at();
  const workflowIds = contracts.map((c) => playWorkflowId(TENANT, c.accountId, 'renewal', c.contractId));
  const settled = await waitUntilSettled(client, workflowIds, describeConcurrency, deadline);
  timeline.allSettled = at();
  const cpuAtSettled = cpu.snapshot();
  if ((await runningRenewals()) !== open) throw new Error(`${await runningRenewals()} running renewal play rows, expected ${open}`);
  progress(`all ${open} plays are asleep on their timers; holding ${holdSeconds} s`);

  sampler!.mark('hold');
  await sleep(holdSeconds * 1000);
  sampler!.sample();
  timeline.holdEnd = at();
  const holdSamples = sampler!.inPhase('hold');
  // Context for sizing the machine, not a target: the dev server holds every play's history.
  const serverRss = server.pid !== undefined ? readRss(server.pid) : undefined;
  const peakMiB = sampler!.peakMiB();
  const steadyMiB = percentile([...holdSamples].sort((a, b) => a - b), 50);
  const perPhase = Object.fromEntries(['idle', 'starts', 'top-up', 'settling', 'hold'].map((phase) => [phase, Math.round(Math.max(0, ...sampler!.inPhase(phase)))]));
  const stopped = await worker!.stop();
  sampler!.stop();
  const workerLog = summarizeWorkerLog(worker!.logFile);

  // Worker throughput: plays brought to their first durable wait per second the worker had them.
  const workerSpan = timeline.allSettled - Math.max(0, timeline.workerReady);
  report.phase2 = {
    openPlays: open, topUp,
    firstTaskCheck: 'every play account has a task in the database (its first workflow task ran and scheduled the activity that created it)',
    settledCheck: 'DescribeWorkflowExecution on every play: Running, no pending workflow task, no pending activity (asleep on its timer)',
    settle: settled,
    playsSettledPerSecond: round1(open / Math.max(0.001, workerSpan)),
    // From the first start call to the last play settled: what one play costs each process.
    cpuSeconds: CpuMeter.between(cpuAtStart, cpuAtSettled),
    cpuMsPerPlay: Object.fromEntries(Object.entries(CpuMeter.between(cpuAtStart, cpuAtSettled)).map(([name, s]) => [name, s === null ? null : round1((s * 1000) / open)])),
    timelineSeconds: timeline,
    workerRssMiB: { peak: Math.round(peakMiB), steadyMedianDuringHold: Math.round(steadyMiB), lastDuringHold: Math.round(holdSamples.at(-1) ?? 0), maxPerPhase: perPhase, samples: sampler!.samples.length },
    maxCachedWorkflows, workerStop: stopped, workerLog,
    temporalDevServerRssMiB: serverRss ? Math.round(serverRss.rssMiB) : null,
  };
  report.targets = [
    {
      name: 'renewal plays started against the dev server',
      target: '1,000 in <= 10 s (>= 100 starts/s)',
      measured: `${phase1.started} in ${seconds(phase1.ms)} s (${phase1.startsPerSecond} starts/s)`,
      met: phase1.ms <= (10_000 * phase1.started) / 1000,
      atTargetSize: phase1.started >= 1000,
    },
    {
      name: 'open plays held by one worker: resident memory',
      target: '10,000 open plays, peak RSS <= 1 GiB (1024 MiB)',
      measured: `${open} open plays: peak ${Math.round(peakMiB)} MiB, steady ${Math.round(steadyMiB)} MiB (maxCachedWorkflows ${maxCachedWorkflows})`,
      met: peakMiB <= 1024,
      atTargetSize: open >= 10_000,
    },
  ];
} catch (error) {
  failed = error;
  report.error = error instanceof Error ? error.message : String(error);
  if (worker) {
    report.workerLog = summarizeWorkerLog(worker.logFile);
    report.workerLogTail = worker.logTail();
  }
} finally {
  sampler?.stop();
  const problems = await cleanup.run();
  if (problems.length) report.cleanupProblems = problems;
}

console.log(JSON.stringify(report, null, 2));
if (failed) {
  progress(`failed: ${failed instanceof Error ? (failed.stack ?? failed.message) : String(failed)}`);
  process.exit(1);
}
process.exit(0);
