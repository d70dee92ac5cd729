/**
 * The product's worker (`node dist/src/worker.js`) as its own process, as deployed: one OS
 * process whose resident memory is the figure, with its output kept in a log file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';

export interface WorkerProcess {
  pid: number;
  logFile: string;
  /** Tail of the log, for failure messages. */
  logTail(): string;
  exited(): boolean;
  /** SIGTERM (the worker drains), SIGKILL after `graceMs`; resolves with how it ended. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

export interface WorkerLogSummary {
  warnings: number;
  errors: number;
  /** Failed activity attempts (retried by Temporal) by error code, e.g. SQLITE_BUSY_SNAPSHOT. */
  activityFailures: Record<string, number>;
}

/** Counts the worker's warnings and failed activity attempts (pino JSON lines). */
export function summarizeWorkerLog(logFile: string): WorkerLogSummary {
  const summary: WorkerLogSummary = { warnings: 0, errors: 0, activityFailures: {} };
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return summary;
  }
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; error?: { code?: string; name?: string } };
      if ((entry.level ?? 0) >= 50) summary.errors++;
      else if ((entry.level ?? 0) >= 40) summary.warnings++;
      if (entry.msg === 'Activity failed') {
        const code = entry.error?.code ?? entry.error?.name ?? 'unknown';
        summary.activityFailures[code] = (summary.activityFailures[code] ?? 0) + 1;
      }
    } catch {
      // not a log line (e.g. a native stack trace): counted by neither
    }
  }
  return summary;
}

export function spawnWorker(repoRoot: string, env: Record<string, string>, logFile: string): WorkerProcess {
  // The worker's config comes from the environment only: drop anything of ours that could
  // redirect it (a developer's DATABASE_URL, TEMPORAL_*), then set exactly what the run uses.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TEMPORAL_') && !['DATABASE_URL', 'DATA_DIR', 'SQLITE_FILE', 'LOG_LEVEL'].includes(key)));
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'dist/src/worker.js')], { cwd: repoRoot, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  if (child.pid === undefined) throw new Error('could not spawn the worker');
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exit = { code, signal };
    resolve();
  }));
  return {
    pid: child.pid,
    logFile,
    logTail: () => {
      try {
        return readFileSync(logFile, 'utf8').slice(-4_000);
      } catch {
        return '';
      }
    },
    exited: () => exit !== undefined,
    async stop(graceMs = 35_000) {
      const t0 = performance.now();
      if (!exit) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exitPromise;
        clearTimeout(timer);
      }
      await new Promise((resolve) => log.end(resolve));
      return { ...exit!, ms: Math.round(performance.now() - t0) };
    },
  };
}

/**
 * Ready = the server sees a poller on the workflow task queue: the worker connected, created
 * its Worker and is asking for work (independent of the worker's log level).
 */
export async function waitForPoller(client: Client, taskQueue: string, worker: WorkerProcess, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (worker.exited()) throw new Error(`the worker exited during startup:\n${worker.logTail()}`);
    // No taskQueueType: the server's default is the workflow task queue.
    const described = await client.workflowService.describeTaskQueue({ namespace: client.options.namespace, taskQueue: { name: taskQueue } });
    if ((described.pollers ?? []).length > 0) return performance.now() - t0;
    await sleep(200);
  }
  throw new Error(`no worker polled ${taskQueue} within ${timeoutMs} ms:\n${worker.logTail()}`);
}
