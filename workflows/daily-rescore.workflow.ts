import { proxyActivities } from '@temporalio/workflow';
import type { DailyRescoreInput, RescoreSummary, ScoringActivities } from './shared/daily-rescore.contract.js';

const { rescorePortfolio } = proxyActivities<ScoringActivities>({
  // A large portfolio takes minutes; heartbeat-free, so the timeout bounds a stuck run.
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumAttempts: 5 },
});

/**
 * Started by a per-tenant Temporal Schedule every day: time-based facts ("days since last
 * contact") change without any event, so the whole portfolio is rescored. Rescoring is
 * idempotent (unchanged accounts write nothing; escalations fire only on newly true triggers).
 */
export async function dailyRescoreWorkflow(input: DailyRescoreInput): Promise<RescoreSummary> {
  return rescorePortfolio(input);
}
