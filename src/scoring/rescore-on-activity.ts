import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccountActivity } from '../ingestion/account-activity.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import { ScoringService } from './scoring.service.js';

/** Debounce: collect the accounts events touched for a moment, then rescore them together. */
export const RESCORE_DEBOUNCE_MS = 150;
/** A failed pass (database down) is retried on its own after 1 s, doubling up to 1 min, 20 times (~15 min). */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 60_000;
const RETRY_ATTEMPTS = 20;

/**
 * Rescores accounts within moments of any ingested change (events, imports, CRUD of history).
 * The change is already committed when this runs: a pass that fails (the database crashed in the
 * meantime) is retried, so an acknowledged event reaches the account's health once the database is
 * back (after the last retry, the daily rescoring catches up).
 */
@Injectable()
export class RescoreOnActivity implements OnModuleInit, OnApplicationShutdown {
  private readonly pending = new Map<string, Set<string>>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private inFlight = Promise.resolve();
  private readonly retries = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly activity: AccountActivity,
    private readonly scoring: ScoringService,
    @Inject(APP_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.activity.subscribe((tenantId, accountIds) => this.enqueue(tenantId, accountIds));
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    this.stopped = true; // failed passes left now are caught up by the daily rescoring
    this.retries.forEach((timer) => clearTimeout(timer));
    this.retries.clear();
    if (this.timer) clearTimeout(this.timer);
    this.flush();
    await this.inFlight;
  }

  /** Resolves when everything queued so far has been rescored (tests and shutdown use it). */
  async settled(): Promise<void> {
    while (this.timer || this.pending.size) {
      if (this.timer) clearTimeout(this.timer);
      this.flush();
      await this.inFlight;
    }
    await this.inFlight;
  }

  private enqueue(tenantId: string, accountIds: string[]): void {
    const set = this.pending.get(tenantId) ?? new Set<string>();
    accountIds.forEach((id) => set.add(id));
    this.pending.set(tenantId, set);
    this.timer ??= setTimeout(() => this.flush(), RESCORE_DEBOUNCE_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const batches = [...this.pending.entries()];
    this.pending.clear();
    for (const [tenantId, ids] of batches) this.run(tenantId, [...ids], 0);
  }

  /**
   * Queues one rescoring pass. A failed pass is retried on its own, never merged into new work, so
   * an account that keeps failing cannot hold up the rescoring of other accounts' new events.
   */
  private run(tenantId: string, accountIds: string[], attempt: number): void {
    this.inFlight = this.inFlight
      .then(() => this.scoring.rescore(tenantId, accountIds, 'event'))
      .then(() => undefined)
      .catch((error: unknown) => {
        const retry = !this.stopped && attempt < RETRY_ATTEMPTS;
        const delayMs = Math.min(RETRY_FIRST_MS * 2 ** attempt, RETRY_MAX_MS);
        this.log.error({ err: error, tenantId, accounts: accountIds.length, attempt: attempt + 1, ...(retry ? { retryInMs: delayMs } : {}) }, 'event-driven rescoring failed');
        if (!retry) return;
        const timer = setTimeout(() => {
          this.retries.delete(timer);
          this.run(tenantId, accountIds, attempt + 1);
        }, delayMs);
        timer.unref();
        this.retries.add(timer);
      });
  }
}
