import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccountActivity } from '../ingestion/account-activity.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { PlayTriggers } from './play-triggers.js';

/** After Temporal was found unreachable, writes skip the start attempt for this long. */
const BACKOFF_MS = 30_000;

/**
 * A recorded departure, a champion leaving or a new client starts its play right away (the
 * daily scheduler would catch it too; this removes the wait). Cadence plays start daily.
 * While Temporal is down, each write costs one short probe at most, not a connect timeout per
 * play: ingestion and shutdown never queue behind an unreachable server.
 */
@Injectable()
export class PlayTriggersOnActivity implements OnModuleInit, OnApplicationShutdown {
  private chain = Promise.resolve();
  private unreachableUntil = 0;

  constructor(
    private readonly activity: AccountActivity,
    private readonly triggers: PlayTriggers,
    private readonly temporal: TemporalClientService,
    @Inject(APP_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.activity.subscribe((tenantId, accountIds) => {
      this.chain = this.chain
        .then(() => this.startDuePlays(tenantId, accountIds))
        .catch((error: unknown) => this.log.warn({ tenantId, reason: (error as Error).message }, 'event-driven plays not started yet (the daily scheduler retries)'));
    });
  }

  private async startDuePlays(tenantId: string, accountIds: string[]): Promise<void> {
    if (Date.now() < this.unreachableUntil) return;
    try {
      await this.temporal.probe();
    } catch (error) {
      this.unreachableUntil = Date.now() + BACKOFF_MS;
      throw error;
    }
    await this.triggers.startDuePlays(tenantId, { accountIds, kinds: ['succession', 'onboarding'] });
  }

  /** In-flight work finishes before the ORM closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.chain;
  }

  settled(): Promise<void> {
    return this.chain;
  }
}
