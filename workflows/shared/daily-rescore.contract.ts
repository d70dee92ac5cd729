/** Workflow-safe contract of the scheduled portfolio rescoring. */
export interface DailyRescoreInput {
  tenantId: string;
}

export interface RescoreSummary {
  tenantId: string;
  accounts: number;
  snapshots: number;
  escalations: number;
  ms: number;
}

export interface ScoringActivities {
  rescorePortfolio(input: DailyRescoreInput): Promise<RescoreSummary>;
}
