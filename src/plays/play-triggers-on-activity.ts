import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccountActivity } from '../ingestion/account-activity.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import { PlayTriggers } from './play-triggers.js';

/**
 * A recorded departure, a champion leaving or a new client starts its play right away (the
 * daily scheduler would catch it too; this removes the wait). Cadence plays start daily.
 */
@Injectable()
export class PlayTriggersOnActivity implements OnModuleInit, OnApplicationShutdown {
  private chain = Promise.resolve();

  constructor(private readonly activity: AccountActivity, private readonly triggers: PlayTriggers, @Inject(APP_LOGGER) private readonly log: Logger) {}

  onModuleInit(): void {
    this.activity.subscribe((tenantId, accountIds) => {
      this.chain = this.chain
        .then(() => this.triggers.startDuePlays(tenantId, { accountIds, kinds: ['succession', 'onboarding'] }))
        .then(() => undefined)
        .catch((error: unknown) => this.log.warn({ tenantId, reason: (error as Error).message }, 'event-driven plays not started yet (the daily scheduler retries)'));
    });
  }

  /** In-flight work finishes before the ORM closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.chain;
  }

  settled(): Promise<void> {
    return this.chain;
  }
}
