// Temporal worker process: its own process (not a Nest provider) so run() is awaited and
// a failing worker fails the process visibly. Drains on SIGTERM/SIGINT and exits 0.
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivitiesFrom } from './activities/index.js';
import { loadConfigOrExit } from './config/load-config.js';
import { createLogger } from './logging/logger.js';
import { retryWithBackoff } from './temporal/retry-with-backoff.js';
import { toTemporalLogger } from './temporal/runtime-logger.js';
import { nativeConnectionOptions } from './temporal/temporal-connection.js';
import { resolveWorkflowSource } from './temporal/workflow-source.js';
import { ScoringService } from './scoring/scoring.service.js';
import { PlayStarter } from './plays/play-starter.service.js';
import { PlayTriggers } from './plays/play-triggers.js';
import { PlayTemplateCatalog } from './plays/play-template-catalog.js';
import { openWorkerContext } from './worker-context/open-worker-context.js';
import { PluginBootError } from './plugin-host/install-plugins.js';

/** The local dev server may still be starting when `start` launches us side by side. */
const CONNECT_DEADLINE_MS = 60_000;

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const log = createLogger(config.LOG_LEVEL, 'worker');
  // We own signal handling (drain, then close the connection), so the SDK must not.
  Runtime.install({ logger: toTemporalLogger(log.child({ component: 'temporal-sdk' })), shutdownSignals: [] });

  const stopping = new AbortController();
  let worker: Worker | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping.signal.aborted) {
      log.warn({ signal }, 'second signal: exiting without finishing the drain');
      process.exit(130);
    }
    log.info({ signal }, 'shutdown requested: draining in-flight tasks');
    stopping.abort();
    if (worker?.getState() === 'RUNNING') worker.shutdown();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  let domain: Awaited<ReturnType<typeof openWorkerContext>>;
  try {
    domain = await openWorkerContext(config, log);
  } catch (err) {
    if (err instanceof PluginBootError) {
      log.fatal({ problems: err.problems }, 'plugins cannot be installed');
      process.stderr.write(`${err.message}\n`);
    } else log.error({ err }, 'could not open the database for activities');
    return 1;
  }
  const closeDomain = async () => {
    await domain.context.close();
    await domain.orm.close(true);
  };

  const address = config.TEMPORAL_ADDRESS;
  let connection: NativeConnection;
  try {
    connection = await retryWithBackoff(() => NativeConnection.connect(nativeConnectionOptions(config)), {
      deadlineMs: CONNECT_DEADLINE_MS,
      signal: stopping.signal,
      onRetry: (err, attempt, delayMs) =>
        log.warn({ address, attempt, delayMs, reason: String(err) }, 'Temporal not reachable yet, retrying'),
    });
  } catch (err) {
    await closeDomain();
    if (stopping.signal.aborted) return 0; // asked to stop while still connecting
    log.error({ err, address }, `could not connect to Temporal within ${CONNECT_DEADLINE_MS / 1000} s`);
    return 1;
  }

  try {
    const source = resolveWorkflowSource();
    worker = await Worker.create({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      ...(source.kind === 'bundle' ? { workflowBundle: source.workflowBundle } : { workflowsPath: source.workflowsPath }),
      activities: createActivitiesFrom(domain.context, domain.orm, log),
      // Plays are long-lived and mostly asleep: caching keeps a woken play on this worker (sticky)
      // instead of replaying its history; the bound (not the SDK's heap-based default) caps memory.
      maxCachedWorkflows: config.TEMPORAL_MAX_CACHED_WORKFLOWS,
      // On shutdown, activities get this long to finish before they are cancelled...
      shutdownGraceTime: '10 seconds',
      // ...and the process gives up draining after this (below a typical 30 s SIGKILL grace).
      shutdownForceTime: '25 seconds',
    });
    const running = worker.run(); // state is RUNNING synchronously, so shutdown() is legal now
    if (stopping.signal.aborted) worker.shutdown();
    log.info(
      { address, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, workflows: source },
      'worker running',
    );
    await running;
    log.info('worker drained and stopped');
    return 0;
  } catch (err) {
    log.error({ err }, 'worker failed');
    return 1;
  } finally {
    await connection.close();
    await closeDomain();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`worker crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
