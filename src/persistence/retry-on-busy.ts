import { setTimeout as sleep } from 'node:timers/promises';

const BUSY = /SQLITE_BUSY|database is locked/;
const ATTEMPTS = 8;

/** Whether an error is SQLite refusing a write because another process holds or just took the write lock. */
export function isBusy(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return BUSY.test(String(e?.code ?? '')) || BUSY.test(String(e?.message ?? ''));
}

/**
 * Runs a whole write transaction again when SQLite reports the database busy. Two processes (API
 * and worker) writing one file in WAL mode: a transaction that read before another process
 * committed cannot upgrade to a writer (SQLITE_BUSY_SNAPSHOT), and the busy timeout does not
 * apply to that; the transaction must start over. Jittered backoff, ~10 ms to ~1 s, then the
 * error is thrown. PostgreSQL never raises these, so it passes straight through.
 */
export async function retryOnBusy<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isBusy(error)) throw error;
      await sleep(Math.round(5 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}
