import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../logging/logger.module.js';
import { HealthChanges, type HealthChange } from '../scoring/health-changes.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { healthChangedSignal } from '../../workflows/shared/play-signals.js';
import { PlayInstance } from './play-instance.entity.js';

/** Score changes reach running plays as signals (the plays decide what a change means). */
@Injectable()
export class PlayHealthSignaller implements OnModuleInit, OnApplicationShutdown {
  private chain = Promise.resolve();

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly changes: HealthChanges,
    private readonly temporal: TemporalClientService,
    @Inject(APP_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe((changes) => {
      this.chain = this.chain.then(() => this.signal(changes)).catch((error: unknown) => this.log.warn({ reason: (error as Error).message }, 'health not signalled to plays'));
    });
  }

  /** Resolves when every change published so far has been signalled. */
  /** In-flight work finishes before the ORM closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.chain;
  }

  settled(): Promise<void> {
    return this.chain;
  }

  private async signal(changes: HealthChange[]): Promise<void> {
    const byTenant = Map.groupBy(changes, (c) => c.tenantId);
    for (const [tenantId, list] of byTenant) {
      const plays = await this.orm.em.fork().find(PlayInstance, { tenantId, status: 'running', accountId: { $in: list.map((c) => c.accountId) } });
      if (!plays.length) continue;
      const client = await this.temporal.client();
      for (const play of plays) {
        const change = list.find((c) => c.accountId === play.accountId)!;
        await client.workflow
          .getHandle(play.workflowId)
          .signal(healthChangedSignal, { score: change.score, band: change.band, tier: change.tier, at: change.at, signals: change.signals })
          .catch((error: unknown) => this.log.warn({ workflowId: play.workflowId, reason: (error as Error).message }, 'play not signalled'));
      }
    }
  }
}
