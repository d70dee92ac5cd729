import { Module } from '@nestjs/common';
import { DailyRescoreSchedules } from './daily-rescore-schedules.js';

/** API-side: keeps each tenant's daily rescoring Schedule in Temporal (the worker runs it). */
@Module({ providers: [DailyRescoreSchedules], exports: [DailyRescoreSchedules] })
export class ScoringSchedulesModule {}
