import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { Tenant } from '../tenants/tenant.entity.js';

/** Re-check for new tenants (and for Temporal coming back) this often. */
const RECONCILE_EVERY_MS = 5 * 60_000;

export const dailyRescoreScheduleId = (tenantId: string) => `${tenantId}/daily-rescore`;

/**
 * Makes sure every tenant has its daily rescoring Schedule in Temporal. Idempotent (an
 * existing schedule is left alone); retried in the background while Temporal is unreachable,
 * so the API never waits on it to boot.
 */
@Injectable()
export class DailyRescoreSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly ensured = new Set<string>();

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly temporal: TemporalClientService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      void this.reconcile().finally(() => {
        this.timer = setTimeout(tick, RECONCILE_EVERY_MS);
        this.timer.unref();
      });
    };
    tick();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Creates missing schedules; returns the ids ensured so far. */
  async reconcile(): Promise<string[]> {
    try {
      const tenants = await this.orm.em.fork().find(Tenant, {}, { fields: ['id'] });
      for (const { id } of tenants) if (!this.ensured.has(id)) await this.ensure(id);
    } catch (error) {
      this.log.warn({ reason: (error as Error).message }, 'daily rescoring schedules not reconciled yet (Temporal unreachable?)');
    }
    return [...this.ensured];
  }

  async ensure(tenantId: string): Promise<void> {
    const client = await this.temporal.client();
    const [hour, minute] = this.config.RESCORE_DAILY_AT.split(':').map(Number);
    try {
      await client.schedule.create({
        scheduleId: dailyRescoreScheduleId(tenantId),
        spec: { calendars: [{ hour, minute, comment: 'daily portfolio rescoring (UTC)' }] },
        action: { type: 'startWorkflow', workflowType: 'dailyRescoreWorkflow', args: [{ tenantId }], taskQueue: this.config.TEMPORAL_TASK_QUEUE, workflowId: `${tenantId}/daily-rescore/run` },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      });
      this.log.info({ tenantId, at: this.config.RESCORE_DAILY_AT }, 'daily rescoring schedule created');
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
    this.ensured.add(tenantId);
  }
}
