// Holds a SQLite database's write lock from another process (BEGIN IMMEDIATE, as a long writer such
// as a bulk import or a backup would), so a test can make a write wait and inject a fault meanwhile.
// A separate process on purpose: a second connection opened and closed inside the test process
// itself disturbs the app's own connections (POSIX advisory locks are per process).
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface SqliteWriteLock {
  release(): Promise<void>;
}

const HOLDER = `
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(process.argv[1], { timeout: 10000 });
db.exec('begin immediate');
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('rollback'); db.close(); process.exit(0); });
`;

export async function holdSqliteWriteLock(file: string): Promise<SqliteWriteLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await Promise.race([once(child.stdout!, 'data'), once(child, 'exit').then(() => { throw new Error('the lock holder exited before locking'); })])) as [Buffer];
  if (!chunk.toString().startsWith('locked')) throw new Error(`unexpected lock holder output: ${chunk.toString()}`);
  return {
    async release() {
      const exited = once(child, 'exit');
      child.stdin!.write('release\n');
      await exited;
    },
  };
}
