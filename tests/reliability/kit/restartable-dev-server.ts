// A Temporal CLI dev server that can be killed (SIGKILL, no shutdown) and started again on the
// same ports with the same SQLite file, so its state (workflows, histories, search attributes)
// survives the crash the way a real cluster's persistence does. tests/temporal/dev-server.ts
// removes its file on stop; this one keeps the file until close().
import { Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePorts, temporalCliPath, type SearchAttributeType } from '../../temporal/dev-server.js';

export interface RestartableDevServer {
  address: string;
  namespace: string;
  cliPath: string;
  dbFile: string;
  /** SIGKILL: the server gets no chance to flush or shut down cleanly. Resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same address and file; resolves when it serves the namespace. Returns ms until ready. */
  restart(): Promise<number>;
  running(): boolean;
  output(): string;
  /** Stops the server and removes its files. */
  close(): Promise<void>;
}

/** The CLI reads TEMPORAL_* settings from the environment; drop them so a developer's never redirect tests. */
const cliEnv = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TEMPORAL_')));

export async function startRestartableDevServer(options: { searchAttributes?: Record<string, SearchAttributeType>; namespace?: string } = {}): Promise<RestartableDevServer> {
  const cliPath = temporalCliPath();
  const namespace = options.namespace ?? 'default';
  const dir = await mkdtemp(join(tmpdir(), 'temporal-restartable-'));
  const dbFile = join(dir, 'temporal.db');
  const [port, uiPort] = await freePorts(2);
  const address = `127.0.0.1:${port}`;
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort), '--db-filename', dbFile, '--namespace', namespace, '--log-level', 'error'];
  for (const [name, type] of Object.entries(options.searchAttributes ?? {})) args.push('--search-attribute', `${name}=${type}`);

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let log = '';
  const launch = async (): Promise<number> => {
    const started = Date.now();
    const proc = spawn(cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv() });
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    const append = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
    proc.stdout!.on('data', append);
    proc.stderr!.on('data', append);
    await waitUntilReady(address, namespace, () => proc.exitCode !== null || proc.signalCode !== null, () => log);
    return Date.now() - started;
  };
  const kill = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  await launch();
  return {
    address, namespace, cliPath, dbFile,
    kill,
    restart: async () => {
      await kill();
      return launch();
    },
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    output: () => log,
    close: async () => {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(address: string, namespace: string, hasExited: () => boolean, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`temporal dev server exited during startup:\n${output()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await sleep(100);
    }
  }
  throw new Error(`temporal dev server not ready after ${timeoutMs} ms: ${String(lastError)}\n${output()}`);
}
