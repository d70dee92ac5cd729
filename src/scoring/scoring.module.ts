import { Module } from '@nestjs/common';
import { EscalationsModule } from '../escalations/escalations.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { HealthChanges } from './health-changes.js';
import { RescoreOnActivity } from './rescore-on-activity.js';
import { ScoringController } from './scoring.controller.js';
import { ScoringService } from './scoring.service.js';

@Module({
  imports: [RulesModule, EscalationsModule],
  controllers: [ScoringController],
  providers: [ScoringService, RescoreOnActivity, HealthChanges],
  exports: [ScoringService, RescoreOnActivity, HealthChanges],
})
export class ScoringModule {}
