import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccountActivity } from '../ingestion/account-activity.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import { ScoringService } from './scoring.service.js';

/** Debounce: collect the accounts events touched for a moment, then rescore them together. */
export const RESCORE_DEBOUNCE_MS = 150;
/** A failed pass (database down) is retried after 1 s, doubling up to 30 s, until it succeeds. */
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Rescores accounts within moments of any ingested change (events, imports, CRUD of history).
 * The change is already committed when this runs: a pass that fails (the database crashed in the
 * meantime) is retried, so an acknowledged event always reaches the account's health.
 */
@Injectable()
export class RescoreOnActivity implements OnModuleInit, OnApplicationShutdown {
  private readonly pending = new Map<string, Set<string>>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private inFlight = Promise.resolve();
  private readonly failed = new Map<string, Set<string>>();
  private retryTimer?: NodeJS.Timeout;
  private retryDelayMs = RETRY_MIN_MS;
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
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
    for (const [tenantId, ids] of batches) {
      this.inFlight = this.inFlight
        .then(() => this.scoring.rescore(tenantId, [...ids], 'event'))
        .then(() => {
          this.retryDelayMs = RETRY_MIN_MS;
        })
        .catch((error: unknown) => {
          this.log.error({ err: error, tenantId, accounts: ids.size, retryInMs: this.retryDelayMs }, 'event-driven rescoring failed');
          this.retryLater(tenantId, ids);
        });
    }
  }

  private retryLater(tenantId: string, accountIds: Set<string>): void {
    if (this.stopped) return;
    const set = this.failed.get(tenantId) ?? new Set<string>();
    accountIds.forEach((id) => set.add(id));
    this.failed.set(tenantId, set);
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      const batches = [...this.failed.entries()];
      this.failed.clear();
      for (const [tenant, ids] of batches) this.enqueue(tenant, [...ids]);
    }, this.retryDelayMs);
    this.retryTimer.unref();
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
  }
}
