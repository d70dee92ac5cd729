/**
 * A real Temporal CLI dev server for the plays benchmark, on its own free ports, with the
 * plays' search attributes registered at startup (as `./retention start` does). Same approach
 * as tests/temporal/dev-server.ts, which the build (tsconfig.build.json) does not compile.
 */
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';

export const PLAY_SEARCH_ATTRIBUTES = {
  RetentionTenant: 'Keyword',
  RetentionAccount: 'Keyword',
  RetentionPlay: 'Keyword',
  RetentionTier: 'Int',
  RetentionStatus: 'Keyword',
} as const;

export interface BenchDevServer {
  address: string;
  namespace: string;
  cliPath: string;
  pid: number | undefined;
  /** Last server output, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** $TEMPORAL_CLI, else the cached binary the provisioning script prints on its last line. */
export function temporalCliPath(repoRoot: string): string {
  const fromEnv = process.env.TEMPORAL_CLI;
  const path = fromEnv ?? execFileSync('bash', [join(repoRoot, 'scripts/provision/temporal-cli.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1)!;
  accessSync(path, constants.X_OK);
  return path;
}

async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((s) => new Promise<void>((resolve, reject) => s.once('error', reject).listen(0, '127.0.0.1', resolve))));
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** The CLI reads TEMPORAL_* from the environment: drop them so nothing redirects the server. */
function cliEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TEMPORAL_')));
}

/**
 * `dbFile` undefined → the dev server's in-memory store; a path → a SQLite file like
 * `./retention start` uses (every start is a persisted write, closer to a real deployment).
 */
export async function startDevServer(options: { cliPath: string; dbFile?: string; namespace?: string; readyTimeoutMs?: number }): Promise<BenchDevServer> {
  const namespace = options.namespace ?? 'default';
  const [port, uiPort] = await freePorts(2);
  const address = `127.0.0.1:${port}`;
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort), '--namespace', namespace, '--log-level', 'warn'];
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  for (const [name, type] of Object.entries(PLAY_SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);

  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv() });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      output += `\nspawn failed: ${error.message}`;
      resolve();
    });
  }).then(() => {
    exited = true;
  });

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  };
  const server: BenchDevServer = { address, namespace, cliPath: options.cliPath, pid: child.pid, output: () => output, stop };
  try {
    await waitUntilReady(server, () => exited, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return server;
}

/** Ready means the frontend answers for our namespace, not merely that the port is open. */
async function waitUntilReady(server: BenchDevServer, hasExited: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`temporal dev server exited during startup:\n${server.output()}`);
    try {
      const connection = await Connection.connect({ address: server.address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: server.namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await sleep(200);
    }
  }
  throw new Error(`temporal dev server not ready after ${timeoutMs} ms: ${String(lastError)}\n${server.output()}`);
}
