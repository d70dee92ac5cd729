/**
 * Starts renewal plays through the product's own path and times it.
 *
 * - `starter`: PlayStarter.start per contract, `concurrency` calls in flight. Each call is what
 *   the renewal scheduler does per contract (same request: scope = contract id, anchor = end date,
 *   context), so only the loop around it differs.
 * - `scheduler`: the renewal scheduler activity itself (startDueRenewals), which loops over the
 *   tenant's due contracts one at a time: what the daily Schedule runs in production.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { LockWaitTimeoutException } from '@mikro-orm/core';
import type { PlayStarter, StartedPlay } from '../../src/plays/play-starter.service.js';
import type { RenewalContract } from './renewal-portfolio.js';

export interface StartFigures {
  via: 'starter' | 'scheduler';
  concurrency: number;
  requested: number;
  started: number;
  /** First start call → last acknowledged start (the scheduler: its whole activity call). */
  ms: number;
  startsPerSecond: number;
  /**
   * SQLite "database is locked" failures retried (see withLockRetry). Zero on PostgreSQL; on
   * SQLite they come from the worker process writing at the same time.
   */
  lockRetries: number;
  /** Per PlayStarter.start call, retries included (starter path only). */
  latencyMs?: { p50: number; p95: number; p99: number; max: number };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * On SQLite, PlayStarter's transaction (read the play row, then insert it) fails at once with
 * "database is locked" when the worker process committed in between: a WAL read transaction
 * cannot be upgraded to a write after another connection wrote (SQLITE_BUSY_SNAPSHOT; the busy
 * timeout does not apply). Starting a play is idempotent (deterministic workflow id,
 * USE_EXISTING, the play row written only when missing), so the benchmark retries it, as the
 * scheduler's activity retry or an API client would, and counts every retry.
 */
async function withLockRetry<T>(fn: () => Promise<T>, onRetry: () => void, attempts = 50): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof LockWaitTimeoutException) || attempt >= attempts) throw error;
      onRetry();
      await sleep(5 + Math.random() * 20);
    }
  }
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function startWithStarter(starter: PlayStarter, tenantId: string, contracts: RenewalContract[], concurrency: number): Promise<StartFigures> {
  const latencies: number[] = [];
  let next = 0;
  let started = 0;
  let lockRetries = 0;
  const startOne = async (contract: RenewalContract): Promise<StartedPlay> =>
    withLockRetry(() => starter.start({
      tenantId, accountId: contract.accountId, play: 'renewal', scope: contract.contractId, anchorDate: contract.endDate,
      context: { contractId: contract.contractId, contractTitle: contract.title, annualValue: contract.annualValue },
      reason: `${contract.title} ends on ${contract.endDate} (within ${contract.leadDays} days)`,
    }), () => lockRetries++);
  // A fixed number of lanes pulling the next contract: at most `concurrency` calls in flight.
  const lane = async () => {
    while (next < contracts.length) {
      const contract = contracts[next++];
      const t = performance.now();
      const result = await startOne(contract);
      latencies.push(performance.now() - t);
      if (result.started) started++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, contracts.length) }, lane));
  const ms = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return {
    via: 'starter', concurrency, requested: contracts.length, started, lockRetries, ms: round(ms), startsPerSecond: round((contracts.length / ms) * 1000),
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? 0) },
  };
}

/**
 * A failed pass is retried whole, as Temporal retries the activity; the plays it already
 * started are skipped then, so `started` is counted from the play rows, not the passes.
 */
export async function startWithScheduler(startDueRenewals: (input: { tenantId: string }) => Promise<{ considered: number; started: number }>, tenantId: string, runningPlays: () => Promise<number>): Promise<StartFigures> {
  let lockRetries = 0;
  const before = await runningPlays();
  const t0 = performance.now();
  const result = await withLockRetry(() => startDueRenewals({ tenantId }), () => lockRetries++);
  const ms = performance.now() - t0;
  const started = (await runningPlays()) - before;
  return { via: 'scheduler', concurrency: 1, requested: result.considered, started, lockRetries, ms: round(ms), startsPerSecond: round((started / ms) * 1000) };
}
