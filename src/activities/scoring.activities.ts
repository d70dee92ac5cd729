import type { DailyRescoreInput, RescoreSummary, ScoringActivities } from '../../workflows/shared/daily-rescore.contract.js';
import type { ScoringService } from '../scoring/scoring.service.js';

/** Scheduled rescoring runs in the worker, through the same service as event-driven rescoring. */
export function createScoringActivities(scoring: ScoringService): ScoringActivities {
  return {
    async rescorePortfolio({ tenantId }: DailyRescoreInput): Promise<RescoreSummary> {
      return scoring.rescore(tenantId, 'all', 'schedule');
    },
  };
}
