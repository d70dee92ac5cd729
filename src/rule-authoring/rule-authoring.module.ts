import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { ScoringModule } from '../scoring/scoring.module.js';
import { BacktestService } from './backtest.service.js';
import { PortfolioEvaluator } from './portfolio-evaluator.js';
import { PublicationService } from './publication.service.js';
import { RuleSetsController } from './rule-sets.controller.js';
import { RuleValidationService } from './rule-validation.service.js';
import { RuleVersionsService } from './rule-versions.service.js';
import { SimulationService } from './simulation.service.js';

/** Rule authoring sits above rules and scoring: it simulates with scoring's evaluator and rescores on publish. */
@Module({
  imports: [RulesModule, ScoringModule],
  controllers: [RuleSetsController],
  providers: [PortfolioEvaluator, RuleValidationService, RuleVersionsService, SimulationService, BacktestService, PublicationService],
})
export class RuleAuthoringModule {}
