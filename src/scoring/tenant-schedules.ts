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

interface TenantSchedule {
  /** Suffix of the schedule id `<tenant>/<name>`. */
  name: string;
  workflowType: string;
  /** HH:MM UTC. */
  at: (config: AppConfig) => string;
  comment: string;
}

/** Every tenant gets these schedules: daily rescoring (time-based facts) and the renewal scheduler. */
export const TENANT_SCHEDULES: TenantSchedule[] = [
  { name: 'daily-rescore', workflowType: 'dailyRescoreWorkflow', at: (c) => c.RESCORE_DAILY_AT, comment: 'daily portfolio rescoring (UTC)' },
  { name: 'renewal-scheduler', workflowType: 'renewalSchedulerWorkflow', at: (c) => c.RENEWAL_SCHEDULER_AT, comment: 'start renewal plays for contracts entering their lead time (UTC)' },
];

export const tenantScheduleId = (tenantId: string, name: string) => `${tenantId}/${name}`;

/**
 * Makes sure every tenant has its Temporal Schedules. Idempotent (an existing schedule is left
 * alone); retried in the background while Temporal is unreachable, so the API never waits on it.
 */
@Injectable()
export class TenantSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private stopping = false;
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
        if (this.stopping) return; // never re-arm after shutdown
        this.timer = setTimeout(tick, RECONCILE_EVERY_MS);
        this.timer.unref();
      });
    };
    tick();
  }

  onApplicationShutdown(): void {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Creates missing schedules; returns the tenants fully ensured so far. */
  async reconcile(): Promise<string[]> {
    try {
      const tenants = await this.orm.em.fork().find(Tenant, {}, { fields: ['id'] });
      for (const { id } of tenants) if (!this.ensured.has(id)) await this.ensure(id);
    } catch (error) {
      this.log.warn({ reason: (error as Error).message }, 'tenant schedules not reconciled yet (Temporal unreachable?)');
    }
    return [...this.ensured];
  }

  async ensure(tenantId: string): Promise<void> {
    const client = await this.temporal.client();
    for (const schedule of TENANT_SCHEDULES) {
      const [hour, minute] = schedule.at(this.config).split(':').map(Number);
      try {
        await client.schedule.create({
          scheduleId: tenantScheduleId(tenantId, schedule.name),
          spec: { calendars: [{ hour, minute, comment: schedule.comment }] },
          action: { type: 'startWorkflow', workflowType: schedule.workflowType, args: [{ tenantId }], taskQueue: this.config.TEMPORAL_TASK_QUEUE, workflowId: `${tenantId}/${schedule.name}/run` },
          policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
        });
        this.log.info({ tenantId, schedule: schedule.name, at: schedule.at(this.config) }, 'schedule created');
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      }
    }
    this.ensured.add(tenantId);
  }
}
