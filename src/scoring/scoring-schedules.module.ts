import { Module } from '@nestjs/common';
import { TenantSchedules } from './tenant-schedules.js';

/** API-side: keeps each tenant's Temporal Schedules (daily rescoring, renewal scheduler); the worker runs them. */
@Module({ providers: [TenantSchedules], exports: [TenantSchedules] })
export class ScoringSchedulesModule {}
