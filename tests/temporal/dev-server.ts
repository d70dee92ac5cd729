// Spawns a real Temporal CLI dev server (provisioned by scripts/provision/temporal-cli.sh,
// path in $TEMPORAL_CLI) on free ports with a throwaway SQLite file, for tests that need
// full server behaviour (visibility/list, search attributes, the CLI as a client).
import { Connection } from '@temporalio/client';
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

export type SearchAttributeType = 'Keyword' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';

export interface DevServerOptions {
  cliPath?: string;
  namespace?: string;
  /** Registered at startup, e.g. { TenantId: 'Keyword' }. */
  searchAttributes?: Record<string, SearchAttributeType>;
  readyTimeoutMs?: number;
}

export interface DevServer {
  address: string;
  namespace: string;
  cliPath: string;
  dbFile: string;
  /** Combined server output so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export function temporalCliPath(): string {
  const path = process.env.TEMPORAL_CLI;
  if (!path) {
    throw new Error(
      'TEMPORAL_CLI is not set. Provision the Temporal CLI and export its path:\n' +
        '  export TEMPORAL_CLI="$(scripts/provision/temporal-cli.sh | tail -n1)"',
    );
  }
  accessSync(path, constants.X_OK);
  return path;
}

/**
 * Asks the OS for `count` distinct free TCP ports (all held open together so they differ;
 * tiny race window until the server binds them, fine for tests).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(
    servers.map((s) => new Promise<void>((resolve, reject) => s.once('error', reject).listen(0, '127.0.0.1', resolve))),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/**
 * The CLI reads TEMPORAL_ADDRESS/TEMPORAL_API_KEY/TEMPORAL_TLS... from the environment, the
 * same names our app config uses; drop them so a developer's settings never redirect tests.
 */
function cliEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TEMPORAL_')));
}

/** Runs the CLI as a client, e.g. runTemporalCli(server, ['workflow', 'list', '-o', 'json']). */
export async function runTemporalCli(server: DevServer, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    server.cliPath,
    [...args, '--address', server.address, '--namespace', server.namespace],
    { timeout: 30_000, env: cliEnv() },
  );
  return stdout;
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const cliPath = options.cliPath ?? temporalCliPath();
  const namespace = options.namespace ?? 'default';
  const dir = await mkdtemp(join(tmpdir(), 'temporal-dev-'));
  const dbFile = join(dir, 't.db');
  const [port, uiPort] = await freePorts(2);
  const address = `127.0.0.1:${port}`;
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--ui-port', String(uiPort), '--db-filename', dbFile, '--namespace', namespace, '--log-level', 'warn');
  for (const [name, type] of Object.entries(options.searchAttributes ?? {})) args.push('--search-attribute', `${name}=${type}`);

  const child = spawn(cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv() });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      output += `\nspawn failed: ${error.message}`;
      resolve(null);
    });
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const stop = async () => {
    if (!hasExited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const server: DevServer = { address, namespace, cliPath, dbFile, output: () => output, stop };

  try {
    await waitUntilReady(server, () => hasExited, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return server;
}

/** Ready means the frontend answers and our namespace exists, not merely that the port is open. */
async function waitUntilReady(server: DevServer, hasExited: () => boolean, timeoutMs: number): Promise<void> {
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
