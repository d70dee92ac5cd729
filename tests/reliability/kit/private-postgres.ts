// A throw-away PostgreSQL cluster owned by one test file (initdb into a temp dir, its own port),
// so the suite can crash and restart the server without disturbing other test files that share
// the CI server (vitest runs two files at once). Same recipe as .ci/run. When the process runs as
// root, the server runs as the postgres user (PostgreSQL refuses to run as root).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePorts } from '../../temporal/dev-server.js';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  /** pg_ctl stop: 'immediate' is a crash (no checkpoint; recovery on the next start). */
  stop(mode: 'immediate' | 'fast'): Promise<void>;
  start(): Promise<void>;
  /** pg_ctl restart -m immediate: the server crashes and comes back; returns the ms it took. */
  restart(): Promise<number>;
  close(): Promise<void>;
}

/** The newest installed server's bin directory, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(PG_ROOT, versions[versions.length - 1], 'bin') : null;
}

/** Why a private cluster cannot run here, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  if (!postgresBinDir()) return `PostgreSQL server binaries not found under ${PG_ROOT} (CI installs them; .ci/run)`;
  if (userInfo().uid === 0 && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) return 'running as root without runuser to drop to the postgres user';
  return null;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(privatePostgresUnavailable() ?? 'no PostgreSQL');
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'retention-reliability-pg-'));
  if (root) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
  const asPg = (command: string, args: string[]) => (root ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args));
  const data = join(dir, 'data');
  const [port] = await freePorts(1);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const pgCtl = (...args: string[]) => asPg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), ...args]);

  await asPg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres']);
  await pgCtl('-w', '-o', options, 'start');
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop(mode) {
      await pgCtl('-w', '-m', mode, 'stop');
    },
    async start() {
      await pgCtl('-w', '-o', options, 'start');
    },
    async restart() {
      const started = Date.now();
      await pgCtl('-w', '-m', 'immediate', '-o', options, 'restart');
      return Date.now() - started;
    },
    async close() {
      await pgCtl('-w', '-m', 'fast', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
