// Compiles and spawns the real worker entry (src/worker.ts) as its own process, the way
// production runs it: compiled JS, optionally with a prebuilt workflow bundle.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface CompiledWorker {
  /** Plays the role of dist/: holds src/worker.js, workflows/index.js [, workflow-bundle.js]. */
  outDir: string;
  cleanup(): Promise<void>;
}

/**
 * tsc with the project's compiler options, restricted to the worker's import graph (not the
 * whole repo), into a temp dir that resolves packages through a node_modules symlink.
 */
export async function compileWorker(options: { prebuiltBundle: boolean }): Promise<CompiledWorker> {
  const outDir = await mkdtemp(join(tmpdir(), 'retention-worker-'));
  const tsconfig = join(outDir, 'tsconfig.json');
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: { rootDir: ROOT, outDir, sourceMap: false },
      files: [join(ROOT, 'src/worker.ts'), join(ROOT, 'workflows/index.ts')],
      include: [],
    }),
  );
  await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(ROOT, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  const cleanup = () => rm(outDir, { recursive: true, force: true });
  try {
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], { cwd: ROOT });
    if (options.prebuiltBundle) {
      await run(process.execPath, [join(ROOT, 'scripts/bundle-workflows.mjs'), join(outDir, 'workflow-bundle.js')]);
    }
  } catch (error) {
    await cleanup();
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`building the worker failed:\n${stdout}${stderr}`);
  }
  return { outDir, cleanup };
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Parsed JSON log lines so far. */
  logs: Array<Record<string, unknown>>;
  waitForLog(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

export function spawnWorker(outDir: string, env: Record<string, string>): WorkerProcess {
  // Drop the developer's TEMPORAL_* settings; the test decides where the worker connects.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_') && k !== 'DATABASE_URL'));
  // The worker's activities use the database: give it a migrated SQLite file of its own
  // (migrations are a separate step, as in production) and the project's default rules and templates.
  const dataDir = mkdtempSync(join(tmpdir(), 'retention-worker-data-'));
  const dbEnv = { DATA_DIR: dataDir, RULES_DIR: join(ROOT, 'rules'), PLAY_TEMPLATES_DIR: join(ROOT, 'play-templates') };
  execFileSync(process.execPath, [join(ROOT, 'dist/src/persistence/migrate.js')], { env: { ...base, ...dbEnv, LOG_LEVEL: 'silent' }, stdio: 'ignore' });
  const child = spawn(process.execPath, [join(outDir, 'src/worker.js')], {
    env: { ...base, LOG_LEVEL: 'info', ...dbEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (buffered + chunk.toString()).split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));

  const waitForLog = async (msg: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const hit = logs.find((l) => l.msg === msg);
      if (hit) return hit;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`worker never logged "${msg}"; exit=${child.exitCode}\nlogs:\n${logs.map((l) => JSON.stringify(l)).join('\n')}\nstderr:\n${stderr}`);
  };
  return { child, logs, waitForLog, exited };
}
