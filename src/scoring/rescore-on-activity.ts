import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccountActivity } from '../ingestion/account-activity.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import { ScoringService } from './scoring.service.js';

/** Debounce: collect the accounts events touched for a moment, then rescore them together. */
export const RESCORE_DEBOUNCE_MS = 150;

/** Rescores accounts within moments of any ingested change (events, imports, CRUD of history). */
@Injectable()
export class RescoreOnActivity implements OnModuleInit, OnApplicationShutdown {
  private readonly pending = new Map<string, Set<string>>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private inFlight = Promise.resolve();

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
        .then(() => undefined)
        .catch((error: unknown) => this.log.error({ err: error, tenantId }, 'event-driven rescoring failed'));
    }
  }
}
